package rgwmon;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * One jar, three roles: {@code primary} (default; the master zone's monitor, API and dashboard),
 * {@code agent} (runs on every zone that pulls data and pushes what it sees to the primary) and
 * {@code demo} (the primary plus an agent against a stand-in radosgw-admin, for a first look).
 */
@Command(name = "rgw-multisite-monitor", mixinStandardHelpOptions = true,
        versionProvider = RgwMonitorApplication.Version.class,
        description = "Ceph RGW multisite replication monitor.",
        subcommands = {PrimaryCommand.class, AgentCommand.class, DemoCommand.class})
public class RgwMonitorApplication {

    static final List<String> ROLES = List.of("primary", "agent", "demo");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the role named by the first argument (primary when none is named); returns the exit code. */
    public static int run(String... args) {
        return new CommandLine(new RgwMonitorApplication())
                .setParameterExceptionHandler(RgwMonitorApplication::invalidInput)
                .execute(withDefaultRole(args));
    }

    /** A bad command line: the reason, picocli's suggestions if any, and always the usage; no stack trace. */
    private static int invalidInput(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String[] withDefaultRole(String[] args) {
        boolean roleGiven = args.length > 0
                && (ROLES.contains(args[0]) || List.of("-h", "--help", "-V", "--version", "help").contains(args[0]));
        if (roleGiven) {
            return args;
        }
        String[] withRole = new String[args.length + 1];
        withRole[0] = "primary";
        System.arraycopy(args, 0, withRole, 1, args.length);
        return withRole;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RgwMonitorApplication.class.getPackage().getImplementationVersion();
            return new String[] {"rgw-multisite-monitor " + (version == null ? "dev" : version)};
        }
    }
}
