package rgwmon;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The primary: runs on the master zone, collects, keeps history, serves API, metrics and dashboard. */
@Command(name = "primary", mixinStandardHelpOptions = true,
        versionProvider = RgwMonitorApplication.Version.class,
        description = "Monitor a real multisite from the master zone (the default role).",
        footer = {"", "Exit codes: 0 stopped, 1 unexpected failure, 2 radosgw-admin not runnable or invalid command line,",
            "3 no topology (no cluster access, no realm), 4 cannot listen on the port, 5 --config file unreadable."})
class PrimaryCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file read before the packaged application.properties.")
    Path config;

    @Option(names = {"-p", "--port"}, description = "HTTP port (default 5000).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default 0.0.0.0, so agents of other zones can push).")
    String host;

    /** Exit code when the --config file cannot be read (a restart does not fix it). */
    static final int CONFIG_UNREADABLE = 5;

    @Override
    public Integer call() throws Exception {
        RoleLauncher launcher = new RoleLauncher("primary", RoleLauncher.PRIMARY_ROUTES)
                .configFile(config)
                .set("camel.server.port", port)
                .set("camel.server.host", host);
        try {
            return launcher.run();
        } catch (RoleLauncher.UnreadableConfigException e) {
            System.err.println("rgw-multisite-monitor primary: " + e.getMessage());
            return CONFIG_UNREADABLE;
        }
    }
}
