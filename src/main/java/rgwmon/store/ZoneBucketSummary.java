package rgwmon.store;

import java.util.Map;

/**
 * A non-master zone's buckets compared with the master zone.
 *
 * @param compared       buckets with a comparison on this zone (DISABLED ones included)
 * @param disabled       buckets whose sync is disabled on purpose: counted here, not in the lag figures
 * @param byPriority     bucket count per priority
 * @param pendingObjects sum of positive object deltas (objects the zone still lacks), DISABLED buckets excluded
 * @param pendingBytes   sum of positive byte deltas, DISABLED buckets excluded
 * @param avgSyncPercent average sync % over buckets with known counts, DISABLED ones excluded; null when none
 */
public record ZoneBucketSummary(int compared, int behind, int settling, int recovering, int disabled,
                                Map<Priority, Integer> byPriority, long pendingObjects, long pendingBytes,
                                Double avgSyncPercent) {
}
