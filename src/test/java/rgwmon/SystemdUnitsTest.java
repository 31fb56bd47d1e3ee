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
                .containsEntry("EnvironmentFile", "/etc/rgw-monitor/primary.env");
    }
}
