package rgwmon.model;

import java.time.Instant;
import java.util.List;

/**
 * Drill-down of one behind or recovering datalog shard of a source zone, from
 * {@code data sync status --source-zone Z --shard-id N} and the source's datalog heads.
 *
 * @param lastApplied       timestamp of the last applied entry on this zone, null when unknown
 * @param sourceLastUpdate  the source datalog shard's last update, null when unknown
 * @param lagSeconds        sourceLastUpdate − lastApplied when both are known, else null
 */
public record DataShardDetail(String sourceZone, int shardId, Instant lastApplied, Instant sourceLastUpdate,
                              Long lagSeconds, List<BucketShardKey> pendingBuckets,
                              List<BucketShardKey> recoveringBuckets) {
}
