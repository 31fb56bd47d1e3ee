package rgwmon.model;

import java.util.List;

/**
 * One {@code source zone} block of {@code bucket sync status}.
 *
 * @param zoneId                   source zone id
 * @param zoneName                 source zone name, null when not printed
 * @param sourceBucket             the "source bucket" line, null when absent (pre-Octopus)
 * @param state                    see {@link BucketSyncState}
 * @param fullSync                 Pacific "full sync: n/m shards", null otherwise
 * @param fullSyncObjectsCompleted "full sync: N objects completed", null when absent
 * @param incrementalSync          Pacific "incremental sync: n/m shards", null otherwise
 * @param incrementalShardCount    Quincy+ "incremental sync on N shards", null otherwise
 * @param health                   CAUGHT_UP, BEHIND, NOT_SYNCING (not a source) or UNKNOWN
 * @param behindShardCount         "bucket is behind on N shards", 0 otherwise
 * @param behindShards             ids from "behind shards: [..]"
 * @param messages                 other lines of the block (errors printed by newer releases), verbatim
 */
public record BucketSyncSource(String zoneId, String zoneName, BucketRef sourceBucket, BucketSyncState state,
                               ShardProgress fullSync, Long fullSyncObjectsCompleted, ShardProgress incrementalSync,
                               Integer incrementalShardCount, SyncHealth health, int behindShardCount,
                               List<Integer> behindShards, List<String> messages) {
}
