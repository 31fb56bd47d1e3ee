package rgwmon.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.CollectionFailure;
import rgwmon.model.Coverage;
import rgwmon.model.Period;
import rgwmon.model.SyncError;
import rgwmon.model.SyncState;
import rgwmon.model.SyncStatus;
import rgwmon.model.Zone;
import rgwmon.model.ZoneReport;
import rgwmon.model.Zonegroup;

/**
 * The store's inputs: the last good value of every part, with when and by whom it was collected.
 * Mutable and not thread-safe: only touched under the store's write lock; readers see snapshots.
 */
final class StoreState {

    /** A value and when ({@code at}) and by whom ({@code origin}: primary or agent) it was collected. */
    record Observed<T>(T value, Instant at, String origin) {
    }

    /** Bucket index shards of one bucket named by the behind/recovering datalog shards of a zone. */
    record ShardActivity(Set<Integer> pendingShards, Set<Integer> recoveringShards, boolean recovering,
                         Long lagSeconds) {
    }

    /** The light part of an agent's last applied report, plus push counters. */
    static final class AgentRecord {
        final String zone;
        String zoneId;
        String agentVersion;
        Instant lastPush;
        Instant collectedAt;
        int bucketsReported;
        Coverage coverage;
        long droppedReports;
        List<CollectionFailure> failures = List.of();
        long applied;
        long ignored;

        AgentRecord(String zone) {
            this.zone = zone;
        }

        void apply(ZoneReport report, Instant receivedAt) {
            zoneId = report.zoneId();
            agentVersion = report.agentVersion();
            lastPush = receivedAt;
            collectedAt = report.collectedAt();
            bucketsReported = report.buckets() == null ? 0 : report.buckets().size();
            coverage = report.coverage();
            droppedReports = report.droppedReports();
            failures = report.failures() == null ? List.of() : List.copyOf(report.failures());
            applied++;
        }

        AgentView view() {
            return new AgentView(zone, zoneId, agentVersion, lastPush, collectedAt, bucketsReported, coverage,
                    droppedReports, failures, applied, ignored);
        }
    }

    Observed<Period> period;
    /** zone → its bucket stats by qualified bucket name. */
    final Map<String, Observed<Map<String, BucketStats>>> bucketStats = new HashMap<>();
    /** zone → its own sync status (the primary's for the master zone, an agent's for its zone). */
    final Map<String, Observed<SyncStatus>> syncStatus = new HashMap<>();
    /** zone → the sync errors recorded there, newest kept. */
    final Map<String, Observed<List<SyncError>>> errors = new HashMap<>();
    /** zone → bucket → instance metadata (flags). */
    final Map<String, Map<String, BucketInstanceMetadata>> instances = new HashMap<>();
    /** zone → bucket → last bucket sync status an agent reported (agents inspect a rotating subset). */
    final Map<String, LinkedHashMap<String, Observed<BucketSyncStatus>>> bucketSync = new HashMap<>();
    /** zone → bucket → shards named by the zone's behind/recovering datalog shards. */
    final Map<String, Observed<Map<String, ShardActivity>>> shardActivity = new HashMap<>();
    final Map<String, AgentRecord> agents = new HashMap<>();
    final Map<PartState.Key, PartState> parts = new LinkedHashMap<>();
    final Streaks streaks = new Streaks();
    Set<String> expectedAgents = Set.of();
    Instant startedAt;

    PartState part(String part, String zone, String origin) {
        return parts.computeIfAbsent(new PartState.Key(part, zone, origin), key -> new PartState());
    }

    /**
     * The zone every other zone is compared with: the period's master zone, or before the first
     * {@code period get}, the zone whose own sync status says it is the metadata master.
     */
    String masterZone() {
        if (period != null) {
            String name = zoneName(period.value(), period.value().masterZoneId());
            if (name != null) {
                return name;
            }
        }
        for (Map.Entry<String, Observed<SyncStatus>> entry : syncStatus.entrySet()) {
            SyncStatus status = entry.getValue().value();
            if (status.metadataSync() != null && status.metadataSync().state() == SyncState.MASTER) {
                return entry.getKey();
            }
        }
        return null;
    }

    Map<String, BucketStats> statsOf(String zone) {
        Observed<Map<String, BucketStats>> observed = zone == null ? null : bucketStats.get(zone);
        return observed == null ? null : observed.value();
    }

    static String zoneName(Period period, String zoneId) {
        if (zoneId == null || period.zonegroups() == null) {
            return null;
        }
        for (Zonegroup zonegroup : period.zonegroups()) {
            for (Zone zone : zonegroup.zones() == null ? List.<Zone>of() : zonegroup.zones()) {
                if (zoneId.equals(zone.id())) {
                    return zone.name();
                }
            }
        }
        return null;
    }
}
