package rgwmon.agent;

import java.io.PrintStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import rgwmon.model.ZoneReport;

/** --dry-run: the report exactly as it would be pushed, pretty-printed on stdout (logs go to stderr). */
public class ReportPrinter {

    private final ObjectMapper json;
    private final PrintStream out;

    public ReportPrinter(ObjectMapper json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    public void print(ZoneReport report) throws JsonProcessingException {
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        out.flush();
    }
}
