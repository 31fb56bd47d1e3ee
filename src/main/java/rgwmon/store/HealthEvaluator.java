package rgwmon.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import rgwmon.model.SyncHealth;

/**
 * Health of a snapshot at a given time.
 * <ul>
 * <li>DOWN: the topology was never collected, or every collection of the primary is failing (no
 *     usable data from the cluster).</li>
 * <li>DEGRADED: a part is stale (failing, or no success for too long: it keeps its last good value),
 *     an agent is stale or an expected one never pushed, metadata or a data source is behind (across consecutive observations) or
 *     failing, buckets are behind, buckets were dropped by the bucket limit.</li>
 * <li>OK otherwise.</li>
 * </ul>
 */
public final class HealthEvaluator {

    private HealthEvaluator() {
    }

    public static Health evaluate(Snapshot snapshot, Instant now) {
        MonitorSettings settings = snapshot.settings();
        List<HealthReason> reasons = new ArrayList<>();

        List<PartView> primaryParts = snapshot.parts().stream()
                .filter(part -> MonitorStore.PRIMARY.equals(part.origin())).toList();
        boolean cephAccess = primaryParts.stream().anyMatch(part -> !part.failing() && part.lastSuccess() != null);

        if (!snapshot.topology().discovered()) {
            String cause = primaryParts.stream()
                    .filter(part -> StoreIngest.TOPOLOGY.equals(part.part()) && part.failing())
                    .map(part -> ": " + part.reason()).findFirst().orElse(" yet");
            reasons.add(down("topology-missing", null, "topology (period get) not collected" + cause));
        }
        if (!primaryParts.isEmpty() && primaryParts.stream().allMatch(PartView::failing)) {
            reasons.add(down("collection-down", null,
                    "every collection of the primary is failing; last: " + primaryParts.get(0).reason()));
        }

        for (PartView part : snapshot.parts()) {
            String why = part.staleReason(now, settings.partStaleAfter());
            if (why != null) {
                reasons.add(degraded("part-stale", part.zone(), part.origin() + " " + part.part()
                        + (part.zone() == null ? "" : " of " + part.zone()) + " is stale"
                        + (part.failingSince() == null ? "" : " since " + part.failingSince()) + ": " + why));
            }
        }
        for (AgentView agent : snapshot.agents().values()) {
            if (agent.staleAt(now, settings.agentStaleAfter())) {
                reasons.add(degraded("agent-stale", agent.zone(), "agent of " + agent.zone()
                        + " has not pushed for " + agent.ageSeconds(now) + " s"));
            }
        }
        for (String zone : snapshot.expectedAgents()) {
            if (!snapshot.agents().containsKey(zone) && snapshot.startedAt() != null
                    && Duration.between(snapshot.startedAt(), now).compareTo(settings.agentStaleAfter()) > 0) {
                reasons.add(degraded("agent-missing", zone, "no push from the agent of " + zone + " since the primary"
                        + " started " + Duration.between(snapshot.startedAt(), now).toSeconds() + " s ago"));
            }
        }
        for (ZoneView zone : snapshot.zones()) {
            syncReasons(zone, reasons);
            if (zone.buckets() != null && zone.buckets().behind() > 0) {
                reasons.add(degraded("buckets-behind", zone.name(), zone.buckets().behind() + " bucket(s) behind on "
                        + zone.name() + " across " + settings.behindAfterObservations() + "+ observations"));
            }
        }
        if (snapshot.bucketsDropped() > 0) {
            reasons.add(degraded("buckets-dropped", null, snapshot.bucketsDropped()
                    + " bucket(s) not tracked: more than rgw.store.max-buckets=" + settings.maxBuckets()));
        }

        HealthStatus status = HealthStatus.OK;
        for (HealthReason reason : reasons) {
            if (reason.severity().compareTo(status) > 0) {
                status = reason.severity();
            }
        }
        return new Health(status, List.copyOf(reasons), cephAccess, snapshot.sequence(), now);
    }

    private static void syncReasons(ZoneView zone, List<HealthReason> reasons) {
        ZoneSyncView sync = zone.sync();
        if (sync == null) {
            return;
        }
        if (sync.metadata() != null && sync.metadata().behind()) {
            reasons.add(degraded("metadata-behind", zone.name(), "metadata sync of " + zone.name() + " is behind on "
                    + sync.metadata().behindShardCount() + " shard(s)" + lag(sync.metadata().lagSeconds())));
        } else if (sync.metadata() != null && sync.metadata().health() == SyncHealth.FAILED) {
            reasons.add(degraded("metadata-sync-failing", zone.name(), "metadata sync of " + zone.name() + " is failing"
                    + (sync.metadata().failures().isEmpty() ? "" : ": " + sync.metadata().failures().get(0))));
        }
        for (SourceSyncView source : sync.sources()) {
            if (source.behind()) {
                reasons.add(degraded("data-behind", zone.name(), zone.name() + " is behind " + source.sourceZone()
                        + " on " + source.behindShardCount() + " data shard(s)" + lag(source.lagSeconds())));
            } else if (source.health() == SyncHealth.FAILED) {
                reasons.add(degraded("data-sync-failing", zone.name(), zone.name() + " cannot sync from "
                        + source.sourceZone() + (source.failures().isEmpty() ? "" : ": " + source.failures().get(0))));
            }
        }
    }

    private static String lag(Long seconds) {
        return seconds == null ? "" : ", lag " + seconds + " s";
    }

    private static HealthReason down(String code, String zone, String message) {
        return new HealthReason(HealthStatus.DOWN, code, zone, message);
    }

    private static HealthReason degraded(String code, String zone, String message) {
        return new HealthReason(HealthStatus.DEGRADED, code, zone, message);
    }
}
