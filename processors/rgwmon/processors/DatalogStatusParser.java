package rgwmon.processors;

import java.util.ArrayList;
import java.util.List;

import rgwmon.model.DatalogShard;
import rgwmon.model.DatalogStatus;

/**
 * {@code radosgw-admin datalog status}: an array with one {@code {"marker", "last_update"}} per
 * datalog shard, the shard id being the position. A zone always has datalog shards, so an empty
 * array is rejected as "no shards listed".
 */
public class DatalogStatusParser extends JsonRadosgwParser<DatalogStatus> {

    @Override
    public String command() {
        return "datalog status";
    }

    @Override
    protected DatalogStatus read(JsonCursor document) throws RadosgwParseException {
        List<JsonCursor> entries = document.nonEmptyElements("no shards listed");
        List<DatalogShard> shards = new ArrayList<>(entries.size());
        for (int shardId = 0; shardId < entries.size(); shardId++) {
            JsonCursor shard = entries.get(shardId);
            shards.add(new DatalogShard(shardId, shard.text("marker"), shard.utime("last_update")));
        }
        return new DatalogStatus(List.copyOf(shards));
    }
}
