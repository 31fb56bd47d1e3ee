package rgwmon.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Tails of the logs the suite keeps under target/e2e-logs/, printed when something failed. */
final class LogFiles {

    private LogFiles() {
    }

    static String lastLines(String text, int lines) {
        List<String> all = Arrays.asList(text.split("\n", -1));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no " + file + ")";
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            // the last 256 KiB are plenty for a tail and keep a huge log from filling the heap
            int from = Math.max(0, bytes.length - 256 * 1024);
            return lastLines(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8), lines);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    static void printTail(Path file, int lines) {
        System.err.println("----- last " + lines + " lines of " + file + " -----");
        System.err.println(tail(file, lines));
        System.err.println("----- end of " + file.getFileName() + " -----");
    }
}
