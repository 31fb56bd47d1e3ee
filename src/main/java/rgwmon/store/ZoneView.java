package rgwmon.store;

import java.util.List;

/**
 * One zone in a snapshot.
 *
 * @param totals     its {@code bucket stats} totals, null before they were collected
 * @param sync       its own {@code sync status} (from its agent, or from the primary for the master zone), null when unknown
 * @param buckets    its buckets compared with the master zone, null for the master zone itself
 * @param errorCount sync errors recorded on this zone
 * @param agent      an agent has pushed for this zone
 */
public record ZoneView(String name, String id, boolean master, List<String> endpoints, ZoneTotals totals,
                       ZoneSyncView sync, ZoneBucketSummary buckets, int errorCount, boolean agent) {
}
