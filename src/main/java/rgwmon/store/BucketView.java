package rgwmon.store;

import java.util.List;

/**
 * One bucket across zones.
 *
 * @param name        "tenant/bucket" for tenanted buckets, else the bucket name
 * @param master      its {@code bucket stats} on the master zone, null when absent there or not collected
 * @param priority    the worst priority of its zones
 * @param syncPercent the lowest sync % of its zones whose sync is not disabled, null when none is known
 * @param objectDelta the object delta of largest magnitude among those zones (0 when none is known)
 * @param errorCount  sync errors naming this bucket, on every zone
 * @param lagSeconds  the largest lag of its zones, null when unknown
 * @param disabled    sync disabled on at least one zone
 * @param behind      flagged behind on at least one zone
 */
public record BucketView(String name, String tenant, String bucket, BucketCounts master, List<BucketZoneView> zones,
                         Priority priority, Double syncPercent, long objectDelta, int errorCount, Long lagSeconds,
                         boolean disabled, boolean behind) {
}
