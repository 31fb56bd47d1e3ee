package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import rgwmon.agent.ShardDrillDown.Target;
import rgwmon.model.BucketShardKey;
import rgwmon.model.DataShardDetail;
import rgwmon.model.DataSyncMarker;
import rgwmon.model.DataSyncShardStatus;
import rgwmon.model.DataSyncSource;
import rgwmon.model.DataSyncStatus;
import rgwmon.model.DatalogShard;
import rgwmon.model.DatalogStatus;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncState;
import rgwmon.model.SyncStatus;

/** Values are those of the secondary-down-behind and errors fixtures (us-west pulling from us-east). */
class ShardDrillDownTest {

    static DataSyncSource source(String name, SyncHealth health, List<Integer> behind, Integer oldestShard,
                                 List<Integer> recovering) {
        return new DataSyncSource("a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1", name, SyncState.SYNCING,
                new ShardProgress(0, 128), null, new ShardProgress(128, 128), health, behind.size(), behind,
                oldestShard == null ? null : OffsetDateTime.parse("2026-11-25T13:47:05.059390+00:00"), oldestShard,
                recovering.size(), recovering, List.of());
    }

    static SyncStatus status(DataSyncSource... sources) {
        return new SyncStatus("r", "lab", "zg", "us", "z", "us-west", null, List.of(), null, List.of(sources), List.of());
    }

    @Test
    void recovering_shards_come_first_then_the_oldest_change_shard_then_the_other_behind_shards() {
        SyncStatus status = status(source("us-east", SyncHealth.BEHIND, List.of(0, 1, 98, 99), 98, List.of(12, 1)));
        assertThat(ShardDrillDown.targets(status, 100)).containsExactly(
                new Target("us-east", 12, true, false), new Target("us-east", 1, true, true),
                new Target("us-east", 98, false, true), new Target("us-east", 0, false, true),
                new Target("us-east", 99, false, true));
        assertThat(ShardDrillDown.targets(status, 2)).extracting(Target::shardId).containsExactly(12, 1);
    }

    @Test
    void sources_this_zone_does_not_pull_from_are_not_drilled() {
        SyncStatus status = status(source("archive", SyncHealth.NOT_SYNCING, List.of(), null, List.of()),
                source("us-east", SyncHealth.RECOVERING, List.of(), null, List.of(11)));
        assertThat(ShardDrillDown.targets(status, 10)).containsExactly(new Target("us-east", 11, true, false));
        assertThat(ShardDrillDown.targets(null, 10)).isEmpty();
    }

    @Test
    void lag_is_the_source_datalog_last_update_minus_the_last_applied_marker() {
        Target shard0 = new Target("us-east", 0, false, true);
        DataSyncStatus local = new DataSyncStatus("sync", 128, List.of(new DataSyncMarker(0, "incremental-sync",
                "00000000000000000000:00000000000000000512", "", 0, 0, Instant.parse("2026-11-25T13:46:07.380809Z"))), 0, 0);
        DatalogStatus sourceLog = new DatalogStatus(List.of(new DatalogShard(0,
                "00000000000000000000:00000000000000000643", Instant.parse("2026-11-25T13:47:10.359622Z"))));

        DataShardDetail detail = ShardDrillDown.detail(shard0, null, null, local, sourceLog, Instant.now());
        assertThat(detail.lastApplied()).isEqualTo(Instant.parse("2026-11-25T13:46:07.380809Z"));
        assertThat(detail.sourceLastUpdate()).isEqualTo(Instant.parse("2026-11-25T13:47:10.359622Z"));
        assertThat(detail.lagSeconds()).isEqualTo(62L);
        assertThat(detail.pendingBuckets()).isEmpty();
    }

    @Test
    void the_drill_down_marker_wins_over_the_full_status_and_names_the_buckets() {
        Target shard98 = new Target("us-east", 98, false, true);
        BucketShardKey pending = new BucketShardKey("many-objects:a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.14:7",
                "", "many-objects", "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.14", 7);
        DataSyncShardStatus drill = new DataSyncShardStatus(98, new DataSyncMarker(98, "incremental-sync", "m", "", 0, 0,
                Instant.parse("2026-11-25T13:46:24.789495Z")), List.of(pending), List.of());
        DatalogStatus sourceLog = new DatalogStatus(List.of(new DatalogShard(98, "m2",
                Instant.parse("2026-11-25T13:47:08.795669Z"))));

        DataShardDetail detail = ShardDrillDown.detail(shard98, null, drill, null, sourceLog, Instant.now());
        assertThat(detail.lagSeconds()).isEqualTo(44L);
        assertThat(ShardDrillDown.namedBuckets(List.of(detail))).containsExactly("many-objects");
    }

    @Test
    void without_the_source_datalog_the_oldest_change_gives_the_lag_of_its_shard_only() {
        DataSyncSource east = source("us-east", SyncHealth.BEHIND, List.of(0, 98), 98, List.of());
        Instant now = Instant.parse("2026-11-25T13:48:05.059390Z");
        DataShardDetail oldest = ShardDrillDown.detail(new Target("us-east", 98, false, true), east, null, null, null, now);
        DataShardDetail other = ShardDrillDown.detail(new Target("us-east", 0, false, true), east, null, null, null, now);
        assertThat(oldest.lagSeconds()).isEqualTo(60L);
        assertThat(other.lagSeconds()).isNull();
    }

    @Test
    void a_never_applied_shard_has_no_last_applied_time_and_no_guessed_lag() {
        DataSyncStatus local = new DataSyncStatus("sync", 128,
                List.of(new DataSyncMarker(3, "incremental-sync", "", "", 0, 0, null)), 0, 0);
        DatalogStatus sourceLog = new DatalogStatus(List.of(new DatalogShard(3, "m",
                Instant.parse("2026-11-25T13:47:10.396878Z"))));
        DataShardDetail detail = ShardDrillDown.detail(new Target("us-east", 3, false, true), null, null, local,
                sourceLog, Instant.now());
        assertThat(detail.lastApplied()).isNull();
        assertThat(detail.lagSeconds()).isNull();
    }

    @Test
    void recovering_buckets_are_named_before_pending_ones_and_only_once() {
        BucketShardKey a1 = new BucketShardKey("a:i:1", "", "a", "i", 1);
        BucketShardKey b2 = new BucketShardKey("t/b:j:2", "t", "b", "j", 2);
        BucketShardKey a3 = new BucketShardKey("a:i:3", "", "a", "i", 3);
        List<DataShardDetail> details = List.of(
                new DataShardDetail("z", 1, null, null, null, List.of(a1), List.of()),
                new DataShardDetail("z", 2, null, null, null, List.of(a3), List.of(b2)));
        assertThat(ShardDrillDown.namedBuckets(details)).containsExactly("t/b", "a");
    }
}
