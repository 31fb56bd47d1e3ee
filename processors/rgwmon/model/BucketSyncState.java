package rgwmon.model;

/**
 * State of one source of a bucket. {@code NOT_A_SOURCE}: "does not sync from zone"/"not in sync_from";
 * {@code INIT}/{@code STOPPED}/{@code FULL_SYNC}: the Quincy+ terminal lines; {@code SYNCING}: shard
 * counts printed; {@code UNKNOWN}: the block ended before any of these.
 */
public enum BucketSyncState {
    SYNCING, NOT_A_SOURCE, INIT, STOPPED, FULL_SYNC, UNKNOWN
}
