package rgwmon.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.exec.ExecBinding;

/**
 * Builds the argument list of one radosgw-admin call: the coreutils {@code timeout} wrapper (it
 * kills the whole process group, so a wrapper script that forks cannot outlive the deadline),
 * the binary, the global arguments from configuration, then the call's words and its untrusted
 * arguments as separate list elements. Nothing goes through a shell.
 *
 * <p>Input headers: {@value #COMMAND} (trusted fixed words from a route, e.g. {@code "sync status"});
 * optionally {@value #ARGS} (a {@code List<String>}, e.g. {@code --bucket=<name>}), {@value #ZONE}
 * (another zone than the configured one) and {@value #TIMEOUT_SECONDS}.
 */
public class RadosgwCommandLine implements Processor {

    public static final String COMMAND = "RgwCommand";
    public static final String ARGS = "RgwArgs";
    public static final String ZONE = "RgwZone";
    public static final String TIMEOUT_SECONDS = "RgwTimeoutSeconds";

    private static final int BACKSTOP_GRACE_SECONDS = 5;

    private final RadosgwSettings settings;

    public RadosgwCommandLine(RadosgwSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        String command = exchange.getMessage().getHeader(COMMAND, String.class);
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("route did not set header " + COMMAND);
        }
        int timeout = exchange.getMessage().getHeader(TIMEOUT_SECONDS, settings.timeoutSeconds(), Integer.class);
        String zone = exchange.getMessage().getHeader(ZONE, String.class);
        exchange.getMessage().setHeader(ExecBinding.EXEC_COMMAND_ARGS,
                argv(command, zone, extraArgs(exchange), timeout));
        // Backstop only: the timeout wrapper ends the call first; this catches a wrapper that hangs.
        exchange.getMessage().setHeader(ExecBinding.EXEC_COMMAND_TIMEOUT,
                (timeout + settings.killAfterSeconds() + BACKSTOP_GRACE_SECONDS) * 1000L);
    }

    /** The full argument list handed to the {@code timeout} executable. */
    public List<String> argv(String command, String zone, List<String> extraArgs, int timeout) {
        List<String> argv = new ArrayList<>();
        argv.add("--kill-after=" + settings.killAfterSeconds() + "s");
        argv.add(timeout + "s");
        argv.add(settings.binary());
        argv.addAll(settings.globalArgs(zone));
        argv.addAll(Arrays.asList(command.trim().split("\\s+")));
        argv.addAll(extraArgs);
        return argv;
    }

    private static List<String> extraArgs(Exchange exchange) {
        Object args = exchange.getMessage().getHeader(ARGS);
        if (args == null) {
            return List.of();
        }
        if (!(args instanceof List<?> list)) {
            throw new IllegalArgumentException(ARGS + " must be a list of strings, not " + args.getClass().getName());
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object arg : list) {
            out.add(String.valueOf(arg));
        }
        return out;
    }
}
