package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import rgwmon.agent.ReportDelivery.DrainResult;
import rgwmon.agent.TestPrimary.Answer;
import rgwmon.exec.StandInData;
import rgwmon.model.CollectionFailure;
import rgwmon.model.Coverage;
import rgwmon.model.ZoneReport;

/**
 * The push route (camel-http) and the spool behind it, against a JDK HttpServer playing the
 * primary: token, JSON, gzip, 4xx dropped once-logged, 5xx/unreachable kept and retried in order.
 */
class ReportDeliveryTest extends CamelMainTestSupport {

    static final String TOKEN = "zone-token-7f3c9a1e";
    static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");

    // static: the superclass constructor asks for the configuration before instance fields exist
    static final TestPrimary primary = new TestPrimary().start();
    static final Path spoolDir = createTempDir();
    final ObjectMapper json = new ObjectMapper();

    static Path createTempDir() {
        try {
            return Files.createTempDirectory("rgwmon-spool-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = new Properties();
        overrides.put("camel.main.configuration-classes", "rgwmon.agent.AgentConfiguration");
        overrides.put("camel.main.routes-include-pattern",
                "classpath:agent-routes/agent-push.camel.yaml,classpath:agent-routes/agent-errors.camel.yaml");
        overrides.put("camel.server.enabled", "false");
        overrides.put("rgw.agent.primary-url", primary.url());
        overrides.put("rgw.agent.token", TOKEN);
        overrides.put("rgw.agent.spool.dir", spoolDir.toString());
        overrides.put("rgw.agent.push.gzip-min-bytes", "2048");
        overrides.put("rgw.agent.push.backoff-initial", "200ms");
        overrides.put("rgw.agent.push.backoff-max", "400ms");
        overrides.put("rgw.agent.push.connect-timeout", "1000");
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @AfterEach
    void resetPrimaryAndSpool() throws Exception {
        primary.restartIfStopped();
        primary.pushes.clear();
        primary.pushAnswer = push -> Answer.accepted();
        StandInData.delete(spoolDir);
        Files.createDirectories(spoolDir);
    }

    @AfterAll
    static void stopPrimary() throws IOException {
        primary.close();
        StandInData.delete(spoolDir);
    }

    ReportDelivery delivery() {
        return context.getRegistry().lookupByNameAndType("reportDelivery", ReportDelivery.class);
    }

    ReportSpool spool() {
        return context.getRegistry().lookupByNameAndType("reportSpool", ReportSpool.class);
    }

    static ZoneReport report(int minute, int failures) {
        List<CollectionFailure> failed = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            failed.add(new CollectionFailure("bucket sync status --bucket=b-" + i, "EXIT_CODE",
                    "radosgw-admin bucket sync status --bucket=b-" + i + ": exit code 2", T0));
        }
        return new ZoneReport(ZoneReport.SCHEMA_VERSION, "us-west", "zone-id", T0.plusSeconds(60L * minute), "dev",
                null, null, List.of(), List.of(), new Coverage(0, 0, null), 0, failed);
    }

    JsonNode tree(TestPrimary.Push push) throws IOException {
        return json.readTree(push.json());
    }

    @Test
    void a_report_is_posted_as_json_with_the_bearer_token_and_iso_timestamps() throws Exception {
        delivery().enqueue(report(1, 0));
        assertThat(delivery().drain()).isEqualTo(DrainResult.EMPTY);

        assertThat(primary.pushes).hasSize(1);
        TestPrimary.Push push = primary.pushes.get(0);
        assertThat(push.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(push.contentType()).startsWith("application/json");
        assertThat(push.contentEncoding()).isNull();
        JsonNode body = tree(push);
        assertThat(body.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.get("zone").asText()).isEqualTo("us-west");
        assertThat(body.get("collectedAt").asText()).isEqualTo("2026-11-25T14:01:00Z");
        assertThat(body.get("droppedReports").asLong()).isZero();
        assertThat(spool().isEmpty()).isTrue();
    }

    @Test
    void a_large_report_is_sent_gzip_compressed_once() throws Exception {
        delivery().enqueue(report(1, 100));
        delivery().drain();

        TestPrimary.Push push = primary.pushes.get(0);
        assertThat(push.contentEncoding()).isEqualTo("gzip");
        assertThat(push.rawBody()).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(push.rawBody().length).isLessThan(push.json().length() / 4);
        assertThat(tree(push).get("failures")).hasSize(100);
    }

    @Test
    void a_refusal_is_logged_once_with_the_primarys_reason_then_dropped_and_counted() throws Exception {
        primary.pushAnswer = push -> new Answer(400, "{\"error\":\"invalid report: field zone must not be blank\"}");
        try (LogCapture log = LogCapture.attach()) {
            delivery().enqueue(report(1, 0));
            delivery().enqueue(report(2, 0));
            assertThat(delivery().drain()).isEqualTo(DrainResult.EMPTY);

            assertThat(primary.pushes).hasSize(2);
            List<LogCapture.Line> errors = log.atLeast(Level.WARN);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).message()).contains("400 invalid report: field zone must not be blank")
                    .contains("dropped");
            assertThat(errors.get(0).withThrowable()).isFalse();
        }
        assertThat(spool().dropped()).isEqualTo(2);

        primary.pushAnswer = push -> Answer.accepted();
        delivery().enqueue(report(3, 0));
        delivery().enqueue(report(4, 0));
        delivery().drain();
        assertThat(tree(primary.pushes.get(2)).get("droppedReports").asLong()).isEqualTo(2);
        assertThat(tree(primary.pushes.get(3)).get("droppedReports").asLong()).isZero();
        assertThat(spool().dropped()).isZero();
    }

    @Test
    void a_5xx_keeps_every_report_and_after_the_backoff_they_arrive_in_order_once() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        primary.pushAnswer = push -> failuresLeft.getAndDecrement() > 0 ? new Answer(503, "busy") : Answer.accepted();
        for (int minute = 1; minute <= 3; minute++) {
            delivery().enqueue(report(minute, 0));
        }
        assertThat(delivery().drain()).isEqualTo(DrainResult.RETRY_LATER);
        assertThat(delivery().drain()).isEqualTo(DrainResult.BACKING_OFF);
        assertThat(spool().size()).isEqualTo(3);

        try (LogCapture log = LogCapture.attach()) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> delivery().drain() == DrainResult.EMPTY);
            // one line per failed attempt: the two remaining 503s
            assertThat(log.atLeast(Level.WARN)).hasSize(2)
                    .allSatisfy(line -> assertThat(line.message()).contains("HTTP 503 busy"));
        }
        assertThat(primary.accepted()).extracting(p -> tree(p).get("collectedAt").asText())
                .containsExactly("2026-11-25T14:01:00Z", "2026-11-25T14:02:00Z", "2026-11-25T14:03:00Z");
        // the first report was tried four times (no retry behind the backoff's back), the others once
        assertThat(primary.pushes).extracting(p -> tree(p).get("collectedAt").asText()).containsExactly(
                "2026-11-25T14:01:00Z", "2026-11-25T14:01:00Z", "2026-11-25T14:01:00Z", "2026-11-25T14:01:00Z",
                "2026-11-25T14:02:00Z", "2026-11-25T14:03:00Z");
    }

    @Test
    void an_unreachable_primary_costs_one_warning_line_without_stack_trace_or_token() throws Exception {
        primary.stop();
        try (LogCapture log = LogCapture.attach()) {
            delivery().enqueue(report(1, 0));
            assertThat(delivery().drain()).isEqualTo(DrainResult.RETRY_LATER);

            List<LogCapture.Line> warnings = log.atLeast(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).withThrowable()).isFalse();
            assertThat(warnings.get(0).message()).contains("Push to the primary failed").contains("1 report(s) kept");
            assertThat(log.all()).doesNotContain(TOKEN);
        }
        assertThat(spool().size()).isEqualTo(1);

        primary.restart();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> delivery().drain() == DrainResult.EMPTY);
        assertThat(primary.accepted()).hasSize(1);
    }

    @Test
    void the_primarys_suspect_buckets_are_kept_as_hints_when_plausible() throws Exception {
        primary.pushAnswer = push -> new Answer(202,
                "{\"status\":\"accepted\",\"suspectBuckets\":[\"many-objects\",\"bad name\",\"tenant1/photos\",42]}");
        delivery().enqueue(report(1, 0));
        delivery().drain();
        PrimaryHints hints = context.getRegistry().lookupByNameAndType("primaryHints", PrimaryHints.class);
        assertThat(hints.suspectBuckets()).containsExactly("many-objects", "tenant1/photos");

        primary.pushAnswer = push -> new Answer(200, "ok");
        delivery().enqueue(report(2, 0));
        delivery().drain();
        assertThat(hints.suspectBuckets()).containsExactly("many-objects", "tenant1/photos");
    }
}
