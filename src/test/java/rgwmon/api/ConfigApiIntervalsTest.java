package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static rgwmon.api.HttpClientSupport.json;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * POST /api/config changes the collection intervals of a running primary: the collector timers
 * (quiet at one hour in this profile) restart with the new period and actually run within it,
 * through the real exec route against the stand-in radosgw-admin. One primary per test: each starts
 * from the quiet intervals.
 */
@CamelMainTest(propertyPlaceholderLocations = {
        "classpath:primary-errors-scenario-quiet.properties", "classpath:application.properties"},
        properties = {
                "rgw.history.path=target/test-history/ConfigApiIntervalsTest/history",
                "rgw.api.admin.token=" + ConfigApiIntervalsTest.ADMIN_TOKEN})
class ConfigApiIntervalsTest {

    static final String ADMIN_TOKEN = "intervals-admin-token-0123456789";
    static final String[] ADMIN = {"Authorization", "Bearer " + ADMIN_TOKEN};

    @BeanInject
    CamelContext context;

    private HttpClientSupport http;

    @BeforeEach
    void connect() {
        http = new HttpClientSupport(context.hasService(VertxPlatformHttpServer.class).getPort());
    }

    private JsonNode properties() {
        return json(http.get("/api/config")).get("properties");
    }

    @Test
    void a_collector_interval_posted_with_the_admin_token_makes_that_collector_run_within_it() {
        assertThat(properties().get("rgw.collect.sync-status.interval-seconds").asText()).isEqualTo("3600");
        NotifyBuilder syncStatusRuns = new NotifyBuilder(context).fromRoute("collect-sync-status-timer")
                .whenCompleted(2).create();

        HttpResponse<String> changed = http.postJson("/api/config",
                Map.of("rgw.collect.sync-status.interval-seconds", 1), ADMIN);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("properties").get("rgw.collect.sync-status.interval-seconds").asText()).isEqualTo("1");
        assertThat(properties().get("rgw.collect.sync-status.interval-seconds").asText()).isEqualTo("1");
        // two ticks: the timer runs on the new period, not once
        assertThat(syncStatusRuns.matches(10, TimeUnit.SECONDS)).as("sync status collected twice on a 1 s period").isTrue();
        assertThat(json(http.get("/api/sync-status")).get("current").get(0).get("zone").asText()).isEqualTo("us-east");
    }

    @Test
    void the_default_interval_reaches_every_collector_that_refers_to_it_and_no_other() {
        assertThat(properties().get("rgw.collect.bucket-stats.interval-seconds").asText()).isEqualTo("3600");
        NotifyBuilder bucketStatsRuns = new NotifyBuilder(context).fromRoute("collect-bucket-stats-timer")
                .whenCompleted(1).create();

        HttpResponse<String> changed = http.postJson("/api/config", Map.of("rgw.collect.interval-seconds", 2), ADMIN);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode shown = properties();
        assertThat(shown.get("rgw.collect.interval-seconds").asText()).isEqualTo("2");
        // application.properties: these default to {{rgw.collect.interval-seconds}}
        assertThat(shown.get("rgw.collect.bucket-stats.interval-seconds").asText()).isEqualTo("2");
        assertThat(shown.get("rgw.collect.sync-errors.interval-seconds").asText()).isEqualTo("2");
        // set on its own in the profile: unchanged
        assertThat(shown.get("rgw.collect.topology.interval-seconds").asText()).isEqualTo("3600");
        assertThat(bucketStatsRuns.matches(10, TimeUnit.SECONDS)).as("bucket stats collected on the new default").isTrue();
        assertThat(json(http.get("/api/buckets")).get("total").asInt()).isPositive();
    }

    @Test
    void intervals_need_the_admin_token_and_positive_whole_seconds() {
        Map<String, Object> change = Map.of("rgw.collect.topology.interval-seconds", 5);
        assertThat(http.postJson("/api/config", change).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/config", change, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(properties().get("rgw.collect.topology.interval-seconds").asText()).isEqualTo("3600");

        for (Object bad : List.of(0, -5, 1.5, "soon", "")) {
            Map<String, Object> invalid = new LinkedHashMap<>();
            invalid.put("rgw.collect.topology.interval-seconds", bad);
            HttpResponse<String> refused = http.postJson("/api/config", invalid, ADMIN);
            assertThat(refused.statusCode()).as("%s: %s", bad, refused.body()).isEqualTo(400);
            JsonNode error = json(refused);
            assertThat(error.get("field").asText()).isEqualTo("rgw.collect.topology.interval-seconds");
            assertThat(error.get("message").asText()).contains("rgw.collect.topology.interval-seconds");
        }
        assertThat(properties().get("rgw.collect.topology.interval-seconds").asText()).isEqualTo("3600");
        assertThat(json(http.get("/api/config")).get("runtime")).extracting(JsonNode::asText)
                .contains("rgw.collect.interval-seconds", "rgw.collect.sync-status.interval-seconds",
                        "rgw.collect.topology.interval-seconds", "rgw.collect.bucket-instances.interval-seconds");
    }
}
