package rgwmon.store;

import java.util.List;

import rgwmon.model.BucketSyncState;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;

/** One source block of a bucket's {@code bucket sync status}, as the zone's agent reported it. */
public record BucketSourceView(String sourceZone, BucketSyncState state, SyncHealth health, ShardProgress fullSync,
                               ShardProgress incrementalSync, int behindShardCount, List<Integer> behindShards) {
}
