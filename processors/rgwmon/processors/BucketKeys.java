package rgwmon.processors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rgwmon.model.BucketShardKey;

/**
 * The bucket-shard key grammar of the sync logs: {@code [tenant/]bucket:instance[:shard]}, and in
 * {@code sync error list} names optionally {@code /object} after it. Tenant, bucket and instance
 * never contain {@code /} or {@code :}; the object key may contain anything, so it is everything
 * after the first {@code /} that follows the shard. Text that does not fit (metadata keys, the
 * binary keys Quincy printed before PR 50690) is not split at all.
 */
final class BucketKeys {

    /** A name part: no separator, no control or replacement character (binary garbage). */
    private static final String PART = "([^/:\\p{Cntrl}\\u0080-\\u009f\\ufffd]+)";
    private static final String KEY = "(?:" + PART + "/)?" + PART + ":" + PART + "(?::(\\d{1,9}))?";

    private static final Pattern SHARD_KEY = Pattern.compile(KEY);
    private static final Pattern ERROR_NAME = Pattern.compile(KEY + "(?:/(.*))?", Pattern.DOTALL);

    /** The parts of a name; tenant is "" when the key has none. */
    record Parts(String tenant, String bucket, String instance, Integer shard, String object) {
    }

    private BucketKeys() {
    }

    /** Splits a {@code sync error list} name; null when it is not a bucket(-shard) key. */
    static Parts errorName(String name) {
        Matcher m = ERROR_NAME.matcher(name);
        return m.matches() ? parts(m, m.group(5)) : null;
    }

    /** A pending/recovering bucket shard of {@code data sync status --shard-id}: raw always kept. */
    static BucketShardKey shardKey(String raw) {
        Matcher m = SHARD_KEY.matcher(raw);
        if (!m.matches()) {
            return new BucketShardKey(raw, null, null, null, null);
        }
        Parts parts = parts(m, null);
        return new BucketShardKey(raw, parts.tenant(), parts.bucket(), parts.instance(), parts.shard());
    }

    private static Parts parts(Matcher m, String object) {
        return new Parts(m.group(1) == null ? "" : m.group(1), m.group(2), m.group(3),
                m.group(4) == null ? null : Integer.valueOf(m.group(4)), object);
    }
}
