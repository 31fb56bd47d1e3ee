package rgwmon.processors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.UsageCategory;

/**
 * {@code radosgw-admin bucket stats [--bucket B]}: an array of bucket objects (all buckets; an
 * empty array is a valid "no buckets") or one object ({@code --bucket}).
 * <p>
 * Release differences handled: {@code num_shards}, {@code tenant} and {@code creation_time} are
 * absent before Octopus (null), Nautilus prints {@code mtime} with a space and no zone, Reef+
 * adds {@code versioning}, {@code index_generation}, real booleans and a new key order (ignored).
 * Counts come from {@code usage["rgw.main"]}, 0 when the bucket has no objects ({@code usage} {}).
 */
public class BucketStatsParser extends JsonRadosgwParser<BucketStatsList> {

    static final String MAIN_CATEGORY = "rgw.main";

    @Override
    public String command() {
        return "bucket stats";
    }

    @Override
    protected BucketStatsList read(JsonCursor document) throws RadosgwParseException {
        if (document.isObject()) {
            return new BucketStatsList(List.of(bucket(document)));
        }
        if (!document.isArray()) {
            throw document.error("expected a bucket object or an array of them");
        }
        List<BucketStats> buckets = new ArrayList<>();
        for (JsonCursor bucket : document.elements()) {
            buckets.add(bucket(bucket));
        }
        return new BucketStatsList(List.copyOf(buckets));
    }

    private static BucketStats bucket(JsonCursor bucket) throws RadosgwParseException {
        JsonCursor tenant = bucket.optionalField("tenant");
        JsonCursor numShards = bucket.optionalField("num_shards");
        JsonCursor creationTime = bucket.optionalField("creation_time");
        Map<String, UsageCategory> usage = usage(bucket.field("usage"));
        UsageCategory main = usage.getOrDefault(MAIN_CATEGORY, new UsageCategory(0, 0, 0, 0));
        return new BucketStats(bucket.text("bucket"),
                tenant == null ? null : tenant.text(),
                bucket.text("id"), bucket.text("marker"), bucket.text("zonegroup"),
                numShards == null ? null : numShards.smallInteger(),
                bucket.text("owner"), mtime(bucket.optionalField("mtime")),
                creationTime == null ? null : creationTime.utime(),
                main.numObjects(), main.size(), main.sizeActual(), usage);
    }

    private static Map<String, UsageCategory> usage(JsonCursor usage) throws RadosgwParseException {
        Map<String, UsageCategory> categories = new LinkedHashMap<>();
        for (String name : usage.fieldNames()) {
            JsonCursor category = usage.field(name);
            categories.put(name, new UsageCategory(category.integer("num_objects"), category.integer("size"),
                    category.integer("size_actual"), category.integer("size_utilized")));
        }
        return Collections.unmodifiableMap(categories);
    }

    /** Informational only: a form no release is known to print gives null, not a failure (model contract). */
    private static Instant mtime(JsonCursor mtime) throws RadosgwParseException {
        if (mtime == null) {
            return null;
        }
        try {
            return CephJson.utime(mtime.text());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
