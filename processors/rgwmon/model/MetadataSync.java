package rgwmon.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The {@code metadata sync} section of {@code sync status}.
 *
 * @param state            state word (MASTER on the metadata master)
 * @param fullSync         shards still in full sync, null when not printed
 * @param fullSyncEntries  "full sync: N entries to sync", null when not printed
 * @param incrementalSync  shards in incremental sync, null when not printed
 * @param health           derived verdict (see {@link SyncHealth})
 * @param behindShardCount "metadata is behind on N shards", 0 when caught up
 * @param behindShards     shard ids from "behind shards: [..]"
 * @param oldestChange     "oldest incremental change not applied" (with its offset), null when absent
 * @param oldestChangeShard the "[shard]" suffix of that line, null when absent
 * @param failures         every "failed to …" / "master is on a different period" line, verbatim
 */
public record MetadataSync(SyncState state, ShardProgress fullSync, Long fullSyncEntries, ShardProgress incrementalSync,
                           SyncHealth health, int behindShardCount, List<Integer> behindShards,
                           OffsetDateTime oldestChange, Integer oldestChangeShard, List<String> failures) {
}
