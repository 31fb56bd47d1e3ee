package rgwmon;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The primary: runs on the master zone, collects, keeps history, serves API, metrics and dashboard. */
@Command(name = "primary", mixinStandardHelpOptions = true,
        description = "Monitor a real multisite from the master zone (the default role).")
class PrimaryCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file read before the packaged application.properties.")
    Path config;

    @Option(names = {"-p", "--port"}, description = "HTTP port (default 5000).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default 0.0.0.0, so agents of other zones can push).")
    String host;

    @Override
    public Integer call() throws Exception {
        return new RoleLauncher("primary", RoleLauncher.PRIMARY_ROUTES)
                .configFile(config)
                .set("camel.server.port", port)
                .set("camel.server.host", host)
                .run();
    }
}
