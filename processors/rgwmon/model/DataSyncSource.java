package rgwmon.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One {@code data sync source} block of {@code sync status}: what this zone has pulled from that zone.
 *
 * @param zoneId               source zone id
 * @param zoneName             source zone name, null when radosgw-admin could not resolve it
 * @param state                state word
 * @param fullSync             datalog shards in full sync, null when not printed
 * @param fullSyncBuckets      "full sync: N buckets to sync", null when not printed
 * @param incrementalSync      datalog shards in incremental sync, null when not printed
 * @param health               derived verdict
 * @param behindShardCount     "data is behind on N shards", 0 when not behind
 * @param behindShards         ids from "behind shards: [..]"
 * @param oldestChange         "oldest incremental change not applied", null when absent
 * @param oldestChangeShard    its "[shard]" suffix, null when absent
 * @param recoveringShardCount "N shards are recovering", 0 when not printed
 * @param recoveringShards     ids from "recovering shards: [..]"
 * @param failures             "failed to …" lines, verbatim
 */
public record DataSyncSource(String zoneId, String zoneName, SyncState state, ShardProgress fullSync, Long fullSyncBuckets,
                             ShardProgress incrementalSync, SyncHealth health, int behindShardCount, List<Integer> behindShards,
                             OffsetDateTime oldestChange, Integer oldestChangeShard, int recoveringShardCount,
                             List<Integer> recoveringShards, List<String> failures) {
}
