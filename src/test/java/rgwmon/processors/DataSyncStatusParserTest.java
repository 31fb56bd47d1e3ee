package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import rgwmon.model.DataSyncMarker;
import rgwmon.model.DataSyncStatus;
import rgwmon.model.DatalogStatus;

class DataSyncStatusParserTest {

    private static final String CAUGHT_UP_FROM_EAST = "data-sync-status__source-zone-us-east.txt";

    private final DataSyncStatusParser parser = new DataSyncStatusParser();
    private final DatalogStatusParser datalogParser = new DatalogStatusParser();

    @Test
    void caught_up_us_west_pulls_all_128_shards_incrementally_from_us_east() throws Exception {
        DataSyncStatus status = parser.parse(Fixtures.real("caught-up", "us-west", CAUGHT_UP_FROM_EAST));

        assertThat(status.status()).isEqualTo("sync");
        assertThat(status.numShards()).isEqualTo(128);
        assertThat(status.fullSyncTotal()).isZero();
        assertThat(status.fullSyncComplete()).isZero();
        assertThat(status.markers().get(0)).isEqualTo(new DataSyncMarker(0, "incremental-sync",
                "00000000000000000000:00000000000000000512", "", 0, 0, Instant.parse("2026-11-25T13:46:07.380809Z")));
        // a shard that never carried a change: empty marker and the unset time
        assertThat(status.markers().get(3)).isEqualTo(new DataSyncMarker(3, "incremental-sync", "", "", 0, 0, null));
        assertThat(status.markers()).filteredOn(m -> m.timestamp() != null).hasSize(77);
    }

    @ParameterizedTest
    @CsvSource({"caught-up,us-west,us-east", "caught-up,us-east,us-west", "errors,us-west,us-east",
            "sync-disabled-bucket,us-west,us-east"})
    void when_caught_up_every_marker_equals_the_source_datalog_head(String scenario, String zone, String source)
            throws Exception {
        DataSyncStatus status = parser.parse(Fixtures.real(scenario, zone, "data-sync-status__source-zone-" + source + ".txt"));
        DatalogStatus sourceLog = datalogParser.parse(Fixtures.real(scenario, source, "datalog-status.txt"));
        assertThat(behindShards(status, sourceLog)).isEmpty();
    }

    @Test
    void catching_up_markers_behind_the_source_datalog_are_the_behind_shards_sync_status_printed() throws Exception {
        DataSyncStatus status = parser.parse(Fixtures.real("catching-up", "us-west", CAUGHT_UP_FROM_EAST));
        DatalogStatus sourceLog = datalogParser.parse(Fixtures.real("catching-up", "us-east", "datalog-status.txt"));

        // the text form of the same moment: "data is behind on 40 shards" + "behind shards: [...]"
        Matcher printed = Pattern.compile("(?m)^ {24}behind shards: \\[([0-9,]*)]$")
                .matcher(Fixtures.real("catching-up", "us-west", "sync-status.txt"));
        assertThat(printed.find()).isTrue();
        List<Integer> expected = Arrays.stream(printed.group(1).split(",")).map(Integer::valueOf).toList();

        assertThat(expected).hasSize(40);
        assertThat(behindShards(status, sourceLog)).isEqualTo(expected);
    }

    /** Shards whose applied marker is not the source's newest (what radosgw-admin itself compares). */
    private static List<Integer> behindShards(DataSyncStatus status, DatalogStatus sourceLog) {
        List<Integer> behind = new ArrayList<>();
        for (DataSyncMarker marker : status.markers()) {
            if (!marker.marker().equals(sourceLog.shards().get(marker.shardId()).marker())) {
                behind.add(marker.shardId());
            }
        }
        return behind;
    }

    @Test
    void master_cannot_read_its_status_from_the_stopped_secondary_and_prints_nothing() {
        assertThat(Fixtures.exitStatus(Fixtures.REAL.resolve("secondary-down-behind/us-east/data-sync-status__source-zone-us-west.txt")))
                .isEqualTo("5");
        assertThatThrownBy(() -> parser.parse(Fixtures.real("secondary-down-behind", "us-east",
                "data-sync-status__source-zone-us-west.txt")))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessage("cannot parse output of 'radosgw-admin data sync status': empty output");
    }

    @Test
    void a_zone_never_synced_from_the_source_is_init_with_no_shards() throws Exception {
        DataSyncStatus status = parser.parse(Fixtures.synthetic("data-sync-status",
                "pacific-16.2-data-sync-status__source-zone-us-east-never-synced.synthetic.json"));
        assertThat(status.status()).isEqualTo("init");
        assertThat(status.numShards()).isZero();
        assertThat(status.markers()).isEmpty();
    }

    @Test
    void fewer_markers_than_shards_is_rejected_not_read_as_complete() {
        String text = Fixtures.real("caught-up", "us-west", CAUGHT_UP_FROM_EAST).replace("\"num_shards\": 128", "\"num_shards\": 129");
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining(".sync_status.markers: 128 markers listed for num_shards 129")
                .hasMessageContaining("(line 8: \"        \"markers\": [\")");
    }

    @Test
    void a_marker_key_outside_the_shards_is_rejected() {
        String text = Fixtures.real("caught-up", "us-west", CAUGHT_UP_FROM_EAST).replace("\"key\": 127,", "\"key\": 128,");
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining(".sync_status.markers[127].key: shard 128 is out of range or listed twice");
    }
}
