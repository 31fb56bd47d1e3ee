package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static rgwmon.api.HttpClientSupport.json;

import java.net.http.HttpResponse;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import rgwmon.fixtures.RealFixtures;

/**
 * The whole primary pipeline on demand: POST /api/collect (admin token) runs one collection cycle
 * through the real exec route against the stand-in radosgw-admin (answering with the real 16.2.15
 * outputs of the "errors" scenario), the real parsers and the store; the API then shows it.
 */
@CamelMainTest(propertyPlaceholderLocations = {
        "classpath:primary-errors-scenario-quiet.properties", "classpath:application.properties"},
        properties = {
                "rgw.history.path=target/test-history/CollectEndpointTest/history",
                "rgw.api.admin.token=" + CollectEndpointTest.ADMIN_TOKEN})
class CollectEndpointTest {

    static final String ADMIN_TOKEN = "collect-admin-token-0123456789";

    @BeanInject
    CamelContext context;

    @Test
    void collect_needs_the_admin_token_and_feeds_the_api_from_radosgw_admin() {
        HttpClientSupport http = new HttpClientSupport(context.hasService(VertxPlatformHttpServer.class).getPort());
        // before any collection: the start-up gate has read the topology, nothing else
        assertThat(json(http.get("/api/topology")).get("discovered").asBoolean()).isTrue();
        assertThat(json(http.get("/api/buckets")).get("total").asInt()).isZero();

        assertThat(http.post("/api/collect", null, new byte[0]).statusCode()).isEqualTo(401);
        assertThat(http.post("/api/collect", null, new byte[0], "Authorization", "Bearer wrong").statusCode())
                .isEqualTo(401);
        assertThat(json(http.get("/api/buckets")).get("total").asInt()).isZero();

        for (int cycle = 0; cycle < 2; cycle++) {
            HttpResponse<String> collected = http.post("/api/collect", null, new byte[0],
                    "Authorization", "Bearer " + ADMIN_TOKEN);
            assertThat(collected.statusCode()).as(collected.body()).isEqualTo(200);
            assertThat(json(collected).get("status").asText()).isEqualTo("collected");
        }

        JsonNode topology = json(http.get("/api/topology"));
        assertThat(topology.get("masterZone").asText()).isEqualTo("us-east");
        assertThat(topology.get("periodId").asText()).isEqualTo(RealFixtures.period("errors").id());

        JsonNode buckets = json(http.get("/api/buckets?sort=sync"));
        assertThat(buckets.get("total").asInt()).isEqualTo(RealFixtures.bucketStats("errors", "us-east").buckets().size());
        JsonNode worst = buckets.get("items").get(0);
        assertThat(worst.get("name").asText()).isEqualTo("sync-errors");
        JsonNode west = worst.get("zones").get(0);
        assertThat(west.get("zone").asText()).isEqualTo("us-west");
        assertThat(west.get("objectDelta").asLong()).isEqualTo(5);
        assertThat(west.get("state").asText()).isEqualTo("BEHIND");

        JsonNode errors = json(http.get("/api/errors"));
        assertThat(errors.get("total").asInt())
                .isEqualTo(RealFixtures.syncErrors("errors", "us-east").entries().size());

        JsonNode east = json(http.get("/api/sync-status")).get("current").get(0);
        assertThat(east.get("zone").asText()).isEqualTo("us-east");
        assertThat(east.get("master").asBoolean()).isTrue();
        assertThat(east.get("sync").get("reportedBy").asText()).isEqualTo("primary");

        JsonNode health = json(http.get("/api/health"));
        assertThat(health.get("cephAccess").asBoolean()).isTrue();
        assertThat(health.get("reasons")).extracting(reason -> reason.get("code").asText()).contains("buckets-behind");
    }
}
