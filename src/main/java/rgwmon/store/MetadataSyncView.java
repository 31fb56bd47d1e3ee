package rgwmon.store;

import java.time.OffsetDateTime;
import java.util.List;

import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncState;

/**
 * Metadata sync of a zone.
 *
 * @param behindStreak consecutive observations it was behind
 * @param behind       flagged: behind for at least the configured number of consecutive observations
 */
public record MetadataSyncView(SyncState state, SyncHealth health, ShardProgress fullSync,
                               ShardProgress incrementalSync, int behindShardCount, List<Integer> behindShards,
                               OffsetDateTime oldestChange, Long lagSeconds, int behindStreak, boolean behind,
                               List<String> failures) {
}
