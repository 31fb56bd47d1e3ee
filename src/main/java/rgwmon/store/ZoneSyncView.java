package rgwmon.store;

import java.time.Instant;
import java.util.List;

/**
 * A zone's pull-side sync state.
 *
 * @param reportedBy "agent" or "primary"
 * @param observedAt when it was collected (the agent's collectedAt, or the primary's collection time)
 * @param currentTime the output's own "current time" (Reef+), null before
 * @param lagSeconds the largest lag of its sources and metadata; null when unknown, also when one of
 *                   them is not caught up (e.g. RECOVERING) and reports no oldest change
 * @param behind     metadata or a data source is flagged behind (stayed behind across consecutive observations)
 */
public record ZoneSyncView(String reportedBy, Instant observedAt, Instant currentTime, MetadataSyncView metadata,
                           List<SourceSyncView> sources, Long lagSeconds, boolean behind, List<String> warnings) {
}
