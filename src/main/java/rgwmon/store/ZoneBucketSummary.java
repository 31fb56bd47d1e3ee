package rgwmon.store;

import java.util.List;
import java.util.Map;

/**
 * A non-master zone's buckets compared with the master zone.
 *
 * @param compared       buckets with a comparison on this zone (DISABLED ones included)
 * @param disabled       buckets whose sync is disabled on purpose: counted here, not in the lag figures
 * @param byPriority     bucket count per priority
 * @param pendingObjects sum of positive object deltas (objects the zone still lacks), DISABLED buckets excluded
 * @param pendingBytes   sum of positive byte deltas, DISABLED buckets excluded
 * @param avgSyncPercent average sync % over buckets with known counts, DISABLED ones excluded; null when none
 * @param parserWarnings buckets whose latest {@code bucket sync status} from the zone's agent had lines
 *                       the parser did not fully read (warnings, or messages of a source block)
 * @param parserWarningBuckets the first of those buckets by name, at most
 *                       {@value SnapshotBuilder#MAX_PARSER_WARNING_BUCKETS} (details: /api/buckets/{name})
 */
public record ZoneBucketSummary(int compared, int behind, int settling, int recovering, int disabled,
                                Map<Priority, Integer> byPriority, long pendingObjects, long pendingBytes,
                                Double avgSyncPercent, int parserWarnings, List<String> parserWarningBuckets) {
}
