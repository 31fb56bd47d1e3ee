package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import rgwmon.exec.StandInData;

/**
 * The whole agent (agent routes, exec route, parsers, AgentConfiguration) against the stand-in
 * radosgw-admin reading a real fixture scenario, pushing to a {@link TestPrimary}.
 * Subclasses name the scenario, the zone and extra properties in their constructor call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgentTestSupport extends CamelMainTestSupport {

    static final Path STANDIN = Path.of("src/main/resources/standin/radosgw-admin").toAbsolutePath();
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15").toAbsolutePath();
    static final Path SYNTHETIC = Path.of("src/test/resources/fixtures/synthetic").toAbsolutePath();
    static final String TOKEN = "us-west-token-5d1e0b";
    /** A daemon that cycles, retries its spool and backs off within a test's patience. */
    static final Map<String, String> FAST_DAEMON = Map.of("rgw.agent.interval", "300ms", "rgw.agent.max-buckets", "3",
            "rgw.agent.spool.retry-check", "100ms",
            "rgw.agent.push.backoff-initial", "100ms", "rgw.agent.push.backoff-max", "300ms",
            "rgw.agent.push.connect-timeout", "500");

    final ObjectMapper json = new ObjectMapper();
    TestPrimary primary;
    Path data;
    Path spool;

    /** Scenario folder name, zone whose point of view the agent takes, and extra properties. */
    abstract String scenario();

    abstract String zone();

    Map<String, String> properties() {
        return Map.of();
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        primary = new TestPrimary().start();
        data = standInData(scenario());
        spool = tempDir("rgwmon-agent-spool-");
        Properties overrides = new Properties();
        overrides.put("camel.main.configuration-classes", "rgwmon.RgwMonitorConfiguration,rgwmon.agent.AgentConfiguration");
        overrides.put("camel.main.routes-include-pattern",
                "classpath:agent-routes/*.camel.yaml,classpath:routes/radosgw-admin.camel.yaml");
        overrides.put("camel.server.enabled", "false");
        overrides.put("rgw.admin.binary", STANDIN.toString());
        overrides.put("rgw.admin.conf", data.toString());
        overrides.put("rgw.admin.zone", zone());
        overrides.put("rgw.admin.timeout-seconds", "20");
        overrides.put("rgw.admin.kill-after-seconds", "1");
        overrides.put("rgw.agent.primary-url", primary.url());
        overrides.put("rgw.agent.token", TOKEN);
        overrides.put("rgw.agent.spool.dir", spool.toString());
        // the fixtures' sync errors date from 2026-11-25: "recent" must reach back that far
        overrides.put("rgw.agent.recent-error-window", "3650d");
        overrides.putAll(properties());
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @AfterAll
    void cleanUp() throws IOException {
        // stop the agent's timers before their directories go away
        context.stop();
        primary.close();
        StandInData.delete(data);
        StandInData.delete(spool);
    }

    /** A copy of the real scenario plus this test set's synthetic drill-down outputs for it. */
    static Path standInData(String scenario) {
        Path copy = StandInData.copyOf(FIXTURES.resolve(scenario));
        String prefix = "pacific-16.2-agent-" + scenario + "-";
        try (var files = Files.list(SYNTHETIC.resolve("data-sync-status"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".synthetic.txt")) {
                    String rest = name.substring(prefix.length(), name.length() - ".synthetic.txt".length());
                    String zone = rest.substring(0, rest.indexOf("__"));
                    Files.copy(file, copy.resolve(zone).resolve(rest.substring(zone.length() + 2) + ".txt"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One --once run (cycle, then delivery); returns the report the primary accepted. */
    JsonNode oneCycle() throws IOException {
        int before = primary.accepted().size();
        assertThat(AgentRun.runOnce(context, false)).isEqualTo(AgentExit.OK);
        List<TestPrimary.Push> accepted = primary.accepted();
        assertThat(accepted).hasSize(before + 1);
        return json.readTree(accepted.get(accepted.size() - 1).json());
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array, String field) {
        return list(array).stream().map(n -> n.get(field).asText()).toList();
    }
}
