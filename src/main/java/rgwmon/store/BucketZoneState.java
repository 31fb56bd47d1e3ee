package rgwmon.store;

/**
 * Replication state of one bucket on one non-master zone.
 * <ul>
 * <li>{@code BEHIND}: counts differ or shards are behind, for at least N consecutive observations</li>
 * <li>{@code RECOVERING}: failed entries of the bucket are in the zone's retry queue</li>
 * <li>{@code SETTLING}: behind in the latest observation only (the master re-logs recently written
 *     buckets ~30 s after writes stop, so one "behind" is often noise)</li>
 * <li>{@code SYNCED}: counts equal and no shard behind, as far as the zone was observed</li>
 * <li>{@code DISABLED}: {@code bucket sync disable} (instance flag 0x8, or "Sync is disabled")</li>
 * <li>{@code UNKNOWN}: nothing observed for this bucket on this zone</li>
 * </ul>
 */
public enum BucketZoneState {
    BEHIND, RECOVERING, SETTLING, SYNCED, DISABLED, UNKNOWN;

    /**
     * Whether the bucket's counts on the zone measure replication lag: not when sync is disabled on
     * purpose (the gap is wanted) nor when nothing was observed. Zone sums and averages, and a
     * bucket's own sync % and delta, count only these.
     */
    public boolean measuresLag() {
        return this != DISABLED && this != UNKNOWN;
    }
}
