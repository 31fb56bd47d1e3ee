package rgwmon.processors;

import rgwmon.model.BucketInstanceMetadata;

/**
 * {@code radosgw-admin metadata get bucket.instance:<bucket>:<instance>}: reads
 * {@code data.bucket_info.bucket} (name, bucket_id, tenant) and {@code data.bucket_info.flags}.
 * The key must be a {@code bucket.instance:} key: the bucket entrypoint ({@code bucket:<name>})
 * has no flags and would say nothing about sync being disabled.
 */
public class BucketInstanceMetadataParser extends JsonRadosgwParser<BucketInstanceMetadata> {

    private static final String KEY_PREFIX = "bucket.instance:";

    @Override
    public String command() {
        return "metadata get";
    }

    @Override
    protected BucketInstanceMetadata read(JsonCursor document) throws RadosgwParseException {
        JsonCursor key = document.field("key");
        if (!key.text().startsWith(KEY_PREFIX)) {
            throw key.error("not a bucket instance key (expected " + KEY_PREFIX + "…)");
        }
        JsonCursor bucketInfo = document.field("data").field("bucket_info");
        JsonCursor bucket = bucketInfo.field("bucket");
        return new BucketInstanceMetadata(bucket.text("tenant"), bucket.text("name"), bucket.text("bucket_id"),
                bucketInfo.smallInteger("flags"));
    }
}
