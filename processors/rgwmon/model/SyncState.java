package rgwmon.model;

/**
 * The state word radosgw-admin prints for metadata sync or for one data sync source.
 * {@code MASTER}: "no sync (zone is master)"; {@code NOT_SYNCING}: "not syncing from zone";
 * {@code FAILED}: a "failed to …" line instead of a state; {@code UNKNOWN}: no state line at all.
 */
public enum SyncState {
    INIT, PREPARING, SYNCING, MASTER, NOT_SYNCING, ZONE_NOT_FOUND, FAILED, UNKNOWN
}
