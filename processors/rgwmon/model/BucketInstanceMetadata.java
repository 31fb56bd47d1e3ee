package rgwmon.model;

/**
 * {@code radosgw-admin metadata get bucket.instance:<bucket>:<instance>}: only what the monitor needs.
 * Flag 0x8 (BUCKET_DATASYNC_DISABLED) is set by {@code bucket sync disable}: such a bucket looks
 * stuck in {@code bucket sync status} but is disabled on purpose.
 */
public record BucketInstanceMetadata(String tenant, String bucket, String instanceId, int flags) {

    public static final int DATASYNC_DISABLED = 0x8;

    public boolean syncDisabled() {
        return (flags & DATASYNC_DISABLED) != 0;
    }
}
