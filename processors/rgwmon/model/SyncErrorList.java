package rgwmon.model;

import java.util.List;

/**
 * {@code radosgw-admin sync error list}: every entry of every shard, flattened.
 *
 * @param shardCount number of shards listed (32 on a normal cluster)
 * @param entries    all entries, in printed order
 */
public record SyncErrorList(int shardCount, List<SyncError> entries) {
}
