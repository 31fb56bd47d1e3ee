package rgwmon.model;

import java.time.Instant;
import java.util.Map;

/**
 * One bucket of {@code bucket stats} (all buckets or {@code --bucket B}).
 *
 * @param bucket       bucket name
 * @param tenant       tenant, "" when none (absent in old releases)
 * @param id           bucket instance id (changes on reshard)
 * @param marker       original instance id
 * @param zonegroupId  zonegroup id owning the bucket
 * @param numShards    index shards, null before Octopus
 * @param owner        owner user id
 * @param mtime        last metadata change, null when unparseable/absent
 * @param creationTime creation time, null when absent
 * @param numObjects   objects in rgw.main (0 for an empty bucket)
 * @param sizeBytes    logical bytes in rgw.main
 * @param sizeActualBytes allocated bytes in rgw.main
 * @param usage        every usage category as printed
 */
public record BucketStats(String bucket, String tenant, String id, String marker, String zonegroupId, Integer numShards,
                          String owner, Instant mtime, Instant creationTime, long numObjects, long sizeBytes,
                          long sizeActualBytes, Map<String, UsageCategory> usage) {

    /** "tenant/name" for tenanted buckets, else the name. */
    public String qualifiedName() {
        return tenant == null || tenant.isEmpty() ? bucket : tenant + "/" + bucket;
    }
}
