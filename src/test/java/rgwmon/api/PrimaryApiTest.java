package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static rgwmon.api.HttpClientSupport.bytes;
import static rgwmon.api.HttpClientSupport.gzip;
import static rgwmon.api.HttpClientSupport.json;
import static rgwmon.fixtures.ModelRecords.EAST;
import static rgwmon.fixtures.ModelRecords.WEST;
import static rgwmon.fixtures.ModelRecords.behindSource;
import static rgwmon.fixtures.ModelRecords.bucket;
import static rgwmon.fixtures.ModelRecords.bucketSync;
import static rgwmon.fixtures.ModelRecords.error;
import static rgwmon.fixtures.ModelRecords.errors;
import static rgwmon.fixtures.ModelRecords.masterSyncStatus;
import static rgwmon.fixtures.ModelRecords.period;
import static rgwmon.fixtures.ModelRecords.recovering;
import static rgwmon.fixtures.ModelRecords.report;
import static rgwmon.fixtures.ModelRecords.stats;
import static rgwmon.fixtures.ModelRecords.westSyncStatus;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.data.TemporalUnitWithinOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import rgwmon.fixtures.LogCapture;
import rgwmon.history.SnapshotHistory;
import rgwmon.model.ZoneReport;
import rgwmon.store.MonitorStore;

/**
 * Boots the real main configuration (application.properties, routes/*.camel.yaml, the configuration
 * classes) on 127.0.0.1 and a free port, and exercises every endpoint over HTTP.
 */
@CamelMainTest(useJmx = true, properties = {
        "camel.server.host=127.0.0.1",
        "camel.server.port=0",
        // the start-up gate reads the topology through the stand-in; the collector timers stay quiet
        // so the store holds exactly what each test feeds it
        "rgw.admin.binary=" + PrimaryApiTest.STANDIN,
        "rgw.admin.conf=" + PrimaryApiTest.SCENARIO,
        "rgw.admin.zone=us-east",
        "rgw.collect.interval-seconds=3600",
        "rgw.collect.initial-delay-seconds=3600",
        "rgw.collect.topology.interval-seconds=3600",
        "rgw.collect.bucket-instances.delay-seconds=3600",
        "camel.server.max-body-size=262144",
        "rgw.history.path=target/test-history/PrimaryApiTest/history",
        "rgw.history.sample-interval-seconds=3600",
        "rgw.push.token=" + PrimaryApiTest.WEST_TOKEN_SPEC + "," + PrimaryApiTest.ARCHIVE_TOKEN_SPEC
                + ",us-idle:idle-token-0123456789abcdef",
        "rgw.push.max-bytes=65536",
        "rgw.api.admin.token=" + PrimaryApiTest.ADMIN_TOKEN})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrimaryApiTest {

    static final String STANDIN = "src/main/resources/standin/radosgw-admin";
    static final String SCENARIO = "src/test/resources/fixtures/ceph-16.2.15/errors";
    static final String WEST_TOKEN = "west-token-0123456789abcdef";
    static final String ARCHIVE_TOKEN = "archive-token-0123456789abcdef";
    static final String WEST_TOKEN_SPEC = "us-west:" + WEST_TOKEN;
    static final String ARCHIVE_TOKEN_SPEC = "us-archive:" + ARCHIVE_TOKEN;
    static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";

    @BeanInject
    CamelContext context;
    @BeanInject
    MonitorStore monitorStore;
    @BeanInject
    SnapshotHistory snapshotHistory;

    private HttpClientSupport http;
    private LogCapture logs;

    /** Once per class, but after the extension has injected the context (it does so per test). */
    @BeforeEach
    void start() throws Exception {
        if (http != null) {
            return;
        }
        http = new HttpClientSupport(context.hasService(VertxPlatformHttpServer.class).getPort());
        logs = new LogCapture();
        monitorStore.acceptPeriod(period(7));
        monitorStore.acceptSyncStatus(EAST, masterSyncStatus());
        for (int poll = 0; poll < 2; poll++) {
            monitorStore.acceptBucketStats(EAST, stats(bucket("photos", 1000, 10_000), bucket("logs", 50, 500),
                    bucket("sync-errors", 5, 10 << 20), bucket("acme", "invoices", 40, 400)));
            monitorStore.acceptBucketStats(WEST, stats(bucket("photos", 700, 7000), bucket("logs", 50, 500),
                    bucket("sync-errors", 5, 10 << 20), bucket("acme", "invoices", 40, 400)));
        }
        monitorStore.acceptSyncErrors(EAST, errors(error("logs", Instant.now().minusSeconds(3600), 5,
                "failed to sync bucket instance: (5) Input/output error")));
    }

    @AfterAll
    void stopCapture() {
        if (logs != null) {
            logs.close();
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static ZoneReport westReport(Instant collectedAt) {
        OffsetDateTime oldest = OffsetDateTime.ofInstant(collectedAt.minusSeconds(120), ZoneOffset.UTC);
        return report(WEST, collectedAt, westSyncStatus(behindSource(List.of(3, 17), oldest), null),
                errors(error("sync-errors", collectedAt.minusSeconds(30), 27, "failed to sync object(27) File too large")),
                List.of(bucketSync("sync-errors", 2), bucketSync("photos")),
                List.of(recovering(17, "sync-errors", 2, 95L)));
    }

    private HttpResponse<String> push(Object report, String token) {
        return http.postJson("/api/zone-agent/push", report, "Authorization", bearer(token));
    }

    private Instant lastWestPush = Instant.now().minusSeconds(500);

    /** Each call is newer than the one before, so it is applied. */
    private HttpResponse<String> pushNewWestReport() {
        lastWestPush = lastWestPush.plusSeconds(10);
        return push(westReport(lastWestPush), WEST_TOKEN);
    }

    // ------------------------------------------------------------------ read endpoints

    @Test
    void health_answers_json_with_status_reasons_and_the_demo_flag() {
        HttpResponse<String> response = http.get("/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isIn("OK", "DEGRADED");
        assertThat(health.get("demo").asBoolean()).isFalse();
        assertThat(health.get("cephAccess").asBoolean()).isTrue();
        assertThat(health.get("reasons").isArray()).isTrue();
        assertThat(Instant.parse(health.get("time").asText())).isCloseTo(Instant.now(), within(60));
        assertThat(health.get("bootId").asText()).isEqualTo(monitorStore.bootId());
    }

    private static TemporalUnitOffset within(long seconds) {
        return new TemporalUnitWithinOffset(seconds, ChronoUnit.SECONDS);
    }

    @Test
    void topology_names_the_master_zone_its_zones_and_endpoints() {
        JsonNode topology = json(http.get("/api/topology"));
        assertThat(topology.get("masterZone").asText()).isEqualTo(EAST);
        assertThat(topology.get("epoch").asLong()).isEqualTo(7);
        assertThat(topology.get("discovered").asBoolean()).isTrue();
        JsonNode zones = topology.get("zonegroups").get(0).get("zones");
        assertThat(zones).extracting(zone -> zone.get("name").asText()).containsExactly(EAST, WEST);
        assertThat(zones.get(1).get("endpoints").get(0).asText()).isEqualTo("http://127.0.0.1:8001");
        assertThat(topology.get("freshness").get("stale").asBoolean()).isFalse();
    }

    @Test
    void dashboard_has_summary_zones_agents_worst_buckets_and_the_last_n_history_samples() {
        snapshotHistory.recordLatest();
        snapshotHistory.recordLatest();
        snapshotHistory.recordLatest();
        JsonNode dashboard = json(http.get("/api/dashboard?last_n=2"));
        assertThat(dashboard.get("history")).hasSize(2);
        assertThat(dashboard.get("summary").get("buckets").asInt()).isEqualTo(4);
        assertThat(dashboard.get("summary").get("pendingObjects").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(dashboard.get("zones")).extracting(zone -> zone.get("name").asText()).contains(EAST, WEST);
        assertThat(dashboard.get("worstBuckets").get(0).get("name").asText()).isEqualTo("photos");
        assertThat(dashboard.get("zoneAgents").has("us-archive")).isTrue();
        assertThat(dashboard.get("health").get("status").asText()).isNotEmpty();
        assertThat(dashboard.get("bootId").asText()).isEqualTo(monitorStore.bootId())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(json(http.get("/api/dashboard")).get("history").size()).isBetween(3, MonitorApi.DEFAULT_LAST_N);
    }

    @Test
    void a_bad_parameter_is_a_400_that_names_it() {
        assertBadParameter(http.get("/api/dashboard?last_n=abc"), "last_n");
        assertBadParameter(http.get("/api/dashboard?last_n=-1"), "last_n");
        assertBadParameter(http.get("/api/buckets?sort=size"), "sort");
        assertBadParameter(http.get("/api/buckets?priority=URGENT"), "priority");
        assertBadParameter(http.get("/api/buckets?limit=0"), "limit");
        assertBadParameter(http.get("/api/buckets?offset=x"), "offset");
        assertBadParameter(http.get("/api/buckets?order=sideways"), "order");
        assertBadParameter(http.get("/api/errors?code=EIO"), "code");
        assertBadParameter(http.get("/api/sync-status?hours=0"), "hours");
        assertBadParameter(http.get("/api/buckets/photos?history_n=many"), "history_n");
    }

    private static void assertBadParameter(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("field").asText()).isEqualTo(parameter);
        assertThat(error.get("message").asText()).contains(parameter);
        assertThat(error.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void buckets_are_sorted_filtered_and_paged() {
        JsonNode bySync = json(http.get("/api/buckets?sort=sync"));
        assertThat(bySync.get("total").asInt()).isEqualTo(4);
        assertThat(bySync.get("items").get(0).get("name").asText()).isEqualTo("photos");
        assertThat(bySync.get("items").get(0).get("syncPercent").asDouble()).isEqualTo(70.0);
        assertThat(bySync.get("items").get(0).get("priority").asText()).isEqualTo("HIGH");
        assertThat(bySync.get("byPriority").get("HIGH").asInt()).isEqualTo(1);

        JsonNode byName = json(http.get("/api/buckets?sort=name&order=desc&limit=2&offset=1"));
        assertThat(byName.get("items")).extracting(item -> item.get("name").asText()).containsExactly("photos", "logs");
        assertThat(byName.get("total").asInt()).isEqualTo(4);

        JsonNode high = json(http.get("/api/buckets?priority=high"));
        assertThat(high.get("items")).extracting(item -> item.get("name").asText()).containsExactly("photos");
        JsonNode behind = json(http.get("/api/buckets?state=BEHIND"));
        assertThat(behind.get("items")).extracting(item -> item.get("name").asText()).contains("photos");
        JsonNode search = json(http.get("/api/buckets?q=INVOICE"));
        assertThat(search.get("items")).extracting(item -> item.get("name").asText()).containsExactly("acme/invoices");
        JsonNode byDelta = json(http.get("/api/buckets?sort=delta"));
        assertThat(byDelta.get("items").get(0).get("objectDelta").asLong()).isEqualTo(300);
        assertThat(json(http.get("/api/buckets?sort=errors")).get("items").get(0).get("errorCount").asInt()).isPositive();
        assertThat(json(http.get("/api/buckets?sort=lag")).get("total").asInt()).isEqualTo(4);
    }

    @Test
    void bucket_detail_compares_zones_and_has_history_shards_and_errors() {
        assertThat(pushNewWestReport().statusCode()).isEqualTo(200);
        snapshotHistory.recordLatest();

        JsonNode detail = json(http.get("/api/buckets/sync-errors"));
        assertThat(detail.get("masterZone").asText()).isEqualTo(EAST);
        JsonNode west = detail.get("bucket").get("zones").get(0);
        assertThat(west.get("zone").asText()).isEqualTo(WEST);
        assertThat(west.get("syncPercent").asDouble()).isEqualTo(100.0);
        assertThat(west.get("behindShards")).extracting(JsonNode::asInt).containsExactly(2);
        assertThat(west.get("recoveringShards")).extracting(JsonNode::asInt).containsExactly(2);
        assertThat(west.get("state").asText()).isIn("RECOVERING", "BEHIND");
        assertThat(west.get("priority").asText()).isEqualTo("LOW");
        assertThat(west.get("sources").get(0).get("sourceZone").asText()).isEqualTo(EAST);
        assertThat(detail.get("history").size()).isPositive();
        assertThat(detail.get("errors").get(0).get("errorCode").asInt()).isEqualTo(27);
        assertThat(detail.get("errors").get(0).get("zone").asText()).isEqualTo(WEST);
    }

    @Test
    void a_tenanted_bucket_is_addressed_as_tenant_slash_bucket_or_with_an_encoded_slash() {
        for (String path : List.of("/api/buckets/acme%2Finvoices", "/api/buckets/acme/invoices")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode bucket = json(response).get("bucket");
            assertThat(bucket.get("name").asText()).as(path).isEqualTo("acme/invoices");
            assertThat(bucket.get("tenant").asText()).as(path).isEqualTo("acme");
            assertThat(bucket.get("bucket").asText()).as(path).isEqualTo("invoices");
        }
        // the two-segment form takes the same parameters and answers unknown buckets the same way
        assertThat(json(http.get("/api/buckets/acme/invoices?history_n=0")).get("history").size()).isZero();
        assertBadParameter(http.get("/api/buckets/acme/invoices?history_n=many"), "history_n");
        HttpResponse<String> unknown = http.get("/api/buckets/acme/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asText()).contains("acme/nothing-here");
        // a plain bucket name is still one segment: "acme" alone is no bucket here
        assertThat(http.get("/api/buckets/acme").statusCode()).isEqualTo(404);
    }

    @Test
    void an_unknown_bucket_or_path_is_a_404_in_json() {
        HttpResponse<String> bucket = http.get("/api/buckets/does-not-exist");
        assertThat(bucket.statusCode()).isEqualTo(404);
        assertThat(json(bucket).get("message").asText()).contains("does-not-exist");
        HttpResponse<String> path = http.get("/api/no-such-endpoint");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(json(path).get("status").asInt()).isEqualTo(404);
        assertThat(http.get("/no/such/page.html").statusCode()).isEqualTo(404);
    }

    @Test
    void errors_are_merged_from_primary_and_agents_grouped_and_newest_first() {
        assertThat(pushNewWestReport().statusCode()).isEqualTo(200);
        JsonNode report = json(http.get("/api/errors"));
        assertThat(report.get("total").asInt()).isEqualTo(2);
        JsonNode items = report.get("items");
        assertThat(items.get(0).get("zone").asText()).isEqualTo(WEST);
        assertThat(items.get(0).get("origin").asText()).isEqualTo("agent");
        assertThat(items.get(0).get("sourceZone").asText()).isEqualTo(EAST);
        assertThat(items.get(1).get("zone").asText()).isEqualTo(EAST);
        assertThat(items.get(1).get("origin").asText()).isEqualTo("primary");
        assertThat(Instant.parse(items.get(0).get("timestamp").asText()))
                .isAfter(Instant.parse(items.get(1).get("timestamp").asText()));
        assertThat(report.get("byZone").get(WEST).asInt()).isEqualTo(1);
        assertThat(report.get("byZone").get(EAST).asInt()).isEqualTo(1);
        assertThat(report.get("byCode")).extracting(group -> group.get("code").asInt()).containsExactlyInAnyOrder(27, 5);
        assertThat(report.get("byBucket")).extracting(group -> group.get("bucket").asText())
                .containsExactlyInAnyOrder("sync-errors", "logs");
        assertThat(json(http.get("/api/errors?zone=us-west&code=27")).get("total").asInt()).isEqualTo(1);
        assertThat(json(http.get("/api/errors?bucket=logs")).get("items").get(0).get("errorCode").asInt()).isEqualTo(5);
    }

    @Test
    void sync_status_has_every_zones_current_state_and_history() {
        assertThat(pushNewWestReport().statusCode()).isEqualTo(200);
        snapshotHistory.recordLatest();
        JsonNode status = json(http.get("/api/sync-status?last_n=5"));
        JsonNode west = null;
        for (JsonNode zone : status.get("current")) {
            if (zone.get("zone").asText().equals(WEST)) {
                west = zone;
            }
        }
        assertThat(west).isNotNull();
        assertThat(west.get("agent").asBoolean()).isTrue();
        JsonNode source = west.get("sync").get("sources").get(0);
        assertThat(source.get("sourceZone").asText()).isEqualTo(EAST);
        assertThat(source.get("behindShards")).extracting(JsonNode::asInt).containsExactly(3, 17);
        assertThat(source.get("lagSeconds").asLong()).isEqualTo(120);
        assertThat(status.get("history").size()).isBetween(1, 5);
        assertThat(json(http.get("/api/sync-status?hours=1")).get("history").size()).isPositive();
    }

    // ------------------------------------------------------------------ push

    @Test
    void a_valid_push_is_applied_and_shows_in_zone_agents() {
        HttpResponse<String> response = pushNewWestReport();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("applied");
        assertThat(response.headers().firstValue("Authorization")).isEmpty();

        JsonNode agents = json(http.get("/api/zone-agents"));
        JsonNode west = agents.get(WEST);
        assertThat(west.get("stale").asBoolean()).isFalse();
        assertThat(west.get("ageSeconds").asLong()).isLessThan(60);
        assertThat(west.get("staleAfterSeconds").asLong()).isEqualTo(300);
        assertThat(Instant.parse(west.get("lastPush").asText())).isCloseTo(Instant.now(), within(60));
        assertThat(west.get("tokenConfigured").asBoolean()).isTrue();
        // a configured zone that never pushed is listed as stale
        assertThat(agents.get("us-idle").get("stale").asBoolean()).isTrue();
        assertThat(agents.get("us-idle").get("lastPush").isNull()).isTrue();
    }

    @Test
    void the_push_answer_names_the_buckets_whose_object_count_differs_on_that_zone() {
        // photos: 1000 objects on the master us-east, 700 on us-west; the other buckets match
        HttpResponse<String> response = pushNewWestReport();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("suspectBuckets")).extracting(JsonNode::asText).containsExactly("photos");
    }

    @Test
    void the_documented_example_payload_is_accepted() throws Exception {
        String example = new String(getClass().getResourceAsStream("/push/zone-report-v1.json").readAllBytes(),
                StandardCharsets.UTF_8);
        ObjectNode payload = (ObjectNode) HttpClientSupport.JSON.readTree(example);
        payload.put("zone", "us-archive");
        ((ObjectNode) payload.get("syncStatus")).put("zoneName", "us-archive");
        payload.put("collectedAt", Instant.now().toString());
        HttpResponse<String> response = push(payload, ARCHIVE_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("applied");
        assertThat(monitorStore.snapshot().agents()).containsKey("us-archive");
    }

    @Test
    void a_gzip_push_is_accepted() {
        lastWestPush = lastWestPush.plusSeconds(10);
        HttpResponse<String> response = http.post("/api/zone-agent/push", "application/json; charset=UTF-8",
                gzip(bytes(westReport(lastWestPush))), "Authorization", bearer(WEST_TOKEN), "Content-Encoding", "gzip");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("applied");
        assertThat(monitorStore.snapshot().agents().get(WEST).collectedAt()).isEqualTo(lastWestPush);
    }

    @Test
    void a_report_older_than_the_last_applied_one_is_ignored() {
        assertThat(pushNewWestReport().statusCode()).isEqualTo(200);
        HttpResponse<String> older = push(westReport(lastWestPush.minusSeconds(5)), WEST_TOKEN);
        assertThat(older.statusCode()).isEqualTo(200);
        JsonNode answer = json(older);
        assertThat(answer.get("status").asText()).isEqualTo("ignored");
        assertThat(Instant.parse(answer.get("lastApplied").asText())).isEqualTo(lastWestPush);
        assertThat(monitorStore.snapshot().agents().get(WEST).collectedAt()).isEqualTo(lastWestPush);
    }

    @Test
    void a_missing_or_wrong_token_is_a_401() {
        ZoneReport report = westReport(Instant.now());
        assertThat(http.postJson("/api/zone-agent/push", report).statusCode()).isEqualTo(401);
        assertThat(push(report, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/zone-agent/push", report, "Authorization", "Basic " + WEST_TOKEN).statusCode())
                .isEqualTo(401);
        // a valid token of another zone may not push for us-west
        HttpResponse<String> otherZone = push(report, ARCHIVE_TOKEN);
        assertThat(otherZone.statusCode()).isEqualTo(401);
        assertThat(json(otherZone).get("message").asText()).contains(WEST);
        // the 401 comes before the body is looked at
        assertThat(http.post("/api/zone-agent/push", "application/json", bytes("{not json"), "Authorization",
                bearer("wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void an_invalid_payload_is_a_400_that_names_the_field() throws Exception {
        ObjectNode valid = (ObjectNode) HttpClientSupport.JSON.valueToTree(westReport(Instant.now()));

        ObjectNode wrongVersion = valid.deepCopy().put("schemaVersion", 2);
        assertInvalid(push(wrongVersion, WEST_TOKEN), "schemaVersion");

        ObjectNode noTime = valid.deepCopy();
        noTime.remove("collectedAt");
        assertInvalid(push(noTime, WEST_TOKEN), "collectedAt");

        ObjectNode future = valid.deepCopy().put("collectedAt", Instant.now().plus(Duration.ofDays(1)).toString());
        assertInvalid(push(future, WEST_TOKEN), "collectedAt");

        ObjectNode noBucketName = valid.deepCopy();
        ((ObjectNode) noBucketName.get("buckets").get(1).get("bucket")).remove("name");
        assertInvalid(push(noBucketName, WEST_TOKEN), "buckets[1].bucket.name");

        ObjectNode wrongType = valid.deepCopy();
        ((ObjectNode) wrongType.get("syncStatus")).put("dataSources", "many");
        assertInvalid(push(wrongType, WEST_TOKEN), "syncStatus.dataSources");

        ObjectNode otherZoneStatus = valid.deepCopy();
        ((ObjectNode) otherZoneStatus.get("syncStatus")).put("zoneName", EAST);
        assertInvalid(push(otherZoneStatus, WEST_TOKEN), "syncStatus.zoneName");

        assertInvalid(http.post("/api/zone-agent/push", "application/json", bytes("{\"schemaVersion\": 1,"),
                "Authorization", bearer(WEST_TOKEN)), "$");
        assertInvalid(http.post("/api/zone-agent/push", "application/json", new byte[0],
                "Authorization", bearer(WEST_TOKEN)), "$");
        assertJsonError(http.post("/api/zone-agent/push", "text/plain", bytes(valid), "Authorization",
                bearer(WEST_TOKEN)), 415, "Unsupported Media Type");
        assertThat(http.post("/api/zone-agent/push", "application/json", bytes(valid), "Authorization",
                bearer(WEST_TOKEN), "Content-Encoding", "br").statusCode()).isEqualTo(415);
        assertJsonError(http.get("/api/zone-agent/push"), 405, "Method Not Allowed");
        HttpResponse<String> quoted = http.get("/api/collect");
        assertJsonError(quoted, 405, "Method Not Allowed");
        assertThat(json(quoted).get("message").asText()).isEqualTo("GET is not allowed on /api/collect");
    }

    /** 405 and 415 come from the HTTP layer, not a route, and still answer in the API's error shape. */
    private static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("field").asText()).isEqualTo(field);
    }

    @Test
    void a_too_large_push_is_a_413_plain_or_gzip() {
        byte[] large = bytes(padded(100_000));
        HttpResponse<String> plain = http.post("/api/zone-agent/push", "application/json", large,
                "Authorization", bearer(WEST_TOKEN));
        assertThat(plain.statusCode()).isEqualTo(413);
        assertThat(json(plain).get("message").asText()).contains("rgw.push.max-bytes");

        // a small gzip body that expands beyond the limit once decompressed
        byte[] bomb = gzip(bytes(padded(1_000_000)));
        assertThat(bomb.length).isLessThan(65536);
        HttpResponse<String> zipped = http.post("/api/zone-agent/push", "application/json", bomb,
                "Authorization", bearer(WEST_TOKEN), "Content-Encoding", "gzip");
        assertThat(zipped.statusCode()).isEqualTo(413);

        // beyond the server's body limit the server itself refuses
        HttpResponse<String> beyondServerLimit = http.post("/api/zone-agent/push", "application/json",
                new byte[300_000], "Authorization", bearer(WEST_TOKEN));
        assertThat(beyondServerLimit.statusCode()).isEqualTo(413);
        assertThat(json(beyondServerLimit).get("message").asText()).contains("camel.server.max-body-size");
    }

    private static Map<String, Object> padded(int size) {
        return Map.of("schemaVersion", 1, "zone", WEST, "padding", "x".repeat(size));
    }

    // ------------------------------------------------------------------ events, metrics, JMX

    @Test
    void the_event_stream_announces_the_snapshot_a_push_produced() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/events")).GET().build();
        HttpResponse<Stream<String>> response = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.startsWith("data:")));
            assertThat(pushNewWestReport().statusCode()).isEqualTo(200);
            long pushed = monitorStore.snapshot().sequence();
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id: " + pushed));
            assertThat(lines).contains("event: snapshot");
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"message\":\"snapshot " + pushed + " ready\"")
                    .contains("\"snapshot\":" + pushed + ",\"boot\":\"" + monitorStore.bootId() + "\""));
        } finally {
            reader.interrupt();
        }
    }

    @Test
    void metrics_have_route_metrics_and_the_monitors_gauges() {
        assertThat(pushNewWestReport().statusCode()).isEqualTo(200);
        HttpResponse<String> response = http.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        String metrics = response.body();
        assertThat(metrics).contains("routeId=\"api-zone-agent-push\"");
        assertThat(metrics).containsPattern(
                "rgwmon_bucket_sync_percent\\{bucket=\"photos\",source_zone=\"us-east\",zone=\"us-west\"} 70\\.0");
        assertThat(metrics).containsPattern(
                "rgwmon_bucket_object_delta\\{bucket=\"photos\",source_zone=\"us-east\",zone=\"us-west\"} 300\\.0");
        assertThat(metrics).containsPattern(
                "rgwmon_bucket_behind_shards\\{bucket=\"sync-errors\",source_zone=\"us-east\",zone=\"us-west\"} 1\\.0");
        assertThat(metrics).containsPattern(
                "rgwmon_bucket_recovering_shards\\{bucket=\"sync-errors\",source_zone=\"us-east\",zone=\"us-west\"} 1\\.0");
        assertThat(metrics).containsPattern("rgwmon_zone_behind_shards\\{source_zone=\"us-east\",zone=\"us-west\"} 2\\.0");
        assertThat(metrics).containsPattern("rgwmon_zone_lag_seconds\\{source_zone=\"us-east\",zone=\"us-west\"} 120\\.0");
        assertThat(metrics).containsPattern("rgwmon_sync_errors\\{source_zone=\"us-east\",zone=\"us-west\"} 1\\.0");
        assertThat(metrics).containsPattern("rgwmon_agent_push_age_seconds\\{zone=\"us-west\"} \\d");
        assertThat(metrics).contains("rgwmon_collection_failures{");
        assertThat(metrics).containsPattern("rgwmon_health \\d");
        assertThat(metrics).contains("rgwmon_bucket_series_dropped");
    }

    @Test
    void route_mbeans_are_visible_over_jmx() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> routes = server.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);
        List<String> ids = new ArrayList<>();
        for (ObjectName route : routes) {
            ids.add(String.valueOf(server.getAttribute(route, "RouteId")));
        }
        assertThat(ids).contains("api-health", "api-zone-agent-push", "api-buckets", "api-bucket", "api-json",
                "history-sample", "history-prune", "collect-now");
        http.get("/api/health");
        ObjectName health = routes.stream().filter(name -> name.getKeyProperty("name").contains("api-health"))
                .findFirst().orElseThrow();
        assertThat((Long) server.getAttribute(health, "ExchangesCompleted")).isPositive();
    }

    /**
     * What an operator's JMX client (jconsole, VisualVM) does: connect through a JMX connector and
     * list the route MBeans. The connector server is an RMI connector on 127.0.0.1 only, addressed
     * by its encoded stub (no RMI registry, no port on other interfaces).
     */
    @Test
    void route_mbeans_and_their_statistics_are_listed_through_a_remote_jmx_connector() throws Exception {
        Map<String, Object> loopbackOnly = Map.of(
                RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, new LoopbackServerSockets(),
                RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, new LoopbackClientSockets());
        JMXConnectorServer connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1"), loopbackOnly, ManagementFactory.getPlatformMBeanServer());
        connectorServer.start();
        try (JMXConnector connector = JMXConnectorFactory.connect(connectorServer.getAddress())) {
            MBeanServerConnection remote = connector.getMBeanServerConnection();
            Map<String, Long> completedByRoute = new HashMap<>();
            for (ObjectName route : remote.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null)) {
                completedByRoute.put(String.valueOf(remote.getAttribute(route, "RouteId")),
                        (Long) remote.getAttribute(route, "ExchangesCompleted"));
            }
            assertThat(completedByRoute).containsKeys("collect-sync-status", "collect-bucket-stats", "api-health");
            // the start-up gate read the topology once through the collection route
            assertThat(completedByRoute.get("read-topology")).isPositive();
        } finally {
            connectorServer.stop();
        }
    }

    /** Server sockets of the JMX connector listen on the loopback interface only. */
    static final class LoopbackServerSockets implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 0, InetAddress.getLoopbackAddress());
        }
    }

    /** Travels in the stub: the client connects to the loopback address whatever host name the stub carries. */
    static final class LoopbackClientSockets implements RMIClientSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LoopbackClientSockets;
        }

        @Override
        public int hashCode() {
            return LoopbackClientSockets.class.hashCode();
        }
    }

    // ------------------------------------------------------------------ admin

    @Test
    void config_masks_secrets_and_changes_only_runtime_settings_with_the_admin_token() {
        HttpResponse<String> view = http.get("/api/config");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).doesNotContain(WEST_TOKEN, ARCHIVE_TOKEN, ADMIN_TOKEN);
        JsonNode properties = json(view).get("properties");
        assertThat(properties.get("rgw.push.token").asText())
                .isEqualTo("us-west:********,us-archive:********,us-idle:********");
        assertThat(properties.get("rgw.api.admin.token").asText()).isEqualTo("********");
        assertThat(properties.get("rgw.history.retention-hours").asText()).isEqualTo("24");

        Map<String, Object> change = Map.of("rgw.metrics.max-bucket-series", 250);
        assertThat(http.postJson("/api/config", change).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/config", change, "Authorization", bearer("wrong")).statusCode()).isEqualTo(401);

        HttpResponse<String> changed = http.postJson("/api/config", change, "Authorization", bearer(ADMIN_TOKEN));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("properties").get("rgw.metrics.max-bucket-series").asText()).isEqualTo("250");
        assertThat(json(http.get("/api/config")).get("properties").get("rgw.metrics.max-bucket-series").asText())
                .isEqualTo("250");

        assertBadParameter(http.postJson("/api/config", Map.of("rgw.history.path", "/tmp/x"),
                "Authorization", bearer(ADMIN_TOKEN)), "rgw.history.path");
        assertBadParameter(http.postJson("/api/config", Map.of("rgw.sync.behind-after-polls", 0),
                "Authorization", bearer(ADMIN_TOKEN)), "rgw.sync.behind-after-polls");
        assertThat(http.post("/api/config", "application/json", new byte[0], "Authorization", bearer(ADMIN_TOKEN))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void tokens_never_appear_in_the_logs() {
        pushNewWestReport();
        push(westReport(Instant.now()), "guess-" + WEST_TOKEN);
        push(westReport(Instant.now()), ARCHIVE_TOKEN);
        http.postJson("/api/config", Map.of("rgw.store.stale-after-seconds", 600), "Authorization", bearer(ADMIN_TOKEN));
        http.postJson("/api/config", Map.of("x", 1), "Authorization", bearer("bad-" + ADMIN_TOKEN));
        assertThat(logs.lines()).isNotEmpty();
        assertThat(logs.lines()).noneMatch(line -> line.contains(WEST_TOKEN) || line.contains(ARCHIVE_TOKEN)
                || line.contains(ADMIN_TOKEN));
    }

    // ------------------------------------------------------------------ static dashboard

    @Test
    void the_dashboard_is_served_from_the_packaged_folder_only() {
        HttpResponse<String> index = http.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(index.body()).contains("RGW Multisite Monitor");
        assertThat(http.get("/index.html").statusCode()).isEqualTo(200);

        for (String path : List.of("/application.properties", "/rgwmon/PrimaryConfiguration.class",
                "/routes/api-status.camel.yaml", "/log4j2.properties", "/dashboard/index.html",
                "/../application.properties", "/%2e%2e/application.properties", "/..%2fapplication.properties",
                "/%2e%2e%2f%2e%2e%2fetc/passwd", "/META-INF/MANIFEST.MF")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("camel.main", "rgw.admin");
        }
    }

}
