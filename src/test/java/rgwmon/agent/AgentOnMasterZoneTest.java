package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The agent on the metadata master (active-active setups run one there too), scenario
 * secondary-down-behind: us-east cannot pull from us-west, whose radosgw is down.
 */
class AgentOnMasterZoneTest extends AgentTestSupport {

    @Override
    String scenario() {
        return "secondary-down-behind";
    }

    @Override
    String zone() {
        return "us-east";
    }

    @Test
    void on_the_master_the_report_shows_no_metadata_pull_and_the_failed_data_source() throws Exception {
        JsonNode report = oneCycle();

        assertThat(report.get("zone").asText()).isEqualTo("us-east");
        JsonNode status = report.get("syncStatus");
        assertThat(status.get("metadataSync").get("health").asText()).isEqualTo("MASTER");
        JsonNode west = status.get("dataSources").get(0);
        assertThat(west.get("zoneName").asText()).isEqualTo("us-west");
        assertThat(west.get("health").asText()).isEqualTo("FAILED");
        assertThat(west.get("failures").get(0).asText()).contains("failed to retrieve sync info: (5) Input/output error");
        assertThat(report.get("shardDetails")).isEmpty();
        assertThat(report.get("coverage").get("bucketsKnown").asInt()).isEqualTo(21);
        // 21 calls made; only the 6 buckets with a stand-in recording answered, and only those count
        assertThat(report.get("coverage").get("bucketsInspected").asInt()).isEqualTo(report.get("buckets").size())
                .isEqualTo(6);
    }

    @Test
    void a_cycle_whose_sync_status_fails_still_reports_for_the_zone_with_the_failure_named() throws Exception {
        oneCycle();
        Path broken = data.resolve("us-east/sync-status.rc");
        Files.writeString(broken, "1");
        Files.writeString(data.resolve("us-east/sync-status.stderr"), "ERROR: failed to fetch datalog info\n");
        try {
            JsonNode report = oneCycle();
            assertThat(report.get("zone").asText()).isEqualTo("us-east");
            assertThat(report.get("zoneId").asText()).isEqualTo("a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1");
            assertThat(report.get("syncStatus").isNull()).isTrue();
            assertThat(list(report.get("failures"))).anySatisfy(f -> {
                assertThat(f.get("command").asText()).isEqualTo("sync status");
                assertThat(f.get("kind").asText()).isEqualTo("EXIT_CODE");
                assertThat(f.get("message").asText()).contains("failed to fetch datalog info");
            });
            assertThat(report.get("syncErrors").isNull()).as("the other calls went on").isFalse();
        } finally {
            Files.delete(broken);
        }
    }
}
