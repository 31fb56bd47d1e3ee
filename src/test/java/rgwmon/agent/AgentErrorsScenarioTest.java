package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Scenario errors (real Ceph 16.2.15 captures), us-west's point of view: everything synced except
 * 5 objects of 2 MiB in bucket sync-errors, refused by RADOS with EFBIG. Budget 2 buckets, one of
 * them reserved for the rotation: the flagged bucket must still be the one inspected.
 * Drill-down outputs (synthetic, consistent with the captures) exist for the recovering shards.
 */
class AgentErrorsScenarioTest extends AgentTestSupport {

    @Override
    String scenario() {
        return "errors";
    }

    @Override
    String zone() {
        return "us-west";
    }

    @Override
    Map<String, String> properties() {
        return Map.of("rgw.agent.max-buckets", "2", "rgw.agent.rotation-share", "0.5");
    }

    @Test
    void recovering_shards_efbig_errors_and_the_sync_errors_bucket_behind_reach_the_primary() throws Exception {
        JsonNode report = oneCycle();

        JsonNode east = report.get("syncStatus").get("dataSources").get(0);
        assertThat(east.get("health").asText()).isEqualTo("RECOVERING");
        assertThat(east.get("recoveringShardCount").asInt()).isEqualTo(5);
        assertThat(list(east.get("recoveringShards")).stream().map(JsonNode::asInt)).containsExactly(11, 12, 13, 17, 18);
        assertThat(report.get("syncStatus").get("metadataSync").get("health").asText()).isEqualTo("CAUGHT_UP");

        List<JsonNode> errors = list(report.get("syncErrors").get("entries"));
        assertThat(errors).hasSize(10).allSatisfy(e -> {
            assertThat(e.get("errorCode").asInt()).isEqualTo(27);
            assertThat(e.get("bucket").asText()).isEqualTo("sync-errors");
            assertThat(e.get("sourceZoneId").asText()).isEqualTo("a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1");
        });
        assertThat(errors).filteredOn(e -> !e.get("object").isNull())
                .extracting(e -> e.get("object").asText(), e -> e.get("message").asText())
                .contains(tuple("big-02.bin", "failed to sync object(27) File too large"));
        assertThat(errors).filteredOn(e -> e.get("object").isNull())
                .extracting(e -> e.get("message").asText())
                .containsOnly("failed to sync bucket instance: (27) File too large");

        List<JsonNode> shards = list(report.get("shardDetails"));
        assertThat(shards).extracting(d -> d.get("shardId").asInt()).containsExactly(11, 12, 13, 17, 18);
        assertThat(shards).allSatisfy(d -> assertThat(texts(d.get("recoveringBuckets"), "bucket"))
                .containsExactly("sync-errors"));
        assertThat(shards.get(0).get("recoveringBuckets").get(0).get("shard").asInt()).isEqualTo(1);
        assertThat(shards).allSatisfy(d -> assertThat(d.get("lagSeconds").isNumber()).isTrue());

        // two slots, one reserved: sync-errors (recovering, erroring, fewer objects) takes the other
        List<JsonNode> buckets = list(report.get("buckets"));
        assertThat(buckets).extracting(b -> b.get("bucket").get("name").asText()).contains("sync-errors");
        JsonNode source = buckets.stream().filter(b -> b.get("bucket").get("name").asText().equals("sync-errors"))
                .findFirst().orElseThrow().get("sources").get(0);
        assertThat(source.get("health").asText()).isEqualTo("BEHIND");
        assertThat(source.get("behindShardCount").asInt()).isEqualTo(5);
        assertThat(list(source.get("behindShards")).stream().map(JsonNode::asInt)).containsExactly(1, 2, 3, 7, 8);
        // two calls made; only those answered count as inspected (the other has no stand-in recording)
        assertThat(report.get("coverage").get("bucketsInspected").asInt()).isEqualTo(buckets.size()).isEqualTo(1);
        assertThat(report.get("coverage").get("bucketsKnown").asInt()).isEqualTo(21);
    }
}
