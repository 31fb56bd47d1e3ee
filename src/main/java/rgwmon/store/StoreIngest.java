package rgwmon.store;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStatsList;
import rgwmon.model.CollectionFailure;
import rgwmon.model.Period;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncStatus;
import rgwmon.model.ZoneReport;

/**
 * What collectors and the push endpoint write into the aggregation store (bean {@code monitorStore}).
 * Each successful call replaces that part's last good value and clears its failure; a
 * {@link #recordFailure} keeps the last good value and marks it stale with the reason.
 * Times come from the store's clock.
 */
public interface StoreIngest {

    /** Parts of the collected state that can fail and go stale independently. */
    String TOPOLOGY = "topology";
    String BUCKET_STATS = "bucket-stats";
    String SYNC_STATUS = "sync-status";
    String SYNC_ERRORS = "sync-errors";
    String BUCKET_INSTANCE = "bucket-instance";

    void acceptPeriod(Period period);

    /** {@code bucket stats} as seen on {@code zone} (the local zone or another via --rgw-zone / REST). */
    void acceptBucketStats(String zone, BucketStatsList stats);

    /** The primary's own {@code sync status} (in active-active setups the master pulls data too). */
    void acceptSyncStatus(String zone, SyncStatus status);

    void acceptSyncErrors(String zone, SyncErrorList errors);

    /** Bucket instance flags: tells "sync disabled on purpose" from "stuck". */
    void acceptBucketInstance(String zone, BucketInstanceMetadata metadata);

    /** An agent's push, already authenticated and validated. */
    PushOutcome acceptZoneReport(ZoneReport report);

    /** A collection step of {@code part} for {@code zone} (null for cluster-wide parts) failed. */
    void recordFailure(String part, String zone, CollectionFailure failure);

    /** The result of a push: applied, or ignored because it is older than the last applied one. */
    enum PushOutcome { APPLIED, OUT_OF_ORDER }
}
