package rgwmon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The shipped systemd units start the roles with options the roles accept, and keep secrets out of argv. */
class SystemdUnitsTest {

    static Map<String, String> service(String unit) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/main/systemd", unit))) {
            if (!line.startsWith("#") && line.contains("=")) {
                keys.merge(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1), (a, b) -> a + "\n" + b);
            }
        }
        return keys;
    }

    /** The arguments after {@code -jar <jar>}: what picocli sees. */
    static String[] roleArguments(String execStart) {
        List<String> words = Arrays.asList(execStart.trim().split("\\s+"));
        return words.subList(words.indexOf("-jar") + 2, words.size()).toArray(String[]::new);
    }

    @Test
    void the_agent_unit_runs_the_agent_role_from_its_yaml_config_and_restarts() throws IOException {
        Map<String, String> unit = service("rgw-zone-agent.service");
        String[] args = roleArguments(unit.get("ExecStart"));
        assertThat(args[0]).isEqualTo("agent");

        AgentCommand agent = new AgentCommand();
        new CommandLine(agent).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        assertThat(agent.config).isEqualTo(Path.of("/etc/rgw-monitor/agent.yaml"));
        assertThat(agent.token).as("no token on the command line").isNull();
        assertThat(unit).containsEntry("Restart", "always").containsKey("User").containsKey("EnvironmentFile")
                .containsEntry("RestartPreventExitStatus", "2 3");
    }

    @Test
    void the_primary_unit_runs_the_primary_role_with_its_secrets_in_an_environment_file() throws IOException {
        Map<String, String> unit = service("rgw-monitor-primary.service");
        String[] args = roleArguments(unit.get("ExecStart"));
        assertThat(args[0]).isEqualTo("primary");

        PrimaryCommand primary = new PrimaryCommand();
        new CommandLine(primary).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        assertThat(primary.port).isEqualTo(5000);
        assertThat(unit.get("ExecStart")).doesNotContainIgnoringCase("token");
        assertThat(unit).containsEntry("Restart", "always").containsKey("User")
                .containsEntry("EnvironmentFile", "-/etc/rgw-monitor/primary.env")
                .containsEntry("RestartPreventExitStatus", "2 " + PrimaryCommand.CONFIG_UNREADABLE);
    }

    /** The README's "Deployment" section, up to the next section. */
    static String deploymentSteps() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Deployment\n");
        assertThat(start).as("README has a Deployment section").isNotNegative();
        return readme.substring(start, readme.indexOf("\n### ", start + 1));
    }

    @Test
    void every_file_a_unit_requires_is_created_by_the_readme_deployment_steps() throws IOException {
        String steps = deploymentSteps();
        for (String unit : List.of("rgw-monitor-primary.service", "rgw-zone-agent.service")) {
            Map<String, String> keys = service(unit);
            String[] args = roleArguments(keys.get("ExecStart"));
            String config = args[Arrays.asList(args).indexOf("--config") + 1];
            assertThat(steps).as(unit + ": the --config file").contains("`" + config + "`");
            assertThat(steps).as(unit + ": the jar").contains(keys.get("ExecStart").split("\\s+")[
                    Arrays.asList(keys.get("ExecStart").split("\\s+")).indexOf("-jar") + 1]);
            assertThat(steps).as(unit + ": the state directory exists before the first (manual) run")
                    .contains("install -d -o " + keys.get("User") + " -g " + keys.get("Group") + " -m 0700 "
                            + keys.get("WorkingDirectory"));
            String environment = keys.get("EnvironmentFile");
            assertThat(environment).as(unit + ": an environment file the steps may skip is optional").startsWith("-");
        }
    }

    @Test
    void the_readme_agent_config_example_is_valid_and_spools_under_the_units_state_directory() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n# /etc/rgw-monitor/agent.yaml");
        String yaml = readme.substring(readme.indexOf('\n', start) + 1, readme.indexOf("```", start + 7));
        Path file = Files.createTempFile("agent-example-", ".yaml");
        try {
            Files.writeString(file, yaml);
            Map<String, String> keys = rgwmon.agent.AgentConfigFile.read(file);
            assertThat(keys.get("rgw.agent.spool.dir"))
                    .startsWith(service("rgw-zone-agent.service").get("WorkingDirectory") + "/");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void the_units_restart_except_after_the_exit_codes_a_restart_cannot_fix() throws IOException {
        assertThat(service("rgw-zone-agent.service").get("RestartPreventExitStatus"))
                .isEqualTo(rgwmon.agent.AgentExit.USAGE.code() + " " + rgwmon.agent.AgentExit.CONFIG.code());
        assertThat(deploymentSteps()).contains("2 and 3 for the agent").contains("2 and 5 for the primary");
    }
}
