package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static rgwmon.api.HttpClientSupport.bytes;
import static rgwmon.api.HttpClientSupport.gzip;
import static rgwmon.api.HttpClientSupport.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import rgwmon.collect.BucketInstanceCandidates;
import rgwmon.fixtures.RealFixtures;
import rgwmon.model.BucketRef;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.ZoneReport;
import rgwmon.processors.BucketSyncStatusParser;
import rgwmon.store.MonitorStore;

/**
 * The real main configuration fed like production: the collectors' part through the store's ingest
 * API (real 16.2.15 outputs of the "errors" scenario, parsed by the real parsers), the us-west agent's
 * part as ZoneReports built from the same real outputs, serialised to JSON, gzipped and POSTed.
 */
@CamelMainTest(propertyPlaceholderLocations = {
        "classpath:primary-errors-scenario-quiet.properties", "classpath:application.properties"},
        properties = {
                "rgw.history.path=target/test-history/RealFixturesPushTest/history",
                "rgw.push.token=us-west:" + RealFixturesPushTest.TOKEN})
class RealFixturesPushTest {

    static final String TOKEN = "real-fixture-token-0123456789";
    private static final String SCENARIO = "errors";

    @BeanInject
    CamelContext context;
    @BeanInject
    MonitorStore monitorStore;
    @BeanInject
    BucketInstanceCandidates bucketInstanceCandidates;

    private HttpResponse<String> push(HttpClientSupport http, ZoneReport report) {
        return http.post("/api/zone-agent/push", "application/json", gzip(bytes(report)),
                "Authorization", "Bearer " + TOKEN, "Content-Encoding", "gzip");
    }

    @Test
    void real_parsed_reports_pushed_over_http_show_in_the_api_and_metrics() {
        HttpClientSupport http = new HttpClientSupport(context.hasService(VertxPlatformHttpServer.class).getPort());
        Instant now = Instant.now();
        for (int cycle = 0; cycle < 2; cycle++) {
            monitorStore.acceptPeriod(RealFixtures.period(SCENARIO));
            monitorStore.acceptSyncStatus("us-east", RealFixtures.syncStatus(SCENARIO, "us-east"));
            monitorStore.acceptBucketStats("us-east", RealFixtures.bucketStats(SCENARIO, "us-east"));
            monitorStore.acceptBucketStats("us-west", RealFixtures.bucketStats(SCENARIO, "us-west"));
            HttpResponse<String> pushed = push(http,
                    RealFixtures.agentReport(SCENARIO, "us-west", now.minusSeconds(120 - 60L * cycle)));
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            assertThat(json(pushed).get("status").asText()).isEqualTo("applied");
        }

        JsonNode detail = json(http.get("/api/buckets/sync-errors"));
        JsonNode west = detail.get("bucket").get("zones").get(0);
        assertThat(west.get("objectDelta").asLong()).isEqualTo(5);
        assertThat(west.get("state").asText()).isEqualTo("BEHIND");
        assertThat(west.get("behindShards")).extracting(JsonNode::asInt).containsExactly(1, 2, 3, 7, 8);
        assertThat(detail.get("errorCount").asInt()).isEqualTo(RealFixtures.syncErrors(SCENARIO, "us-west").entries().size());

        JsonNode errors = json(http.get("/api/errors"));
        assertThat(errors.get("byCode").get(0).get("code").asInt()).isEqualTo(27);
        assertThat(errors.get("byZone").get("us-west").asInt()).isEqualTo(errors.get("total").asInt());

        JsonNode source = json(http.get("/api/sync-status")).get("current").get(1).get("sync").get("sources").get(0);
        assertThat(source.get("recoveringShards")).extracting(JsonNode::asInt).containsExactly(11, 12, 13, 17, 18);

        String metrics = http.get("/metrics").body();
        assertThat(metrics).containsPattern(
                "rgwmon_bucket_sync_percent\\{bucket=\"sync-errors\",source_zone=\"us-east\",zone=\"us-west\"} 50\\.0");
        assertThat(metrics).containsPattern("rgwmon_zone_recovering_shards\\{source_zone=\"us-east\",zone=\"us-west\"} 5\\.0");
        assertThat(metrics).containsPattern("rgwmon_sync_errors\\{source_zone=\"us-east\",zone=\"us-west\"} \\d+\\.0");
    }

    @Test
    void a_bucket_an_agent_reports_with_every_shard_behind_becomes_an_instance_candidate() {
        HttpClientSupport http = new HttpClientSupport(context.hasService(VertxPlatformHttpServer.class).getPort());
        // real: us-west's view while sync-disabled had sync disabled on the master (all 11 shards behind)
        HttpResponse<String> pushed = push(http, RealFixtures.agentReport("sync-disabled-bucket", "us-west", Instant.now()));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);

        assertThat(bucketInstanceCandidates.nextCandidates()).extracting(BucketRef::name).contains("sync-disabled");
    }

    @Test
    void bucket_sync_status_lines_an_agent_parser_did_not_read_show_per_bucket_and_are_counted_per_zone()
            throws Exception {
        HttpClientSupport http = new HttpClientSupport(context.hasService(VertxPlatformHttpServer.class).getPort());
        monitorStore.acceptPeriod(RealFixtures.period(SCENARIO));
        monitorStore.acceptBucketStats("us-east", RealFixtures.bucketStats(SCENARIO, "us-east"));
        monitorStore.acceptBucketStats("us-west", RealFixtures.bucketStats(SCENARIO, "us-west"));
        // the real small-01 output of us-west, as a newer release (or stderr mixed in) might print it:
        // a line before the header (a warning) and an unknown status line in the source block (a message)
        String real = RealFixtures.text(SCENARIO, "us-west", "bucket-sync-status__bucket-small-01.txt");
        String noisy = "ERROR: could not init bucket sync status\n" + real.replace(
                "                bucket is caught up with source",
                "                bucket index is being resharded\n                bucket is caught up with source");
        BucketSyncStatus smallOne = new BucketSyncStatusParser().parse(noisy);
        ZoneReport realReport = RealFixtures.agentReport(SCENARIO, "us-west", Instant.now());
        List<BucketSyncStatus> buckets = new ArrayList<>(realReport.buckets().stream()
                .filter(bucket -> !bucket.bucket().name().equals("small-01")).toList());
        buckets.add(smallOne);
        HttpResponse<String> pushed = push(http, new ZoneReport(realReport.schemaVersion(), realReport.zone(),
                realReport.zoneId(), realReport.collectedAt(), realReport.agentVersion(), realReport.syncStatus(),
                realReport.syncErrors(), buckets, realReport.shardDetails(), realReport.coverage(),
                realReport.droppedReports(), realReport.failures()));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);

        JsonNode west = json(http.get("/api/buckets/small-01")).get("bucket").get("zones").get(0);
        assertThat(west.get("zone").asText()).isEqualTo("us-west");
        assertThat(west.get("parserWarnings")).extracting(JsonNode::asText)
                .containsExactly("line 1: ERROR: could not init bucket sync status");
        assertThat(west.get("sources").get(0).get("messages")).extracting(JsonNode::asText)
                .containsExactly("bucket index is being resharded");
        // the buckets whose real output was read fully say so
        JsonNode clean = json(http.get("/api/buckets/sync-errors")).get("bucket").get("zones").get(0);
        assertThat(clean.get("parserWarnings")).isEmpty();
        assertThat(clean.get("sources").get(0).get("messages")).isEmpty();

        JsonNode zones = json(http.get("/api/dashboard")).get("zones");
        JsonNode westSummary = zones.get(1).get("buckets");
        assertThat(zones.get(1).get("name").asText()).isEqualTo("us-west");
        assertThat(westSummary.get("parserWarnings").asInt()).isEqualTo(1);
        assertThat(westSummary.get("parserWarningBuckets")).extracting(JsonNode::asText).containsExactly("small-01");
    }
}
