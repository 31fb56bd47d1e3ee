package rgwmon.processors;

import java.util.ArrayList;
import java.util.List;

import rgwmon.model.BucketShardKey;
import rgwmon.model.DataSyncShardStatus;

/**
 * {@code radosgw-admin data sync status --source-zone Z --shard-id N}: one datalog shard's marker
 * and the bucket shards behind it ({@code pending_buckets}: next entries after the marker;
 * {@code recovering_buckets}: the retry repo). Keys are kept verbatim; the binary keys Quincy
 * printed before PR 50690 are kept raw with their parts null.
 */
public class DataSyncShardStatusParser extends JsonRadosgwParser<DataSyncShardStatus> {

    @Override
    public String command() {
        return "data sync status";
    }

    @Override
    protected DataSyncShardStatus read(JsonCursor document) throws RadosgwParseException {
        int shardId = document.smallInteger("shard_id");
        return new DataSyncShardStatus(shardId, DataSyncStatusParser.marker(shardId, document.field("marker")),
                keys(document.field("pending_buckets")), keys(document.field("recovering_buckets")));
    }

    private static List<BucketShardKey> keys(JsonCursor list) throws RadosgwParseException {
        List<BucketShardKey> keys = new ArrayList<>();
        for (String raw : list.texts()) {
            keys.add(BucketKeys.shardKey(raw));
        }
        return List.copyOf(keys);
    }
}
