package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import rgwmon.model.DatalogShard;
import rgwmon.model.DatalogStatus;

class DatalogStatusParserTest {

    private final DatalogStatusParser parser = new DatalogStatusParser();

    @Test
    void us_east_datalog_has_128_shards_of_which_77_were_written() throws Exception {
        DatalogStatus status = parser.parse(Fixtures.real("caught-up", "us-east", "datalog-status.txt"));
        assertThat(status.shards()).hasSize(128);
        assertThat(status.shards().get(0)).isEqualTo(new DatalogShard(0,
                "00000000000000000000:00000000000000000512", Instant.parse("2026-11-25T13:46:07.380809Z")));
        assertThat(status.shards().get(3)).isEqualTo(new DatalogShard(3, "", null));
        assertThat(status.shards()).filteredOn(s -> s.lastUpdate() != null).hasSize(77);
        assertThat(status.shards()).extracting(DatalogShard::lastUpdate)
                .filteredOn(t -> t != null).allSatisfy(t -> assertThat(t).isBefore(Instant.parse("2026-11-25T13:46:25Z")))
                .contains(Instant.parse("2026-11-25T13:46:24.791763Z"));
    }

    @Test
    void writes_while_us_west_was_down_moved_only_the_us_east_datalog() throws Exception {
        DatalogStatus east = parser.parse(Fixtures.real("secondary-down-behind", "us-east", "datalog-status.txt"));
        DatalogStatus west = parser.parse(Fixtures.real("secondary-down-behind", "us-west", "datalog-status.txt"));
        assertThat(east.shards().get(0).marker()).isEqualTo("00000000000000000000:00000000000000000643");
        assertThat(east.shards().get(0).lastUpdate()).isEqualTo(Instant.parse("2026-11-25T13:47:10.359622Z"));
        assertThat(west).isEqualTo(parser.parse(Fixtures.real("caught-up", "us-west", "datalog-status.txt")));
    }

    @Test
    void pre_octopus_last_update_with_a_space_is_read() throws Exception {
        DatalogStatus status = parser.parse(Fixtures.synthetic("datalog-status", "nautilus-14.2-datalog-status.synthetic.json"));
        assertThat(status.shards()).extracting(DatalogShard::lastUpdate).containsExactly(
                Instant.parse("2021-02-26T10:04:50.956965Z"), null, Instant.parse("2021-02-26T10:04:59.000001Z"), null);
    }

    @Test
    void a_datalog_without_shards_is_rejected() {
        assertThatThrownBy(() -> parser.parse("[]"))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining("'radosgw-admin datalog status': .: no shards listed");
    }
}
