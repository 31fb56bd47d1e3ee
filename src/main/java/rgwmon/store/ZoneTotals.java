package rgwmon.store;

import java.time.Instant;

/** Sums of one zone's {@code bucket stats}: buckets, objects, logical bytes, when collected. */
public record ZoneTotals(int buckets, long objects, long bytes, Instant collectedAt) {
}
