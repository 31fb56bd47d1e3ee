package rgwmon.model;

/**
 * A bucket shard named in data sync status ({@code [tenant/]bucket:instance[:shard]}).
 *
 * @param raw the key verbatim
 * @param shard null when the key has no shard part
 */
public record BucketShardKey(String raw, String tenant, String bucket, String instanceId, Integer shard) {

    public String qualifiedBucket() {
        return tenant == null || tenant.isEmpty() ? bucket : tenant + "/" + bucket;
    }
}
