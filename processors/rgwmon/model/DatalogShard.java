package rgwmon.model;

import java.time.Instant;

/** One shard of {@code datalog status}: its newest marker and last update (null when never written). */
public record DatalogShard(int shardId, String marker, Instant lastUpdate) {
}
