package rgwmon;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The zone agent: runs where sync runs, parses what radosgw-admin says there, pushes it to the primary. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Collect sync state on this zone and push it to the primary.")
class AgentCommand implements Callable<Integer> {

    @Option(names = {"-u", "--primary-url"}, description = "URL of the primary, e.g. http://primary-node:5000.")
    String primaryUrl;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file read before the packaged application.properties.")
    Path config;

    @Override
    public Integer call() throws Exception {
        return new RoleLauncher("agent", RoleLauncher.AGENT_ROUTES)
                .configFile(config)
                .set("rgw.agent.primary-url", primaryUrl)
                .set("camel.server.enabled", false)
                .run();
    }
}
