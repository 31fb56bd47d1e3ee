package rgwmon.model;

import java.time.Instant;
import java.util.List;

/**
 * {@code radosgw-admin bucket sync status --bucket B} (text up to Squid).
 *
 * @param bucket       the "bucket" header line
 * @param currentTime  "current time" (Reef+), null before
 * @param syncDisabled true for "Sync is disabled for bucket …" (no sources imported)
 * @param sources      one per "source zone" block
 * @param warnings     unrecognised lines, verbatim
 */
public record BucketSyncStatus(String realmId, String realmName, String zonegroupId, String zonegroupName,
                               String zoneId, String zoneName, BucketRef bucket, Instant currentTime,
                               boolean syncDisabled, List<BucketSyncSource> sources, List<String> warnings) {
}
