package rgwmon.store;

import java.util.List;

import rgwmon.model.BucketSyncState;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;

/**
 * One source block of a bucket's {@code bucket sync status}, as the zone's agent reported it.
 *
 * @param messages other lines of the block the parser kept verbatim (errors printed by newer
 *                 releases, lines it did not recognise), at most {@value SnapshotBuilder#MAX_PARSER_LINES}
 */
public record BucketSourceView(String sourceZone, BucketSyncState state, SyncHealth health, ShardProgress fullSync,
                               ShardProgress incrementalSync, int behindShardCount, List<Integer> behindShards,
                               List<String> messages) {
}
