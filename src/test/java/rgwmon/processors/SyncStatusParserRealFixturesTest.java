package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import rgwmon.model.DataSyncSource;
import rgwmon.model.MetadataSync;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncState;
import rgwmon.model.SyncStatus;

/** Every real Ceph 16.2.15 "sync status" output, and concrete values read from the scenario files. */
class SyncStatusParserRealFixturesTest {

    private static final String REALM_ID = "f583dc4a-f18b-41c8-892c-c758f0ad41aa";
    private static final String ZONEGROUP_ID = "e2e42d03-c084-46c9-9d8b-4b236397b9bd";
    private static final String US_EAST_ID = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1";
    private static final String US_WEST_ID = "e6e7efc5-7d56-4b65-b67c-2b72b569e150";

    private final SyncStatusParser parser = new SyncStatusParser();

    static Stream<Arguments> answeredOutputs() {
        return Fixtures.answered("sync-status");
    }

    static Stream<Arguments> failedOutputs() {
        return Fixtures.failed("sync-status");
    }

    @Test
    void the_fixture_walk_covers_every_scenario_and_zone() {
        List<Path> all = Fixtures.realOutputs("sync-status");
        // 7 answering scenarios x 2 zones x (plain + --format=json), plus 3 mon-down captures
        assertThat(all).hasSize(31);
        assertThat(all.stream().map(file -> file.getParent().getParent().getFileName().toString()).distinct())
                .containsExactlyInAnyOrder("caught-up", "secondary-down-behind", "catching-up", "catching-up-active",
                        "errors", "recovered", "sync-disabled-bucket", "mon-down");
        assertThat(answeredOutputs()).hasSize(28);
        assertThat(failedOutputs()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredOutputs")
    void every_answered_output_parses_without_warnings_and_consistently(String label, Path file) throws Exception {
        SyncStatus status = parser.parse(Fixtures.read(file));
        String zone = file.getParent().getFileName().toString();
        String otherZone = zone.equals("us-east") ? "us-west" : "us-east";

        assertThat(status.warnings()).isEmpty();
        assertThat(status.realmName()).isEqualTo("lab");
        assertThat(status.realmId()).isEqualTo(REALM_ID);
        assertThat(status.zonegroupName()).isEqualTo("us");
        assertThat(status.zonegroupId()).isEqualTo(ZONEGROUP_ID);
        assertThat(status.zoneName()).isEqualTo(zone);
        assertThat(status.zoneId()).isEqualTo(zone.equals("us-east") ? US_EAST_ID : US_WEST_ID);
        assertThat(status.currentTime()).as("Pacific prints no current time").isNull();
        assertThat(status.zonegroupFeatures()).as("Pacific prints no features").isEmpty();

        MetadataSync metadata = status.metadataSync();
        if (zone.equals("us-east")) {
            assertThat(metadata.health()).isEqualTo(SyncHealth.MASTER);
            assertThat(metadata.state()).isEqualTo(SyncState.MASTER);
        } else {
            assertThat(metadata.state()).isEqualTo(SyncState.SYNCING);
            assertThat(metadata.fullSync()).isEqualTo(new ShardProgress(0, 64));
            assertThat(metadata.incrementalSync()).isEqualTo(new ShardProgress(64, 64));
            assertThat(metadata.health()).isIn(SyncHealth.CAUGHT_UP, SyncHealth.BEHIND);
        }
        assertThat(metadata.health() == SyncHealth.BEHIND).isEqualTo(metadata.behindShardCount() > 0);
        assertThat(metadata.behindShards()).hasSize(metadata.behindShardCount());
        assertThat(metadata.failures()).isEmpty();

        assertThat(status.dataSources()).hasSize(1);
        DataSyncSource source = status.dataSources().get(0);
        assertThat(source.zoneName()).isEqualTo(otherZone);
        assertThat(source.zoneId()).isEqualTo(otherZone.equals("us-east") ? US_EAST_ID : US_WEST_ID);
        assertConsistent(source);
    }

    /** Relations between the verdict and the numbers that must hold for any data source. */
    static void assertConsistent(DataSyncSource source) {
        assertThat(source.health() == SyncHealth.BEHIND).isEqualTo(source.behindShardCount() > 0);
        assertThat(source.behindShards()).hasSize(source.behindShardCount());
        assertThat(source.recoveringShards()).hasSize(source.recoveringShardCount());
        if (source.health() == SyncHealth.RECOVERING) {
            assertThat(source.recoveringShardCount()).isPositive();
        }
        if (source.health() == SyncHealth.CAUGHT_UP) {
            assertThat(source.recoveringShardCount()).isZero();
            assertThat(source.failures()).isEmpty();
            assertThat(source.incrementalSync()).isEqualTo(new ShardProgress(128, 128));
        }
        assertThat(source.health() == SyncHealth.FAILED).isEqualTo(!source.failures().isEmpty());
        assertThat(source.oldestChange() != null).isEqualTo(source.oldestChangeShard() != null);
        if (source.oldestChangeShard() != null) {
            assertThat(source.behindShards()).contains(source.oldestChangeShard());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedOutputs")
    void every_output_of_a_failed_run_is_rejected_as_empty_output(String label, Path file) {
        assertThat(Fixtures.read(file)).isEmpty();
        Fixtures.assertRejectedAsEmptyOutput(parser, Fixtures.read(file));
    }

    @Test
    void caught_up_both_zones_are_caught_up() throws Exception {
        SyncStatus east = parser.parse(Fixtures.real("caught-up", "us-east", "sync-status.txt"));
        assertThat(east.metadataSync()).isEqualTo(new MetadataSync(SyncState.MASTER, null, null, null,
                SyncHealth.MASTER, 0, List.of(), null, null, List.of()));
        assertThat(east.dataSources()).containsExactly(new DataSyncSource(US_WEST_ID, "us-west", SyncState.SYNCING,
                new ShardProgress(0, 128), null, new ShardProgress(128, 128), SyncHealth.CAUGHT_UP, 0, List.of(),
                null, null, 0, List.of(), List.of()));

        SyncStatus west = parser.parse(Fixtures.real("caught-up", "us-west", "sync-status.txt"));
        assertThat(west.metadataSync()).isEqualTo(new MetadataSync(SyncState.SYNCING, new ShardProgress(0, 64), null,
                new ShardProgress(64, 64), SyncHealth.CAUGHT_UP, 0, List.of(), null, null, List.of()));
        assertThat(west.dataSources()).singleElement().satisfies(source -> {
            assertThat(source.zoneId()).isEqualTo(US_EAST_ID);
            assertThat(source.health()).isEqualTo(SyncHealth.CAUGHT_UP);
        });
    }

    @Test
    void secondary_down_the_master_fails_to_read_its_source() throws Exception {
        SyncStatus east = parser.parse(Fixtures.real("secondary-down-behind", "us-east", "sync-status.txt"));

        assertThat(east.metadataSync().health()).isEqualTo(SyncHealth.MASTER);
        DataSyncSource west = east.dataSources().get(0);
        assertThat(west.zoneName()).isEqualTo("us-west");
        assertThat(west.state()).isEqualTo(SyncState.FAILED);
        assertThat(west.health()).isEqualTo(SyncHealth.FAILED);
        assertThat(west.failures()).containsExactly("failed to retrieve sync info: (5) Input/output error");
        assertThat(west.incrementalSync()).isNull();
        assertThat(west.behindShardCount()).isZero();
    }

    @Test
    void secondary_down_the_secondary_is_behind_on_the_listed_shards() throws Exception {
        SyncStatus west = parser.parse(Fixtures.real("secondary-down-behind", "us-west", "sync-status.txt"));

        MetadataSync metadata = west.metadataSync();
        assertThat(metadata.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(metadata.behindShardCount()).isEqualTo(1);
        assertThat(metadata.behindShards()).containsExactly(25);
        assertThat(metadata.oldestChange()).isEqualTo(OffsetDateTime.parse("2026-11-25T13:47:10.576556Z"));
        assertThat(metadata.oldestChangeShard()).isEqualTo(25);

        DataSyncSource east = west.dataSources().get(0);
        assertThat(east.zoneName()).isEqualTo("us-east");
        assertThat(east.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(east.behindShardCount()).isEqualTo(40);
        assertThat(east.behindShards()).containsExactly(0, 1, 2, 3, 11, 12, 13, 17, 18, 26, 28, 29, 30, 31, 32, 33, 34,
                86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 121, 122, 123, 124, 125, 126, 127);
        assertThat(east.oldestChange()).isEqualTo(OffsetDateTime.parse("2026-11-25T13:47:05.059390+00:00"));
        assertThat(east.oldestChange().getOffset().getTotalSeconds()).isZero();
        assertThat(east.oldestChangeShard()).isEqualTo(98);
        assertThat(east.recoveringShardCount()).isZero();
    }

    @Test
    void errors_the_secondary_is_recovering_without_being_behind() throws Exception {
        SyncStatus west = parser.parse(Fixtures.real("errors", "us-west", "sync-status.txt"));

        assertThat(west.metadataSync().health()).isEqualTo(SyncHealth.CAUGHT_UP);
        DataSyncSource east = west.dataSources().get(0);
        assertThat(east.health()).isEqualTo(SyncHealth.RECOVERING);
        assertThat(east.recoveringShardCount()).isEqualTo(5);
        assertThat(east.recoveringShards()).containsExactly(11, 12, 13, 17, 18);
        assertThat(east.behindShardCount()).isZero();
        assertThat(east.incrementalSync()).isEqualTo(new ShardProgress(128, 128));
    }

    @Test
    void errors_the_master_is_behind_on_three_shards_of_the_secondary() throws Exception {
        SyncStatus east = parser.parse(Fixtures.real("errors", "us-east", "sync-status.txt"));

        DataSyncSource west = east.dataSources().get(0);
        assertThat(west.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(west.behindShards()).containsExactly(86, 87, 90);
        assertThat(west.oldestChange()).isEqualTo(OffsetDateTime.parse("2026-11-25T13:49:18.691077Z"));
        assertThat(west.oldestChangeShard()).isEqualTo(86);
    }

    @Test
    void catching_up_active_behind_wins_over_recovering_and_both_are_kept() throws Exception {
        SyncStatus west = parser.parse(Fixtures.real("catching-up-active", "us-west", "sync-status.txt"));

        DataSyncSource east = west.dataSources().get(0);
        assertThat(east.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(east.behindShards()).containsExactlyElementsOf(IntStream.rangeClosed(86, 101).boxed().toList());
        assertThat(east.oldestChangeShard()).isEqualTo(89);
        assertThat(east.recoveringShards()).containsExactly(11, 12, 13, 17, 18);
        assertThat(east.recoveringShardCount()).isEqualTo(5);
    }

    @Test
    void recovered_and_sync_disabled_bucket_secondaries_are_caught_up_again() throws Exception {
        for (String scenario : List.of("recovered", "sync-disabled-bucket")) {
            SyncStatus west = parser.parse(Fixtures.real(scenario, "us-west", "sync-status.txt"));
            assertThat(west.metadataSync().health()).as(scenario).isEqualTo(SyncHealth.CAUGHT_UP);
            assertThat(west.dataSources().get(0).health()).as(scenario).isEqualTo(SyncHealth.CAUGHT_UP);
        }
    }

    @Test
    void mon_down_outputs_are_empty_output_errors() {
        for (String[] capture : List.of(new String[] {"us-east", "sync-status__client_mount_timeout-15.txt"},
                new String[] {"us-west", "sync-status.txt"},
                new String[] {"us-west", "sync-status__client_mount_timeout-15.txt"})) {
            assertThatThrownBy(() -> parser.parse(Fixtures.real("mon-down", capture[0], capture[1])))
                    .isInstanceOfSatisfying(RadosgwParseException.class, e -> {
                        assertThat(e.command()).isEqualTo("sync status");
                        assertThat(e.getMessage()).contains("empty output");
                    });
        }
    }

    @Test
    void the_format_json_variant_is_read_exactly_like_the_plain_output() throws Exception {
        for (String scenario : List.of("caught-up", "secondary-down-behind", "errors", "catching-up")) {
            for (String zone : List.of("us-east", "us-west")) {
                assertThat(parser.parse(Fixtures.real(scenario, zone, "sync-status__format-json.txt")))
                        .isEqualTo(parser.parse(Fixtures.real(scenario, zone, "sync-status.txt")));
            }
        }
    }
}
