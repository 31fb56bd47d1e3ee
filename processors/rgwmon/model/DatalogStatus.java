package rgwmon.model;

import java.util.List;

/** {@code radosgw-admin datalog status}: this zone's data log heads, one per shard. */
public record DatalogStatus(List<DatalogShard> shards) {
}
