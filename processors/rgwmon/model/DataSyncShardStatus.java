package rgwmon.model;

import java.util.List;

/**
 * {@code radosgw-admin data sync status --source-zone Z --shard-id N}: the shard → bucket drill-down.
 *
 * @param pendingBuckets    next bucket shards waiting in that datalog shard
 * @param recoveringBuckets bucket shards in the retry (error) repo
 */
public record DataSyncShardStatus(int shardId, DataSyncMarker marker, List<BucketShardKey> pendingBuckets,
                                  List<BucketShardKey> recoveringBuckets) {
}
