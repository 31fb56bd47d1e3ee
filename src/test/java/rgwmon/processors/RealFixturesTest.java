package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.DataSyncStatus;
import rgwmon.model.DatalogStatus;
import rgwmon.model.Period;
import rgwmon.model.SyncErrorList;
import rgwmon.model.Zone;

/**
 * Every real 16.2.15 output of the JSON commands (all scenarios, both zones, with and without
 * --format=json, and the later lab captures) goes through its parser. Output of a failed command (empty stdout, .rc file) must
 * be rejected as "empty output"; every other output must parse and agree with what the lab is:
 * one zonegroup of two zones, 32 error-log shards, 128 datalog shards, 11 index shards per bucket.
 */
class RealFixturesTest {

    static Stream<Arguments> real_outputs() {
        return ParserCatalog.ALL.stream()
                .filter(entry -> entry.parser() instanceof JsonRadosgwParser<?>)
                .flatMap(entry -> entry.fixtures().stream()
                        .filter(file -> file.startsWith(Fixtures.REAL) || file.startsWith(Fixtures.REAL_LAB))
                        .map(file -> Arguments.of(Fixtures.name(file), entry.parser(), file)));
    }

    static Stream<Arguments> synthetic_outputs() {
        return ParserCatalog.ALL.stream()
                .filter(entry -> entry.parser() instanceof JsonRadosgwParser<?>)
                .flatMap(entry -> entry.fixtures().stream()
                        .filter(file -> file.startsWith(Fixtures.SYNTHETIC))
                        .map(file -> Arguments.of(Fixtures.name(file), entry.parser(), file)));
    }

    @Test
    void every_json_command_has_real_fixtures_in_every_scenario_that_captured_it() {
        // guards the walk itself: a renamed folder must not turn this into a test of nothing
        assertThat(real_outputs().count()).isGreaterThan(150);
        // every JSON parser, data sync status --shard-id included (ceph-16.2.15-lab/secondary-down-shard-drilldown)
        assertThat(real_outputs().map(a -> a.get()[1].getClass()).distinct().count()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("real_outputs")
    void real_output_parses_and_matches_the_lab_or_is_rejected_as_empty(String name, RadosgwParser<?> parser,
                                                                       Path file) throws Exception {
        String stdout = Fixtures.read(file);
        if (stdout.isBlank()) {
            assertThat(Fixtures.exitStatus(file)).as("empty stdout only from a failed command").isNotEqualTo("0");
            Fixtures.assertRejectedAsEmptyOutput(parser, stdout);
            return;
        }
        assertThat(Fixtures.exitStatus(file)).isEqualTo("0");
        Object parsed = parser.parse(stdout);
        assertThat(parsed).isNotNull();
        if (parsed instanceof SyncErrorList errors) {
            assertSyncErrorList(errors);
        } else if (parsed instanceof BucketStatsList stats) {
            assertBucketStats(stats, name);
        } else if (parsed instanceof Period period) {
            assertPeriod(period);
        } else if (parsed instanceof DataSyncStatus status) {
            assertDataSyncStatus(status);
        } else if (parsed instanceof DatalogStatus datalog) {
            assertDatalogStatus(datalog);
        } else if (parsed instanceof BucketInstanceMetadata metadata) {
            assertThat(metadata.bucket()).isEqualTo("sync-disabled");
            assertThat(metadata.tenant()).isEmpty();
            assertThat(metadata.flags()).isIn(0, BucketInstanceMetadata.DATASYNC_DISABLED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("synthetic_outputs")
    void synthetic_output_of_another_release_parses(String name, RadosgwParser<?> parser, Path file) throws Exception {
        assertThat(parser.parse(Fixtures.read(file))).isNotNull();
    }

    private static void assertSyncErrorList(SyncErrorList errors) {
        assertThat(errors.shardCount()).isEqualTo(32);
        assertThat(errors.entries()).allSatisfy(error -> {
            assertThat(error.shardId()).isBetween(0, 31);
            assertThat(error.section()).isEqualTo("data");
            assertThat(error.bucket()).isEqualTo("sync-errors");
            assertThat(error.errorCode()).isEqualTo(27);
            assertThat(error.timestamp()).isNotNull();
        });
    }

    private static void assertBucketStats(BucketStatsList stats, String name) {
        if (name.contains("__bucket-")) {
            assertThat(stats.buckets()).hasSize(1);
        } else {
            assertThat(stats.buckets()).hasSizeBetween(20, 21); // populate: 20, plus created-while-down
        }
        assertThat(stats.buckets()).isNotEmpty().allSatisfy(bucket -> {
            assertThat(bucket.numShards()).isEqualTo(11);
            assertThat(bucket.tenant()).isEmpty();
            assertThat(bucket.owner()).isEqualTo("lab");
            assertThat(bucket.mtime()).isNotNull();
            assertThat(bucket.creationTime()).isNotNull().isBeforeOrEqualTo(bucket.mtime());
            assertThat(bucket.numObjects()).isEqualTo(mainObjects(bucket));
            assertThat(bucket.sizeActualBytes()).isGreaterThanOrEqualTo(bucket.sizeBytes());
        });
    }

    private static long mainObjects(BucketStats bucket) {
        return bucket.usage().containsKey("rgw.main") ? bucket.usage().get("rgw.main").numObjects() : 0;
    }

    private static void assertPeriod(Period period) {
        assertThat(period.realmName()).isEqualTo("lab");
        assertThat(period.zonegroups()).singleElement().satisfies(zonegroup -> {
            assertThat(zonegroup.zones()).extracting(Zone::name).containsExactly("us-east", "us-west");
            assertThat(zonegroup.zones()).extracting(Zone::id).contains(period.masterZoneId());
        });
    }

    private static void assertDataSyncStatus(DataSyncStatus status) {
        assertThat(status.status()).isEqualTo("sync");
        assertThat(status.numShards()).isEqualTo(128);
        assertThat(status.markers()).hasSize(128)
                .allSatisfy(marker -> assertThat(marker.status()).isEqualTo("incremental-sync"));
        for (int shard = 0; shard < 128; shard++) {
            assertThat(status.markers().get(shard).shardId()).isEqualTo(shard);
        }
    }

    private static void assertDatalogStatus(DatalogStatus datalog) {
        assertThat(datalog.shards()).hasSize(128).allSatisfy(shard ->
                // a shard never written has no marker and the unset time "0.000000"
                assertThat(shard.marker().isEmpty()).isEqualTo(shard.lastUpdate() == null));
    }
}
