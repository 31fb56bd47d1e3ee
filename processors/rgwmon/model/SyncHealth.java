package rgwmon.model;

/**
 * The verdict for metadata sync or one data sync source, derived only from what was printed.
 * A block that ends without "caught up" / "behind" / "recovering" is {@code UNKNOWN}, never healthy
 * (Pacific drops some failure lines silently).
 */
public enum SyncHealth {
    /** this zone is the metadata master: nothing to pull */
    MASTER,
    CAUGHT_UP,
    BEHIND,
    /** caught up, but shards have entries in the retry queue (failed bucket syncs being retried) */
    RECOVERING,
    /** this zone does not pull from that source by configuration (archive, sync_from, policy) */
    NOT_SYNCING,
    FAILED,
    UNKNOWN
}
