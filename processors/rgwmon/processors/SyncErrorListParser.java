package rgwmon.processors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import rgwmon.model.SyncError;
import rgwmon.model.SyncErrorList;

/**
 * {@code radosgw-admin sync error list [--shard-id N]}: an array of error-log shards
 * ({@code {"shard_id", "entries": [...]}}), flattened into one list of entries.
 * <p>
 * Ceph always lists every shard, empty ones included (32, or the one of {@code --shard-id}), so
 * an array without any shard is not "no errors": it is rejected as "no shards listed".
 */
public class SyncErrorListParser extends JsonRadosgwParser<SyncErrorList> {

    @Override
    public String command() {
        return "sync error list";
    }

    @Override
    protected SyncErrorList read(JsonCursor document) throws RadosgwParseException {
        List<JsonCursor> shards = document.nonEmptyElements("no shards listed");
        Set<Integer> seen = new HashSet<>();
        List<SyncError> entries = new ArrayList<>();
        for (JsonCursor shard : shards) {
            int shardId = shard.smallInteger("shard_id");
            if (!seen.add(shardId)) {
                throw shard.field("shard_id").error("shard " + shardId + " listed twice");
            }
            for (JsonCursor entry : shard.field("entries").elements()) {
                entries.add(entry(shardId, entry));
            }
        }
        return new SyncErrorList(shards.size(), List.copyOf(entries));
    }

    private static SyncError entry(int shardId, JsonCursor entry) throws RadosgwParseException {
        String name = entry.text("name");
        JsonCursor info = entry.field("info");
        BucketKeys.Parts parts = BucketKeys.errorName(name);
        return new SyncError(shardId, entry.text("id"), entry.text("section"), name,
                parts == null ? null : parts.tenant(),
                parts == null ? null : parts.bucket(),
                parts == null ? null : parts.instance(),
                parts == null ? null : parts.shard(),
                parts == null ? null : parts.object(),
                entry.utime("timestamp"), info.text("source_zone"), info.smallInteger("error_code"),
                info.text("message"));
    }
}
