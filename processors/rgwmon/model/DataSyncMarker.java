package rgwmon.model;

import java.time.Instant;

/**
 * One datalog shard's position in {@code data sync status}.
 *
 * @param status    "full-sync" / "incremental-sync" (or the old numeric state as text)
 * @param marker    last applied remote datalog marker
 * @param timestamp time of the last applied entry, null when unset ("0.000000")
 */
public record DataSyncMarker(int shardId, String status, String marker, String nextStepMarker, long totalEntries,
                             long pos, Instant timestamp) {
}
