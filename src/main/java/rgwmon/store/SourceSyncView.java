package rgwmon.store;

import java.time.OffsetDateTime;
import java.util.List;

import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncState;

/**
 * What a zone has pulled from one source zone (a "data sync source" block).
 *
 * @param lagSeconds   output time (or collection time) minus "oldest incremental change not applied";
 *                     0 when caught up, null when unknown
 * @param behindStreak consecutive observations it was behind
 * @param behind       flagged: behind for at least the configured number of consecutive observations
 */
public record SourceSyncView(String sourceZone, String sourceZoneId, SyncState state, SyncHealth health,
                             ShardProgress fullSync, ShardProgress incrementalSync, int behindShardCount,
                             List<Integer> behindShards, int recoveringShardCount, List<Integer> recoveringShards,
                             OffsetDateTime oldestChange, Long lagSeconds, int behindStreak, boolean behind,
                             List<String> failures) {
}
