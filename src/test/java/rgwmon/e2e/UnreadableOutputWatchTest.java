package rgwmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The end-to-end suite's detector of unreadable real output, on /api/dashboard answers shaped as
 * docs-api.md documents them: it must not miss a parse failure (or the suite would pass while a
 * parser fails on real output), and must not cry wolf on ordinary collection failures.
 */
class UnreadableOutputWatchTest {

    private final List<UnreadableOutputWatch.Finding> captured = new ArrayList<>();
    private final UnreadableOutputWatch watch = new UnreadableOutputWatch(captured::add, "us-east");

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void a_primary_part_failing_to_parse_is_a_finding_with_its_command_and_the_master_zone() throws Exception {
        watch.inspectDashboard(json("{'parts': [{'part': 'sync-status', 'zone': null, 'origin': 'primary',"
                + " 'stale': true, 'staleReason': 'PARSE: sync status line 7: unexpected line'}]}"));

        assertThat(captured).singleElement().satisfies(finding -> {
            assertThat(finding.zone()).isEqualTo("us-east");
            assertThat(finding.command()).containsExactly("sync", "status");
            assertThat(finding.what()).contains("line 7: unexpected line");
        });
    }

    @Test
    void an_agent_parse_failure_is_a_finding_on_the_agent_zone_with_the_reported_arguments() throws Exception {
        watch.inspectDashboard(json("{'zoneAgents': {'us-west': {'failures': ["
                + "{'command': 'bucket sync status --bucket=e2e-busy', 'kind': 'PARSE', 'message': 'line 3'},"
                + "{'command': 'bucket sync status --bucket=e2e-new', 'kind': 'EXIT_CODE', 'message': 'exit code 2'}]}}}"));

        assertThat(captured).singleElement().satisfies(finding -> {
            assertThat(finding.zone()).isEqualTo("us-west");
            assertThat(finding.command()).containsExactly("bucket", "sync", "status", "--bucket=e2e-busy");
        });
    }

    @Test
    void sync_status_lines_kept_as_warnings_are_a_finding() throws Exception {
        watch.inspectDashboard(json("{'zones': [{'name': 'us-west', 'sync': {'warnings': ['  something new: 3']}},"
                + "{'name': 'us-east', 'sync': {'warnings': []}}]}"));

        assertThat(captured).singleElement().satisfies(finding -> {
            assertThat(finding.zone()).isEqualTo("us-west");
            assertThat(finding.command()).containsExactly("sync", "status");
            assertThat(finding.what()).contains("something new: 3");
        });
    }

    @Test
    void buckets_a_zone_names_for_bucket_sync_status_parser_lines_are_findings_with_their_bucket() throws Exception {
        watch.inspectDashboard(json("{'zones': [{'name': 'us-east', 'buckets': null},"
                + "{'name': 'us-west', 'buckets': {'parserWarnings': 2, 'parserWarningBuckets': ['e2e-busy', 'acme/reports']}},"
                + "{'name': 'us-archive', 'buckets': {'parserWarnings': 0, 'parserWarningBuckets': []}}]}"));

        assertThat(captured).extracting(UnreadableOutputWatch.Finding::zone).containsExactly("us-west", "us-west");
        assertThat(captured).extracting(UnreadableOutputWatch.Finding::command).containsExactly(
                List.of("bucket", "sync", "status", "--bucket=e2e-busy"),
                List.of("bucket", "sync", "status", "--bucket=acme/reports"));
        assertThat(captured.get(0).what()).contains("e2e-busy", "/api/buckets/e2e-busy");
    }

    @Test
    void the_same_finding_seen_on_every_poll_is_captured_once() throws Exception {
        JsonNode dashboard = json("{'parts': [{'part': 'bucket-stats', 'zone': 'us-west', 'origin': 'primary',"
                + " 'staleReason': 'PARSE: bucket stats line 12'}]}");
        watch.inspectDashboard(dashboard);
        watch.inspectDashboard(dashboard);

        assertThat(captured).hasSize(1);
        assertThat(watch.findings()).hasSize(1);
    }

    @Test
    void failures_that_are_not_about_parsing_are_not_findings() throws Exception {
        watch.inspectDashboard(json("{'parts': [{'part': 'sync-status', 'zone': 'us-east', 'origin': 'primary',"
                + " 'staleReason': 'EXIT_CODE: radosgw-admin sync status: exit code 1: failed to fetch mon config'},"
                + "{'part': 'topology', 'zone': null, 'origin': 'primary', 'staleReason': null}],"
                + " 'zones': [{'name': 'us-west', 'sync': null}]}"));

        assertThat(captured).isEmpty();
        assertThat(watch.findings()).isEmpty();
    }

    @Test
    void a_fixture_is_named_like_the_real_ones() {
        assertThat(UnreadableOutputCapture.fileName(List.of("bucket", "sync", "status", "--bucket=e2e-busy")))
                .isEqualTo("bucket-sync-status__bucket-e2e-busy");
        assertThat(UnreadableOutputCapture.fileName(List.of("sync", "error", "list"))).isEqualTo("sync-error-list");
    }
}
