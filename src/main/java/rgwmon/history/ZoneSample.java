package rgwmon.history;

/**
 * One zone in one history sample: the numbers the charts need.
 *
 * @param pendingObjects objects the zone still lacks compared with the master (sum of positive deltas)
 * @param avgSyncPercent average bucket sync %, null when unknown (and for the master zone)
 * @param lagSeconds     the zone's sync lag, null when unknown
 * @param behindShards   data shards behind over all sources
 * @param syncBehind     metadata or data sync flagged behind
 */
public record ZoneSample(String zone, boolean master, int buckets, long objects, long bytes, long pendingObjects,
                         long pendingBytes, Double avgSyncPercent, int bucketsBehind, int bucketsHigh,
                         int bucketsMedium, int bucketsLow, int bucketsSynced, int bucketsDisabled, int errors,
                         Long lagSeconds, int behindShards, int recoveringShards, boolean syncBehind) {
}
