package rgwmon.exec;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.exec.ExecBinding;
import org.apache.camel.component.exec.ExecResult;

/**
 * Judges one finished radosgw-admin call. Success leaves stdout as the body (a String) and the
 * exit code and stderr in headers; anything else becomes a {@link RadosgwCommandException}.
 * Content-level failures (e.g. {@code sync status} exiting 0 while printing "failed to retrieve
 * sync info") are for the parsers to judge, not for the exit code.
 */
public class RadosgwOutcome implements Processor {

    public static final String EXIT_CODE = "RgwExitCode";
    public static final String STDERR = "RgwStderr";

    /** coreutils timeout: 124 after SIGTERM, 128+9 when it had to SIGKILL; 127/126: not runnable. */
    static final int TIMED_OUT = 124;
    static final int KILLED = 137;
    static final int NOT_FOUND = 127;
    static final int NOT_EXECUTABLE = 126;
    /** The watchdog of the exec endpoint (the backstop) ends the wrapper with SIGTERM. */
    static final int TERMINATED = 143;

    private static final int MAX_STDERR_CHARS = 2000;

    private final RadosgwSettings settings;

    public RadosgwOutcome(RadosgwSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String command = commandText(message);
        ExecResult result = message.getBody(ExecResult.class);
        if (result == null) {
            throw new RadosgwCommandException(command, RadosgwCommandException.Kind.NOT_FOUND, -1, "",
                    "no result from the exec component");
        }
        String stdout = message.getBody(String.class);
        String stderr = tail(message.getHeader(ExecBinding.EXEC_STDERR, InputStream.class));
        int exit = result.getExitValue();
        message.setHeader(EXIT_CODE, exit);
        message.setHeader(STDERR, stderr);
        message.removeHeader(ExecBinding.EXEC_STDERR);

        if (exit == TIMED_OUT || exit == KILLED || exit == TERMINATED) {
            int timeout = message.getHeader(RadosgwCommandLine.TIMEOUT_SECONDS, settings.timeoutSeconds(), Integer.class);
            throw new RadosgwCommandException(command, RadosgwCommandException.Kind.TIMEOUT, exit, stderr,
                    "no answer within " + timeout + " s (killed)");
        }
        if (exit == NOT_FOUND || exit == NOT_EXECUTABLE) {
            throw new RadosgwCommandException(command, RadosgwCommandException.Kind.NOT_FOUND, exit, stderr,
                    "cannot run '" + settings.binary() + "' (exit " + exit + "): is radosgw-admin installed and on PATH?");
        }
        if (exit != 0) {
            throw new RadosgwCommandException(command, RadosgwCommandException.Kind.EXIT_CODE, exit, stderr,
                    "exit code " + exit + lastLine(stderr));
        }
        if (stdout == null || stdout.isBlank()) {
            throw new RadosgwCommandException(command, RadosgwCommandException.Kind.EMPTY_OUTPUT, exit, stderr,
                    "exit code 0 but no output" + lastLine(stderr));
        }
        message.setBody(stdout);
    }

    static String commandText(Message message) {
        String command = message.getHeader(RadosgwCommandLine.COMMAND, "?", String.class);
        Object args = message.getHeader(RadosgwCommandLine.ARGS);
        return args instanceof java.util.List<?> list && !list.isEmpty()
                ? command + " " + String.join(" ", list.stream().map(String::valueOf).toList())
                : command;
    }

    private static String lastLine(String stderr) {
        if (stderr.isBlank()) {
            return "";
        }
        String[] lines = stderr.strip().split("\\R");
        return ": " + lines[lines.length - 1].strip();
    }

    /** The end of stderr is where radosgw-admin says what went wrong; keep that, bounded. */
    private static String tail(InputStream stderr) throws java.io.IOException {
        if (stderr == null) {
            return "";
        }
        String text = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        return text.length() > MAX_STDERR_CHARS ? text.substring(text.length() - MAX_STDERR_CHARS) : text;
    }
}
