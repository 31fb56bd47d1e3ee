package rgwmon.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.camel.Header;

import rgwmon.history.BucketPoint;
import rgwmon.history.HistorySample;
import rgwmon.history.SnapshotHistory;
import rgwmon.model.CollectionFailure;
import rgwmon.model.Coverage;
import rgwmon.model.Zonegroup;
import rgwmon.store.AgentView;
import rgwmon.store.BucketView;
import rgwmon.store.BucketZoneView;
import rgwmon.store.ErrorView;
import rgwmon.store.Health;
import rgwmon.store.HealthReason;
import rgwmon.store.MonitorSettings;
import rgwmon.store.MonitorStore;
import rgwmon.store.PartView;
import rgwmon.store.Priority;
import rgwmon.store.Snapshot;
import rgwmon.store.StoreIngest;
import rgwmon.store.ZoneSyncView;
import rgwmon.store.ZoneView;

/**
 * The read side of the API (bean {@code monitorApi}): every answer is built from one store snapshot
 * (consistent, never a live map) plus, for history, the history database. Query parameters arrive as
 * headers (platform-http) and are checked strictly: a bad value is a 400 naming the parameter.
 */
public class MonitorApi {

    static final int DEFAULT_LAST_N = 10;
    static final int MAX_LAST_N = 1440;
    static final int DEFAULT_BUCKET_HISTORY = 500;
    static final int MAX_BUCKET_HISTORY = 5000;
    static final int WORST_BUCKETS = 10;
    static final int RECENT_ERRORS = 20;
    static final int BUCKET_ERRORS = 200;
    static final int DEFAULT_ERROR_LIMIT = 200;
    static final int MAX_ERROR_LIMIT = 5000;
    static final int ERROR_GROUPS = 100;
    /** The overview's "worst buckets": lowest sync % first. */
    private static final BucketQuery WORST_FIRST =
            new BucketQuery(BucketQuery.Sort.SYNC, BucketQuery.Order.ASC, Set.of(), Set.of(), null, 0, WORST_BUCKETS);

    private final MonitorStore store;
    private final SnapshotHistory history;
    private final PushTokens pushTokens;
    private final boolean demo;

    public MonitorApi(MonitorStore store, SnapshotHistory history, PushTokens pushTokens, boolean demo) {
        this.store = store;
        this.history = history;
        this.pushTokens = pushTokens;
        this.demo = demo;
    }

    // ------------------------------------------------------------------ /api/health

    /**
     * @param demo   true when the data comes from the embedded demo, not a real cluster
     * @param bootId changes when the primary restarts (and its snapshot numbers start over)
     */
    public record HealthResponse(String status, List<HealthReason> reasons, boolean cephAccess, boolean demo,
                                 long snapshot, Instant time, String bootId) {
    }

    public HealthResponse health() {
        Health health = store.health();
        return new HealthResponse(health.status().name(), health.reasons(), health.cephAccess(), demo,
                health.snapshot(), health.evaluatedAt(), store.bootId());
    }

    // ------------------------------------------------------------------ /api/topology

    /**
     * @param zones     every zone known, the period's first, then zones only seen in collected data
     * @param freshness the topology collection's state, null before the first attempt
     */
    public record TopologyResponse(boolean demo, boolean discovered, String realmId, String realmName, String periodId,
                                   long epoch, String masterZonegroupId, String masterZoneId, String masterZone,
                                   List<Zonegroup> zonegroups, List<String> zones, PartStatus freshness) {
    }

    public TopologyResponse topology() {
        return topology(store.snapshot(), store.now());
    }

    private TopologyResponse topology(Snapshot snapshot, Instant now) {
        var topology = snapshot.topology();
        PartStatus freshness = snapshot.parts().stream()
                .filter(part -> StoreIngest.TOPOLOGY.equals(part.part()) && MonitorStore.PRIMARY.equals(part.origin()))
                .map(part -> PartStatus.of(part, now, snapshot.settings())).findFirst().orElse(null);
        return new TopologyResponse(demo, topology.discovered(), topology.realmId(), topology.realmName(),
                topology.periodId(), topology.epoch(), topology.masterZonegroupId(), topology.masterZoneId(),
                topology.masterZone(), topology.zonegroups(), snapshot.zones().stream().map(ZoneView::name).toList(),
                freshness);
    }

    // ------------------------------------------------------------------ /api/dashboard

    /**
     * Totals over every bucket and non-master zone.
     *
     * @param avgSyncPercent average over every bucket and zone with known counts, sync-disabled ones excluded
     */
    public record Summary(int buckets, Double avgSyncPercent, long pendingObjects, long pendingBytes, int errors,
                         Map<Priority, Integer> bucketsByPriority, int bucketsBehind, int bucketsDisabled,
                         int bucketsDropped) {
    }

    /** Freshness of one collected part at the time of the answer. */
    public record PartStatus(String part, String zone, String origin, boolean stale, String staleReason,
                             Instant lastSuccess, Instant lastAttempt, boolean failing, Instant failingSince,
                             int consecutiveFailures, long totalFailures) {

        static PartStatus of(PartView part, Instant now, MonitorSettings settings) {
            return new PartStatus(part.part(), part.zone(), part.origin(), part.staleAt(now, settings.partStaleAfter()),
                    part.staleReason(now, settings.partStaleAfter()), part.lastSuccess(), part.lastAttempt(),
                    part.failing(), part.failingSince(), part.consecutiveFailures(), part.totalFailures());
        }
    }

    /** @param bootId changes when the primary restarts: {@code snapshot} counts from 0 again */
    public record DashboardResponse(Instant generatedAt, long snapshot, boolean demo, HealthResponse health,
                                    TopologyResponse topology, Summary summary, List<ZoneView> zones,
                                    Map<String, AgentStatus> zoneAgents, List<PartStatus> parts,
                                    List<BucketView> worstBuckets, List<ErrorView> recentErrors,
                                    List<HistorySample> history, String bootId) {
    }

    public DashboardResponse dashboard(@Header("last_n") String lastN) {
        int samples = QueryParams.intParam("last_n", lastN, DEFAULT_LAST_N, 0, MAX_LAST_N);
        Snapshot snapshot = store.snapshot();
        Instant now = store.now();
        List<BucketView> worst = new ArrayList<>(snapshot.buckets().values());
        worst.removeIf(bucket -> bucket.priority() == Priority.SYNCED || bucket.priority() == Priority.DISABLED);
        worst.sort(WORST_FIRST.comparator());
        return new DashboardResponse(now, snapshot.sequence(), demo, health(), topology(snapshot, now),
                summary(snapshot), snapshot.zones(), zoneAgents(snapshot, now), parts(snapshot, now),
                List.copyOf(worst.subList(0, Math.min(WORST_BUCKETS, worst.size()))),
                snapshot.errors().subList(0, Math.min(RECENT_ERRORS, snapshot.errors().size())),
                samples == 0 ? List.of() : history.recent(samples), store.bootId());
    }

    private static Summary summary(Snapshot snapshot) {
        Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
        int behind = 0;
        int disabled = 0;
        double percentSum = 0;
        int percentCount = 0;
        for (BucketView bucket : snapshot.buckets().values()) {
            byPriority.merge(bucket.priority(), 1, Integer::sum);
            behind += bucket.behind() ? 1 : 0;
            disabled += bucket.disabled() ? 1 : 0;
            for (BucketZoneView zone : bucket.zones()) {
                if (zone.syncPercent() != null && zone.state().measuresLag()) {
                    percentSum += zone.syncPercent();
                    percentCount++;
                }
            }
        }
        long pendingObjects = 0;
        long pendingBytes = 0;
        for (ZoneView zone : snapshot.zones()) {
            if (zone.buckets() != null) {
                pendingObjects += zone.buckets().pendingObjects();
                pendingBytes += zone.buckets().pendingBytes();
            }
        }
        Double average = percentCount == 0 ? null : Math.round(percentSum / percentCount * 100.0) / 100.0;
        return new Summary(snapshot.buckets().size(), average, pendingObjects, pendingBytes, snapshot.errors().size(),
                byPriority, behind, disabled, snapshot.bucketsDropped());
    }

    private static List<PartStatus> parts(Snapshot snapshot, Instant now) {
        return snapshot.parts().stream().map(part -> PartStatus.of(part, now, snapshot.settings())).toList();
    }

    // ------------------------------------------------------------------ /api/zone-agents

    /**
     * One zone agent as of now.
     *
     * @param tokenConfigured the primary has a push token for this zone
     * @param lastPush        when its last applied report arrived, null when it never pushed
     * @param stale           no push for longer than {@code staleAfterSeconds} (or never)
     */
    public record AgentStatus(String zone, boolean tokenConfigured, Instant lastPush, Long ageSeconds, boolean stale,
                              long staleAfterSeconds, Instant collectedAt, String agentVersion, int bucketsReported,
                              Coverage coverage, long droppedReports, List<CollectionFailure> failures,
                              long reportsApplied, long reportsIgnored) {
    }

    public Map<String, AgentStatus> zoneAgents() {
        return zoneAgents(store.snapshot(), store.now());
    }

    private Map<String, AgentStatus> zoneAgents(Snapshot snapshot, Instant now) {
        Duration staleAfter = snapshot.settings().agentStaleAfter();
        Map<String, AgentStatus> agents = new TreeMap<>();
        for (AgentView agent : snapshot.agents().values()) {
            agents.put(agent.zone(), new AgentStatus(agent.zone(), pushTokens.zones().contains(agent.zone()),
                    agent.lastPush(), agent.ageSeconds(now), agent.staleAt(now, staleAfter), staleAfter.toSeconds(),
                    agent.collectedAt(), agent.agentVersion(), agent.bucketsReported(), agent.coverage(),
                    agent.droppedReports(), agent.failures(), agent.reportsApplied(), agent.reportsIgnored()));
        }
        for (String zone : pushTokens.zones()) {
            agents.putIfAbsent(zone, new AgentStatus(zone, true, null, null, true, staleAfter.toSeconds(), null, null,
                    0, null, 0, List.of(), 0, 0));
        }
        return agents;
    }

    // ------------------------------------------------------------------ /api/buckets

    public BucketQuery.Page buckets(@Header("sort") String sort, @Header("order") String order,
                                    @Header("priority") String priority, @Header("state") String state,
                                    @Header("q") String q, @Header("offset") String offset,
                                    @Header("limit") String limit) {
        return BucketQuery.parse(sort, order, priority, state, q, offset, limit).apply(store.snapshot().buckets().values());
    }

    /**
     * One bucket: every zone compared with the master (counts, deltas, shard ids, sources), its
     * history (oldest first; a point holds until the next one of the same zone) and its errors.
     */
    public record BucketDetail(boolean demo, String masterZone, BucketView bucket, List<BucketPoint> history,
                               int errorCount, List<ErrorView> errors) {
    }

    public BucketDetail bucket(@Header("name") String name, @Header("history_n") String historyN) {
        int points = QueryParams.intParam("history_n", historyN, DEFAULT_BUCKET_HISTORY, 0, MAX_BUCKET_HISTORY);
        if (name == null || name.isBlank()) {
            throw ApiException.badParameter("name", "a bucket name is required");
        }
        Snapshot snapshot = store.snapshot();
        BucketView bucket = snapshot.bucket(name)
                .orElseThrow(() -> ApiException.notFound("unknown bucket: " + name));
        List<ErrorView> errors = snapshot.errors().stream().filter(error -> name.equals(error.bucket())).toList();
        return new BucketDetail(demo, snapshot.topology().masterZone(), bucket,
                points == 0 ? List.of() : history.bucket(name, points), errors.size(),
                errors.subList(0, Math.min(BUCKET_ERRORS, errors.size())));
    }

    // ------------------------------------------------------------------ /api/errors

    /** Errors of one code: how many, on which zones, the newest message. */
    public record CodeGroup(int code, int count, Map<String, Integer> zones, Instant latest, String latestMessage) {
    }

    public record BucketGroup(String bucket, int count, Map<String, Integer> zones, Instant latest) {
    }

    /**
     * Every zone's sync errors merged, newest first; groups are computed over the filtered errors
     * (the largest {@value #ERROR_GROUPS} of each kind).
     */
    public record ErrorReport(int total, Map<String, Integer> byZone, List<CodeGroup> byCode,
                              List<BucketGroup> byBucket, int offset, int limit, List<ErrorView> items) {
    }

    public ErrorReport errors(@Header("zone") String zone, @Header("bucket") String bucket, @Header("code") String code,
                              @Header("offset") String offset, @Header("limit") String limit) {
        String zoneFilter = QueryParams.text("zone", zone, 255);
        String bucketFilter = QueryParams.text("bucket", bucket, 1024);
        Integer codeFilter = code == null || code.isBlank() ? null
                : QueryParams.intParam("code", code, 0, 0, Integer.MAX_VALUE);
        int from = QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.intParam("limit", limit, DEFAULT_ERROR_LIMIT, 1, MAX_ERROR_LIMIT);

        List<ErrorView> matched = store.snapshot().errors().stream()
                .filter(error -> zoneFilter == null || zoneFilter.equals(error.zone()))
                .filter(error -> bucketFilter == null || bucketFilter.equals(error.bucket()))
                .filter(error -> codeFilter == null || codeFilter == error.errorCode())
                .toList();
        Map<String, Integer> byZone = new TreeMap<>();
        Map<Integer, List<ErrorView>> byCode = new LinkedHashMap<>();
        Map<String, List<ErrorView>> byBucket = new LinkedHashMap<>();
        for (ErrorView error : matched) {
            byZone.merge(error.zone(), 1, Integer::sum);
            byCode.computeIfAbsent(error.errorCode(), c -> new ArrayList<>()).add(error);
            if (error.bucket() != null) {
                byBucket.computeIfAbsent(error.bucket(), b -> new ArrayList<>()).add(error);
            }
        }
        List<CodeGroup> codes = byCode.entrySet().stream()
                .map(entry -> new CodeGroup(entry.getKey(), entry.getValue().size(), countByZone(entry.getValue()),
                        entry.getValue().get(0).timestamp(), entry.getValue().get(0).message()))
                .sorted(Comparator.comparingInt(CodeGroup::count).reversed().thenComparingInt(CodeGroup::code))
                .limit(ERROR_GROUPS).toList();
        List<BucketGroup> buckets = byBucket.entrySet().stream()
                .map(entry -> new BucketGroup(entry.getKey(), entry.getValue().size(), countByZone(entry.getValue()),
                        entry.getValue().get(0).timestamp()))
                .sorted(Comparator.comparingInt(BucketGroup::count).reversed().thenComparing(BucketGroup::bucket))
                .limit(ERROR_GROUPS).toList();
        int start = Math.min(from, matched.size());
        int end = (int) Math.min((long) start + size, matched.size());
        return new ErrorReport(matched.size(), byZone, codes, buckets, from, size, matched.subList(start, end));
    }

    private static Map<String, Integer> countByZone(List<ErrorView> errors) {
        Map<String, Integer> zones = new TreeMap<>();
        errors.forEach(error -> zones.merge(error.zone(), 1, Integer::sum));
        return zones;
    }

    // ------------------------------------------------------------------ /api/sync-status

    /** One zone's own sync status now: from its agent, or from the primary for the master zone. */
    public record ZoneSync(String zone, boolean master, boolean agent, ZoneSyncView sync) {
    }

    public record SyncStatusResponse(Instant generatedAt, long snapshot, List<ZoneSync> current,
                                     List<HistorySample> history) {
    }

    /** Current sync state of every zone, and the history: the last {@code last_n} samples or the last {@code hours}. */
    public SyncStatusResponse syncStatus(@Header("last_n") String lastN, @Header("hours") String hours) {
        int maxHours = (int) Math.max(1, history.retention().toHours());
        List<HistorySample> samples;
        if (hours != null && !hours.isBlank()) {
            int window = QueryParams.intParam("hours", hours, 1, 1, maxHours);
            samples = history.since(store.now().minus(Duration.ofHours(window)), MAX_LAST_N * 10);
        } else {
            samples = history.recent(QueryParams.intParam("last_n", lastN, 60, 0, MAX_LAST_N * 10));
        }
        Snapshot snapshot = store.snapshot();
        List<ZoneSync> current = snapshot.zones().stream()
                .map(zone -> new ZoneSync(zone.name(), zone.master(), zone.agent(), zone.sync())).toList();
        return new SyncStatusResponse(store.now(), snapshot.sequence(), current, samples);
    }

    // ------------------------------------------------------------------ POST /api/collect

    /** The answer once a manual collection cycle is done: the snapshot it led to and the health now. */
    public record CollectResult(String status, long snapshot, String health) {
    }

    public CollectResult collected() {
        return new CollectResult("collected", store.snapshot().sequence(), store.health().status().name());
    }
}
