package rgwmon.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared radosgw-admin route as the collectors use it, loaded from routes/radosgw-admin.camel.yaml
 * with the real configuration, against the stand-in radosgw-admin reading real fixtures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadosgwAdminRouteTest extends CamelMainTestSupport {

    static final Path STANDIN = Path.of("src/main/resources/standin/radosgw-admin").toAbsolutePath();
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15").toAbsolutePath();
    static final Path DATA = StandInData.copyOf(FIXTURES.resolve("caught-up"));
    /** an unusual duration, so the test can find the stand-in's forked child among all processes */
    static final String HANG_SECONDS = "3593";

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = new Properties();
        overrides.put("camel.main.configuration-classes", "rgwmon.RgwMonitorConfiguration");
        overrides.put("camel.main.routes-include-pattern", "classpath:routes/radosgw-admin.camel.yaml");
        overrides.put("camel.server.enabled", "false");
        overrides.put("rgw.admin.binary", STANDIN.toString());
        overrides.put("rgw.admin.conf", DATA.toString());
        overrides.put("rgw.admin.zone", "us-west");
        overrides.put("rgw.admin.timeout-seconds", "20");
        overrides.put("rgw.admin.kill-after-seconds", "1");
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @AfterAll
    void removeData() throws IOException {
        StandInData.delete(DATA);
    }

    private String run(String command, Map<String, Object> headers) {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(RadosgwCommandLine.COMMAND, command);
        return template.requestBodyAndHeaders("direct:radosgw-admin", null, all, String.class);
    }

    private RadosgwCommandException failure(String command, Map<String, Object> headers) {
        try {
            run(command, headers);
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RadosgwCommandException.class);
            return (RadosgwCommandException) e.getCause();
        }
        throw new AssertionError("radosgw-admin " + command + " did not fail");
    }

    @Test
    void stdout_of_a_successful_call_becomes_the_body() throws IOException {
        String expected = Files.readString(FIXTURES.resolve("caught-up/us-west/sync-status.txt"));
        Exchange result = template.request("direct:radosgw-admin",
                e -> e.getMessage().setHeader(RadosgwCommandLine.COMMAND, "sync status"));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo(expected);
        assertThat(result.getMessage().getHeader(RadosgwOutcome.EXIT_CODE)).isEqualTo(0);
    }

    @Test
    void untrusted_arguments_reach_the_binary_as_single_arguments_without_a_shell() throws IOException {
        Path calls = DATA.resolve("calls.log");
        Files.writeString(calls, "");
        String hostile = "--bucket=a b;touch /tmp/rgwmon-pwned $(id) `id` '\"";
        failure("bucket stats", Map.of(RadosgwCommandLine.ARGS, List.of(hostile)));

        List<String> argv = Files.readAllLines(calls);
        assertThat(argv).containsSubsequence("-c", DATA.toString(), "--rgw-zone", "us-west",
                "--client_mount_timeout=10", "bucket", "stats", hostile, "--");
        assertThat(Path.of("/tmp/rgwmon-pwned")).doesNotExist();
    }

    @Test
    void a_zone_header_replaces_the_configured_zone() {
        String east = run("sync status", Map.of(RadosgwCommandLine.ZONE, "us-east"));
        assertThat(east).contains("(us-east)").contains("metadata sync no sync (zone is master)");
    }

    @Test
    void a_non_zero_exit_is_a_typed_failure_naming_the_command_with_stderr() {
        RadosgwCommandException e = failure("bucket stats",
                Map.of(RadosgwCommandLine.ARGS, List.of("--bucket=does-not-exist")));
        assertThat(e.kind()).isEqualTo(RadosgwCommandException.Kind.EXIT_CODE);
        assertThat(e.exitCode()).isEqualTo(210);
        assertThat(e.command()).isEqualTo("bucket stats --bucket=does-not-exist");
        assertThat(e.getMessage()).contains("exit code 210").contains("failure: (2002) Unknown error 2002");
    }

    @Test
    void empty_output_with_exit_zero_is_a_failure_not_an_empty_result() throws IOException {
        Files.writeString(DATA.resolve("us-west/zonegroup-list.txt"), "");
        RadosgwCommandException e = failure("zonegroup list", Map.of());
        assertThat(e.kind()).isEqualTo(RadosgwCommandException.Kind.EMPTY_OUTPUT);
        assertThat(e.getMessage()).contains("radosgw-admin zonegroup list").contains("no output");
    }

    @Test
    void a_hung_call_is_killed_at_its_deadline_with_every_child_process() throws IOException {
        Files.writeString(DATA.resolve("us-west/realm-get.hang"), HANG_SECONDS);
        long start = System.nanoTime();
        RadosgwCommandException e = failure("realm get", Map.of(RadosgwCommandLine.TIMEOUT_SECONDS, 1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.kind()).isEqualTo(RadosgwCommandException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("radosgw-admin realm get").contains("within 1 s");
        // 1 s deadline + 1 s kill grace; the stand-in's forked "sleep 3600" must not keep it waiting
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        await().atMost(Duration.ofSeconds(5)).until(() -> !StandInData.processRunning("sleep", HANG_SECONDS));
    }

    @Test
    void a_binary_that_cannot_be_run_is_reported_as_such() {
        RadosgwSettings settings = new RadosgwSettings("/nonexistent/radosgw-admin", "", "", "", "", "", 5, 1);
        Exchange exchange = template.request("exec:timeout", e -> {
            e.getMessage().setHeader(RadosgwCommandLine.COMMAND, "sync status");
            new RadosgwCommandLine(settings).process(e);
        });
        assertThatThrownBy(() -> new RadosgwOutcome(settings).process(exchange))
                .isInstanceOfSatisfying(RadosgwCommandException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RadosgwCommandException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("radosgw-admin sync status")
                            .contains("/nonexistent/radosgw-admin").contains("PATH");
                });
    }
}
