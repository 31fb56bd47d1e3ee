package rgwmon.model;

import java.time.Instant;
import java.util.List;

/**
 * What a zone agent pushes to the primary ({@code POST /api/zone-agent/push}): parsed, structured
 * data only, never raw CLI text. Versioned: the primary rejects a {@code schemaVersion} it does not know.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param zone           zone name the agent runs on
 * @param zoneId         zone id, null when not detected
 * @param collectedAt    when this cycle's collection finished; an older one than the last accepted is not applied
 * @param agentVersion   the agent's version
 * @param syncStatus     this zone's {@code sync status}, null when that collection failed (see failures)
 * @param syncErrors     this zone's {@code sync error list}, null when that collection failed
 * @param buckets        {@code bucket sync status} of the buckets inspected this cycle
 * @param shardDetails   drill-down of behind/recovering data shards
 * @param coverage       what share of the buckets was inspected
 * @param droppedReports reports dropped from the agent's spool since the last accepted push
 * @param failures       what could not be collected this cycle
 */
public record ZoneReport(int schemaVersion, String zone, String zoneId, Instant collectedAt, String agentVersion,
                         SyncStatus syncStatus, SyncErrorList syncErrors, List<BucketSyncStatus> buckets,
                         List<DataShardDetail> shardDetails, Coverage coverage, long droppedReports,
                         List<CollectionFailure> failures) {

    public static final int SCHEMA_VERSION = 1;
}
