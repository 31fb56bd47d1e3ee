package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import rgwmon.RgwMonitorApplication;
import rgwmon.exec.StandInData;

/**
 * The agent role as an operator runs it: {@code rgw-multisite-monitor agent [options]}, in-process,
 * against the stand-in radosgw-admin (real errors-scenario captures; the us-west folder doubles as
 * the zone radosgw-admin uses without --rgw-zone, to exercise auto-detection) and a test primary.
 */
class AgentCommandTest {

    static final String TOKEN = "cli-token-93b2";

    final ObjectMapper json = new ObjectMapper();
    TestPrimary primary;
    Path work;
    Path data;

    record Run(int exit, String out, String err, List<LogCapture.Line> log) {
        List<LogCapture.Line> atLeast(Level level) {
            return log.stream().filter(l -> l.level().isMoreSpecificThan(level)).toList();
        }
    }

    @BeforeEach
    void prepare() throws IOException {
        primary = new TestPrimary().start();
        work = Files.createTempDirectory("rgwmon-agent-cli-");
        data = AgentTestSupport.standInData("errors");
        // radosgw-admin without --rgw-zone: the stand-in then answers for zone "default"
        Path defaultZone = Files.createDirectories(data.resolve("default"));
        try (var files = Files.list(data.resolve("us-west"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, defaultZone.resolve(file.getFileName()));
            }
        }
        Files.writeString(work.resolve("agent.token"), TOKEN + "\n");
        Files.setPosixFilePermissions(work.resolve("agent.token"), PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void cleanUp() throws IOException {
        primary.close();
        StandInData.delete(work);
        StandInData.delete(data);
        Configurator.setRootLevel(Level.INFO);
        Configurator.setLevel("rgwmon", Level.INFO);
    }

    /** The seed's YAML keys plus the radosgw-admin settings; {@code extra} lines are appended. */
    Path config(String... extra) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "primary_url: " + primary.url(),
                "push_interval: 60",
                "spool_dir: " + work.resolve("spool"),
                "radosgw_admin:",
                "  binary: " + AgentTestSupport.STANDIN,
                "  conf: " + data,
                "  timeout_seconds: 20"));
        lines.addAll(List.of(extra));
        return Files.write(work.resolve("agent.yaml"), lines);
    }

    Run agent(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("agent"));
        argv.addAll(List.of(args));
        try (LogCapture log = LogCapture.attach()) {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = RgwMonitorApplication.run(argv.toArray(String[]::new));
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                    List.copyOf(log.lines));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception in");
        assertThat(run.log()).noneMatch(LogCapture.Line::withThrowable);
    }

    // --- command line -----------------------------------------------------------------------

    @Test
    void help_lists_the_seed_options_and_the_exit_codes() {
        Run run = agent("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--primary-url", "--interval", "--zone", "--max-buckets", "--config",
                "--token", "--token-file", "--once", "--dry-run", "--verbose", "--debug", "Exit codes:");
    }

    @Test
    void an_unknown_option_prints_the_usage_and_exits_2_without_a_stack_trace() {
        Run run = agent("--primary", "http://x:5000");
        assertThat(run.exit()).isEqualTo(AgentExit.USAGE.code());
        assertThat(run.err()).contains("Unknown options: '--primary'").contains("Possible solutions: --primary-url").contains("Usage: rgw-multisite-monitor agent");
        assertNoStackTrace(run);
    }

    @Test
    void a_zero_interval_or_bucket_budget_or_a_non_http_url_is_a_usage_error() {
        assertThat(agent("--interval", "0").err()).contains("--interval must be at least 1 second");
        assertThat(agent("--max-buckets", "-5").exit()).isEqualTo(2);
        Run url = agent("-u", "ftp://primary:21");
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err()).contains("--primary-url must be http(s)://");
        assertThat(agent("--interval", "sixty").exit()).isEqualTo(2);
    }

    @Test
    void a_config_file_with_an_unknown_key_or_a_bad_value_exits_3_naming_it() throws IOException {
        Run typo = agent("-c", config("primary_ur: http://x").toString());
        assertThat(typo.exit()).isEqualTo(AgentExit.CONFIG.code());
        assertThat(typo.err()).contains("unknown key 'primary_ur'").contains("known: primary_url");

        Run badValue = agent("-c", config("concurrency: many").toString());
        assertThat(badValue.exit()).isEqualTo(3);
        assertThat(badValue.err()).contains("concurrency must be a whole number");

        Run twice = agent("-c", config("push_interval: 30").toString());
        assertThat(twice.exit()).isEqualTo(3);
        assertThat(twice.err()).contains("is not valid YAML").contains("duplicate key push_interval");

        Run noProperties = agent("--properties", work.resolve("nope.properties").toString(), "--once", "--dry-run");
        assertThat(noProperties.exit()).isEqualTo(3);
        assertThat(noProperties.err()).contains("cannot read configuration file");

        Run missing = agent("-c", work.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("cannot read config file");
        assertNoStackTrace(missing);
    }

    @Test
    void an_invalid_tunable_in_a_properties_file_exits_3_with_one_line_naming_the_key() throws IOException {
        Path properties = Files.writeString(work.resolve("agent.properties"), "rgw.agent.spool.max-age = banana\n");
        Run run = agent("-c", config("token: t").toString(), "--properties", properties.toString(), "--once");
        assertThat(run.exit()).isEqualTo(AgentExit.CONFIG.code());
        assertThat(run.err().lines().filter(l -> !l.isBlank())).singleElement().asString()
                .contains("rgw.agent.spool.max-age = 'banana' is invalid").contains("duration");
        assertNoStackTrace(run);

        Files.writeString(properties, "rgw.agent.concurrency = many\n");
        Run notANumber = agent("-c", config("token: t").toString(), "--properties", properties.toString(), "--once");
        assertThat(notANumber.exit()).isEqualTo(AgentExit.CONFIG.code());
        assertThat(notANumber.err()).contains("rgw.agent.concurrency = 'many' is invalid: a whole number");
        assertNoStackTrace(notANumber);
        assertThat(primary.pushes).isEmpty();
    }

    @Test
    void every_role_prints_its_version() {
        for (String role : List.of("agent", "primary", "demo")) {
            PrintStream out = System.out;
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
                assertThat(RgwMonitorApplication.run(role, "-V")).isZero();
            } finally {
                System.setOut(out);
            }
            assertThat(stdout.toString(StandardCharsets.UTF_8)).as(role + " -V").startsWith("rgw-multisite-monitor ");
        }
    }

    // --- --once, --dry-run --------------------------------------------------------------------

    @Test
    void dry_run_once_prints_the_report_on_stdout_and_contacts_no_primary() throws IOException {
        Run run = agent("-c", config("max_buckets: 3").toString(), "--once", "--dry-run");

        assertThat(run.exit()).isZero();
        JsonNode report = json.readTree(run.out());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.get("zone").asText()).as("detected from sync status").isEqualTo("us-west");
        assertThat(report.get("syncStatus").get("dataSources").get(0).get("recoveringShards")).hasSize(5);
        assertInspected(report, 3);
        assertThat(primary.pushes).isEmpty();
        assertThat(primary.healthCalls.get()).isZero();
        assertThat(work.resolve("spool")).doesNotExist();
    }

    /**
     * {@code budget} bucket sync status calls were made; only those that answered count as inspected
     * (the stand-in has no recording for some buckets: those calls fail and are reported as failures).
     */
    static void assertInspected(JsonNode report, int budget) {
        long failedCalls = AgentTestSupport.list(report.get("failures")).stream()
                .filter(f -> f.get("command").asText().startsWith("bucket sync status")).count();
        assertThat(report.get("buckets").size() + failedCalls).as("calls made").isEqualTo(budget);
        assertThat(report.get("coverage").get("bucketsInspected").asInt()).isEqualTo(report.get("buckets").size());
    }

    @Test
    void once_pushes_one_report_with_the_token_file_and_the_command_line_wins_over_the_file()
            throws IOException {
        Run run = agent("-c", config("max_buckets: 7").toString(), "--max-buckets", "2", "--zone", "us-west",
                "--token-file", work.resolve("agent.token").toString(), "--once");

        assertThat(run.exit()).isZero();
        assertThat(primary.healthCalls.get()).isEqualTo(1);
        assertThat(primary.accepted()).hasSize(1);
        assertThat(primary.accepted().get(0).authorization()).isEqualTo("Bearer " + TOKEN);
        JsonNode report = json.readTree(primary.accepted().get(0).json());
        assertInspected(report, 2);
        assertThat(run.out()).isEmpty();
        assertThat(run.log()).extracting(LogCapture.Line::message).noneMatch(m -> m.contains(TOKEN));
    }

    @Test
    void a_token_on_the_command_line_wins_over_the_token_file_of_the_yaml() throws IOException {
        Path fileToken = Files.writeString(work.resolve("yaml.token"), "token-from-the-yaml-file\n");
        Run run = agent("-c", config("token_file: " + fileToken).toString(), "--token", TOKEN, "--once");
        assertThat(run.exit()).isZero();
        assertThat(primary.accepted()).singleElement()
                .satisfies(push -> assertThat(push.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void once_exits_9_when_the_primary_refuses_the_report_and_8_when_it_cannot_be_delivered() throws IOException {
        primary.pushAnswer = push -> new TestPrimary.Answer(401, "{\"error\":\"bad token for zone us-west\"}");
        Run refused = agent("-c", config("token: wrong").toString(), "--once");
        assertThat(refused.exit()).isEqualTo(AgentExit.REFUSED.code());
        assertThat(refused.atLeast(Level.ERROR)).extracting(LogCapture.Line::message)
                .anyMatch(m -> m.contains("401 bad token for zone us-west"));

        primary.pushAnswer = push -> new TestPrimary.Answer(500, "{\"error\":\"database locked\"}");
        Run kept = agent("-c", config("token: right").toString(), "--once");
        assertThat(kept.exit()).isEqualTo(AgentExit.UNDELIVERED.code());
        assertThat(Files.list(work.resolve("spool")).filter(p -> p.toString().endsWith(".json"))).hasSize(1);

        primary.pushAnswer = push -> TestPrimary.Answer.accepted();
        Run next = agent("-c", config("token: right").toString(), "--once");
        assertThat(next.exit()).isZero();
        assertThat(primary.accepted()).as("the spooled report first, then this run's").hasSize(2);
        assertThat(json.readTree(primary.accepted().get(0).json()).get("droppedReports").asLong())
                .as("the refused report").isEqualTo(1);
    }

    @Test
    void debug_shows_each_radosgw_admin_call_as_run() throws IOException {
        Run run = agent("-c", config().toString(), "--once", "--dry-run", "-d");
        assertThat(run.exit()).isZero();
        assertThat(run.log()).filteredOn(l -> l.level() == Level.DEBUG).extracting(LogCapture.Line::message)
                .anyMatch(m -> m.startsWith("exec timeout [--kill-after=") && m.contains(", sync, status]"))
                .anyMatch(m -> m.contains(", bucket, sync, status, --bucket=sync-errors]"));
    }

    // --- pre-flight ---------------------------------------------------------------------------

    void assertPreflightFailure(Run run, AgentExit exit, String reason) {
        assertThat(run.exit()).isEqualTo(exit.code());
        List<LogCapture.Line> errors = run.atLeast(Level.ERROR);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).startsWith("Pre-flight failed: ").contains(reason)
                .endsWith("(exit " + exit.code() + ")");
        assertNoStackTrace(run);
        assertThat(primary.pushes).isEmpty();
    }

    @Test
    void without_a_token_the_agent_does_not_start_exit_3() throws IOException {
        assertPreflightFailure(agent("-c", config().toString(), "--once"), AgentExit.CONFIG, "no token");
    }

    @Test
    void a_radosgw_admin_that_is_not_there_exits_4() throws IOException {
        Path config = config("token: t");
        Files.writeString(config, Files.readString(config).replace(AgentTestSupport.STANDIN.toString(),
                "/nonexistent/radosgw-admin"));
        assertPreflightFailure(agent("-c", config.toString(), "--once"), AgentExit.BINARY,
                "radosgw-admin '/nonexistent/radosgw-admin' is not runnable");
    }

    @Test
    void no_cluster_access_exits_5_with_radosgw_admins_reason() throws IOException {
        Files.writeString(data.resolve("default/realm-get.rc"), "1");
        Files.writeString(data.resolve("default/realm-get.stderr"), "failed to fetch mon config (--no-mon-config to skip)\n");
        assertPreflightFailure(agent("-c", config("token: t").toString(), "--once"), AgentExit.CLUSTER,
                "radosgw-admin realm get: exit code 1: failed to fetch mon config");
    }

    @Test
    void an_unreachable_primary_exits_6() throws IOException {
        Path config = config("token: t");
        primary.stop();
        assertPreflightFailure(agent("-c", config.toString(), "--once"), AgentExit.PRIMARY, "unreachable");
    }

    @Test
    void a_spool_directory_that_cannot_be_created_exits_3_before_any_cycle() throws IOException {
        // under a regular file: not creatable whoever runs the test (root included)
        Path config = config("token: t");
        Files.writeString(config, Files.readString(config).replace("spool_dir: " + work.resolve("spool"),
                "spool_dir: " + work.resolve("agent.token").resolve("spool")));
        assertPreflightFailure(agent("-c", config.toString(), "--once"), AgentExit.CONFIG,
                "spool directory " + work.resolve("agent.token").resolve("spool") + " is not creatable and writable");
    }

    @Test
    void a_zone_that_cannot_be_detected_or_is_not_the_given_one_exits_7() throws IOException {
        Files.writeString(data.resolve("default/sync-status.rc"), "1");
        assertPreflightFailure(agent("-c", config("token: t").toString(), "--once", "--dry-run"), AgentExit.ZONE,
                "zone not detected: radosgw-admin sync status: exit code 1");

        // the cluster answers as us-east although the operator said us-west
        Path config = config("token: t", "zone_name: us-west");
        Path eastAsWest = data.resolve("us-west");
        StandInData.delete(eastAsWest);
        Files.createDirectories(eastAsWest);
        try (var files = Files.list(data.resolve("us-east"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, eastAsWest.resolve(file.getFileName()));
            }
        }
        assertPreflightFailure(agent("-c", config.toString(), "--once", "--dry-run"), AgentExit.ZONE,
                "sync status reports zone 'us-east', not 'us-west'");
    }
}
