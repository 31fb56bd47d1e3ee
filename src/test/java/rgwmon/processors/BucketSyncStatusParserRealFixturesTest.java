package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import rgwmon.model.BucketRef;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncState;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;

/** Every real Ceph 16.2.15 "bucket sync status" output, and concrete values read from the scenario files. */
class BucketSyncStatusParserRealFixturesTest {

    private static final String US_EAST_ID = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1";
    private static final String US_WEST_ID = "e6e7efc5-7d56-4b65-b67c-2b72b569e150";
    /** "bucket-sync-status__bucket-<name>[__option…].txt" */
    private static final Pattern BUCKET_OPTION = Pattern.compile("bucket-sync-status__bucket-(.+?)(?:__.*)?\\.txt");

    private final BucketSyncStatusParser parser = new BucketSyncStatusParser();

    static Stream<Arguments> answeredOutputs() {
        return Fixtures.answered("bucket-sync-status");
    }

    static Stream<Arguments> failedOutputs() {
        return Fixtures.failed("bucket-sync-status");
    }

    private BucketSyncStatus parse(String scenario, String zone, String bucket) throws RadosgwParseException {
        return parser.parse(Fixtures.real(scenario, zone, "bucket-sync-status__bucket-" + bucket + ".txt"));
    }

    @Test
    void the_fixture_walk_covers_every_scenario_and_zone() {
        List<Path> all = Fixtures.realOutputs("bucket-sync-status");
        assertThat(all).hasSize(118);
        assertThat(all.stream().map(file -> file.getParent().getParent().getFileName().toString()).distinct())
                .containsExactlyInAnyOrder("caught-up", "secondary-down-behind", "catching-up", "catching-up-active",
                        "errors", "recovered", "sync-disabled-bucket", "mon-down");
        assertThat(all.stream().map(file -> file.getParent().getFileName().toString()).distinct())
                .containsExactlyInAnyOrder("us-east", "us-west");
        assertThat(failedOutputs()).hasSize(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredOutputs")
    void every_answered_output_parses_without_warnings_and_consistently(String label, Path file) throws Exception {
        BucketSyncStatus status = parser.parse(Fixtures.read(file));
        String zone = file.getParent().getFileName().toString();
        String otherZone = zone.equals("us-east") ? "us-west" : "us-east";
        Matcher option = BUCKET_OPTION.matcher(file.getFileName().toString());
        assertThat(option.matches()).isTrue();
        String bucketName = option.group(1);

        assertThat(status.warnings()).isEmpty();
        assertThat(status.realmName()).isEqualTo("lab");
        assertThat(status.zonegroupName()).isEqualTo("us");
        assertThat(status.zoneName()).isEqualTo(zone);
        assertThat(status.currentTime()).as("Pacific prints no current time").isNull();
        assertThat(status.syncDisabled()).isFalse();
        assertThat(status.bucket().tenant()).isEmpty();
        assertThat(status.bucket().name()).isEqualTo(bucketName);
        assertThat(status.bucket().instanceId()).startsWith(US_EAST_ID + ".4152.");

        assertThat(status.sources()).singleElement().satisfies(source -> {
            assertThat(source.zoneName()).isEqualTo(otherZone);
            assertThat(source.zoneId()).isEqualTo(otherZone.equals("us-east") ? US_EAST_ID : US_WEST_ID);
            assertThat(source.sourceBucket()).isEqualTo(status.bucket());
            assertThat(source.state()).isEqualTo(BucketSyncState.SYNCING);
            assertThat(source.messages()).isEmpty();
            assertThat(source.incrementalShardCount()).as("Quincy+ only").isNull();
            assertThat(source.fullSync().total()).isEqualTo(11);
            assertThat(source.incrementalSync().total()).isEqualTo(11);
            assertConsistent(source);
        });
    }

    /** Relations between the verdict and the numbers for a Pacific-form source block. */
    static void assertConsistent(BucketSyncSource source) {
        assertThat(source.health() == SyncHealth.BEHIND).isEqualTo(source.behindShardCount() > 0);
        assertThat(source.behindShards()).hasSize(source.behindShardCount());
        assertThat(source.behindShards()).allSatisfy(shard -> assertThat(shard).isBetween(0, source.fullSync().total() - 1));
        // ≤ Pacific prints "N objects completed" only while shards are in full sync …
        assertThat(source.fullSyncObjectsCompleted() != null).isEqualTo(source.fullSync().shards() > 0);
        // … and never "caught up" then
        if (source.health() == SyncHealth.CAUGHT_UP) {
            assertThat(source.fullSync().shards()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedOutputs")
    void every_output_of_a_failed_run_is_rejected_as_empty_output(String label, Path file) {
        assertThat(Fixtures.read(file)).isEmpty();
        Fixtures.assertRejectedAsEmptyOutput(parser, Fixtures.read(file));
    }

    @Test
    void errors_the_failing_bucket_is_behind_with_shards_in_full_sync() throws Exception {
        BucketSyncStatus status = parse("errors", "us-west", "sync-errors");

        BucketRef bucket = new BucketRef("", "sync-errors", US_EAST_ID + ".4152.20");
        assertThat(status.bucket()).isEqualTo(bucket);
        assertThat(status.sources()).containsExactly(new BucketSyncSource(US_EAST_ID, "us-east", bucket,
                BucketSyncState.SYNCING, new ShardProgress(2, 11), 0L, new ShardProgress(5, 11), null,
                SyncHealth.BEHIND, 5, List.of(1, 2, 3, 7, 8), List.of()));
    }

    @Test
    void sync_disabled_bucket_shows_no_incremental_shards_and_every_shard_behind() throws Exception {
        for (String zone : List.of("us-east", "us-west")) {
            BucketSyncSource source = parse("sync-disabled-bucket", zone, "sync-disabled").sources().get(0);

            assertThat(source.incrementalSync()).as(zone).isEqualTo(new ShardProgress(0, 11));
            assertThat(source.fullSync()).as(zone).isEqualTo(new ShardProgress(0, 11));
            assertThat(source.health()).as(zone).isEqualTo(SyncHealth.BEHIND);
            assertThat(source.behindShardCount()).as(zone).isEqualTo(11);
            assertThat(source.behindShards()).as(zone).containsExactlyElementsOf(IntStream.range(0, 11).boxed().toList());
        }
    }

    @Test
    void sync_forbidden_bucket_still_replicates_on_pacific() throws Exception {
        assertThat(parse("sync-disabled-bucket", "us-west", "sync-forbidden").sources().get(0).health())
                .isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void secondary_down_the_master_view_ends_without_verdict_and_is_unknown() throws Exception {
        for (String bucket : List.of("many-objects", "small-01", "small-05", "small-10", "sync-errors", "created-while-down")) {
            BucketSyncSource source = parse("secondary-down-behind", "us-east", bucket).sources().get(0);

            assertThat(source.health()).as(bucket).isEqualTo(SyncHealth.UNKNOWN);
            assertThat(source.state()).as(bucket).isEqualTo(BucketSyncState.SYNCING);
            assertThat(source.incrementalSync()).as(bucket).isNotNull();
        }
    }

    @Test
    void secondary_down_the_secondary_is_behind_on_the_buckets_written_meanwhile() throws Exception {
        assertThat(parse("secondary-down-behind", "us-west", "many-objects").sources().get(0).behindShards())
                .containsExactlyElementsOf(IntStream.range(0, 11).boxed().toList());
        assertThat(parse("secondary-down-behind", "us-west", "small-10").sources().get(0).behindShards())
                .containsExactly(1, 3, 4, 5, 6, 7, 8, 9);
        assertThat(parse("secondary-down-behind", "us-west", "small-01").sources().get(0).health())
                .isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void an_empty_bucket_with_no_incremental_shards_is_caught_up() throws Exception {
        BucketSyncSource source = parse("caught-up", "us-west", "empty-1").sources().get(0);

        assertThat(source.incrementalSync()).isEqualTo(new ShardProgress(0, 11));
        assertThat(source.health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(source.sourceBucket()).isEqualTo(new BucketRef("", "empty-1", US_EAST_ID + ".4152.1"));
    }

    @Test
    void nonexistent_buckets_answer_with_empty_stdout_and_exit_2() {
        List<String[]> captures = List.of(new String[] {"caught-up", "us-east", "does-not-exist"},
                new String[] {"caught-up", "us-west", "does-not-exist"},
                new String[] {"catching-up", "us-west", "created-while-down"},
                new String[] {"secondary-down-behind", "us-west", "created-while-down"});
        for (String[] capture : captures) {
            Path file = Fixtures.realRoot().resolve(capture[0]).resolve(capture[1])
                    .resolve("bucket-sync-status__bucket-" + capture[2] + ".txt");
            assertThat(Fixtures.exitStatus(file)).isEqualTo("2");
            assertThatThrownBy(() -> parse(capture[0], capture[1], capture[2]))
                    .isInstanceOfSatisfying(RadosgwParseException.class, e -> {
                        assertThat(e.command()).isEqualTo("bucket sync status");
                        assertThat(e.getMessage()).contains("empty output");
                    });
        }
    }

    @Test
    void mon_down_outputs_are_empty_output_errors() {
        for (String zone : List.of("us-east", "us-west")) {
            assertThatThrownBy(() -> parser.parse(Fixtures.real("mon-down", zone,
                    "bucket-sync-status__bucket-small-01__client_mount_timeout-15.txt")))
                    .isInstanceOf(RadosgwParseException.class)
                    .hasMessageContaining("empty output");
        }
    }
}
