package rgwmon.store;

import java.time.Instant;

/**
 * One sync error as the monitor shows it.
 *
 * @param zone         the zone that recorded it (errors are logged where the pull runs)
 * @param origin       "primary" (collected by the primary) or "agent" (pushed by that zone's agent)
 * @param sourceZone   name of the zone that zone failed to pull from (its id when the name is unknown)
 * @param bucket       "tenant/name" or the name, null when the entry does not name a bucket
 */
public record ErrorView(String zone, String origin, String sourceZone, String sourceZoneId, Instant timestamp,
                        int errorCode, String message, String bucket, String object, Integer bucketShard,
                        String section, String name, String id) {
}
