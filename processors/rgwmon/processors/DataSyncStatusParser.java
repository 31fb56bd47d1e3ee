package rgwmon.processors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import rgwmon.model.DataSyncMarker;
import rgwmon.model.DataSyncStatus;

/**
 * {@code radosgw-admin data sync status --source-zone Z}: {@code sync_status.info} (state, number
 * of datalog shards), one marker per shard ({@code {"key": N, "val": {...}}}) and the full-sync
 * totals. Ceph reads one marker per shard, so the marker count must equal {@code num_shards}
 * (0 and 0 when this zone never started syncing from Z): a partial list is rejected rather than
 * read as "the listed shards are all there is".
 */
public class DataSyncStatusParser extends JsonRadosgwParser<DataSyncStatus> {

    @Override
    public String command() {
        return "data sync status";
    }

    @Override
    protected DataSyncStatus read(JsonCursor document) throws RadosgwParseException {
        JsonCursor syncStatus = document.field("sync_status");
        JsonCursor info = syncStatus.field("info");
        int numShards = info.smallInteger("num_shards");
        JsonCursor markerList = syncStatus.field("markers");
        List<DataSyncMarker> markers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonCursor entry : markerList.elements()) {
            int shardId = entry.smallInteger("key");
            if (shardId < 0 || shardId >= numShards || !seen.add(shardId)) {
                throw entry.field("key").error("shard " + shardId + " is out of range or listed twice"
                        + " (num_shards " + numShards + ")");
            }
            markers.add(marker(shardId, entry.field("val")));
        }
        if (markers.size() != numShards) {
            throw markerList.error(markers.size() + " markers listed for num_shards " + numShards);
        }
        JsonCursor fullSync = document.field("full_sync");
        return new DataSyncStatus(info.text("status"), numShards, List.copyOf(markers), fullSync.integer("total"),
                fullSync.integer("complete"));
    }

    /**
     * One {@code rgw_data_sync_marker}; shared with {@code --shard-id}. Mimic-era builds printed a
     * numeric {@code "state"} instead of {@code "status"}: kept as its number in text.
     */
    static DataSyncMarker marker(int shardId, JsonCursor marker) throws RadosgwParseException {
        String status = !marker.has("status") && marker.has("state")
                ? Long.toString(marker.integer("state"))
                : marker.text("status");
        return new DataSyncMarker(shardId, status, marker.text("marker"), marker.text("next_step_marker"),
                marker.integer("total_entries"), marker.integer("pos"), marker.utime("timestamp"));
    }
}
