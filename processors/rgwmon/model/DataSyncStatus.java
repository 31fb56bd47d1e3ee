package rgwmon.model;

import java.util.List;

/**
 * {@code radosgw-admin data sync status --source-zone Z}: per-shard markers of this zone's pull from Z.
 *
 * @param status           "init" | "building-full-sync-maps" | "sync"
 * @param fullSyncTotal    full_sync.total
 * @param fullSyncComplete full_sync.complete
 */
public record DataSyncStatus(String status, int numShards, List<DataSyncMarker> markers, long fullSyncTotal,
                             long fullSyncComplete) {
}
