package rgwmon.store;

import java.time.Instant;

/** One bucket's {@code bucket stats} on one zone (rgw.main objects and logical bytes). */
public record BucketCounts(String instanceId, Integer numShards, String owner, long objects, long bytes,
                           Instant mtime, Instant collectedAt) {
}
