package rgwmon.model;

import java.time.Instant;

/**
 * One entry of {@code sync error list}. The name is split where it has the form
 * {@code bucket:instance:shard[/object]} (tenanted: {@code tenant/bucket:…}); otherwise those parts are null.
 *
 * @param shardId        error-log shard (0..31)
 * @param id             timelog entry id (also the trim marker)
 * @param section        "data" for bucket/object sync errors
 * @param name           the raw name, verbatim
 * @param tenant         tenant or "" (null when the name was not a bucket key)
 * @param bucket         bucket name, null when the name was not a bucket key
 * @param bucketInstance bucket instance id, null when absent
 * @param bucketShard    bucket index shard, null when absent
 * @param object         object key for object errors, null otherwise
 * @param timestamp      when the error was logged
 * @param sourceZoneId   the zone this zone failed to pull from
 * @param errorCode      positive errno (27 = EFBIG, 5 = EIO, 16 = EBUSY, 125 = ECANCELED…)
 * @param message        the message, verbatim (untrusted text)
 */
public record SyncError(int shardId, String id, String section, String name, String tenant, String bucket,
                        String bucketInstance, Integer bucketShard, String object, Instant timestamp,
                        String sourceZoneId, int errorCode, String message) {
}
