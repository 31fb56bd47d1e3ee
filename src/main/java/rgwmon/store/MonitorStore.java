package rgwmon.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketShardKey;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.CollectionFailure;
import rgwmon.model.DataShardDetail;
import rgwmon.model.DataSyncSource;
import rgwmon.model.Period;
import rgwmon.model.SyncError;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;
import rgwmon.model.ZoneReport;
import rgwmon.store.StoreState.Observed;
import rgwmon.store.StoreState.ShardActivity;
import rgwmon.store.Streaks.Kind;

/**
 * The aggregation store (bean {@code monitorStore}): the one place the primary's state lives.
 *
 * <p>Writers (collectors, the push endpoint) change the inputs under one lock and publish a new
 * immutable {@link Snapshot}; readers only ever get a published snapshot (a volatile read, never
 * blocked by writers). Listeners (SSE, metrics) hear of each publish after the lock is released.
 * The clock is injected, so everything here is plain, testable Java.
 */
public final class MonitorStore implements StoreIngest {

    public static final String PRIMARY = "primary";
    public static final String AGENT = "agent";

    private static final Logger LOG = LoggerFactory.getLogger(MonitorStore.class);

    private final Clock clock;
    private final Object lock = new Object();
    private final StoreState state = new StoreState();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile MonitorSettings settings;
    private volatile Snapshot snapshot;
    private long sequence;
    /** Names this store's life: snapshot numbers restart from 0 with a new store (a primary restart). */
    private final String bootId = UUID.randomUUID().toString();

    public MonitorStore(Clock clock, MonitorSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        state.startedAt = clock.instant();
        this.snapshot = SnapshotBuilder.build(0, clock.instant(), state, settings);
    }

    // ------------------------------------------------------------------ readers

    /** The latest published snapshot. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Random per store: a reader that sees it change knows the snapshot numbers started over. */
    public String bootId() {
        return bootId;
    }

    /** Health of the latest snapshot, now (agent and part staleness depend on the time of asking). */
    public Health health() {
        return HealthEvaluator.evaluate(snapshot, clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    public MonitorSettings settings() {
        return settings;
    }

    /** Called with every published snapshot, on the writer's thread, after the write lock is released. */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Snapshot> listener) {
        listeners.remove(listener);
    }

    /** Changes settings at runtime and republishes, since derived flags depend on them. */
    public void updateSettings(UnaryOperator<MonitorSettings> change) {
        update(now -> {
            settings = Objects.requireNonNull(change.apply(settings));
            return true;
        });
    }

    /** Zones whose agent should push (those with a push token): one that never does turns health DEGRADED. */
    public void expectAgents(Collection<String> zones) {
        update(now -> {
            state.expectedAgents = Set.copyOf(zones);
            return true;
        });
    }

    // ------------------------------------------------------------------ collectors

    @Override
    public void acceptPeriod(Period period) {
        Objects.requireNonNull(period, "period");
        update(now -> {
            state.period = new Observed<>(period, now, PRIMARY);
            state.part(TOPOLOGY, null, PRIMARY).succeeded(now);
            return true;
        });
    }

    @Override
    public void acceptBucketStats(String zone, BucketStatsList stats) {
        requireZone(zone);
        Objects.requireNonNull(stats, "stats");
        update(now -> {
            Map<String, BucketStats> byName = new LinkedHashMap<>();
            for (BucketStats bucket : SnapshotBuilder.listOf(stats.buckets())) {
                if (byName.size() >= settings.maxBuckets()) {
                    break;
                }
                byName.putIfAbsent(bucket.qualifiedName(), bucket);
            }
            state.bucketStats.put(zone, new Observed<>(Map.copyOf(byName), now, PRIMARY));
            state.part(BUCKET_STATS, zone, PRIMARY).succeeded(now);
            observeBucketCounts(zone);
            forgetVanishedBuckets();
            return true;
        });
    }

    @Override
    public void acceptSyncStatus(String zone, SyncStatus status) {
        requireZone(zone);
        Objects.requireNonNull(status, "status");
        update(now -> {
            state.syncStatus.put(zone, new Observed<>(status, now, PRIMARY));
            observeSyncStatus(zone, status);
            state.part(SYNC_STATUS, zone, PRIMARY).succeeded(now);
            return true;
        });
    }

    @Override
    public void acceptSyncErrors(String zone, SyncErrorList errors) {
        requireZone(zone);
        Objects.requireNonNull(errors, "errors");
        update(now -> {
            state.errors.put(zone, new Observed<>(newest(errors.entries()), now, PRIMARY));
            state.part(SYNC_ERRORS, zone, PRIMARY).succeeded(now);
            return true;
        });
    }

    @Override
    public void acceptBucketInstance(String zone, BucketInstanceMetadata metadata) {
        requireZone(zone);
        Objects.requireNonNull(metadata, "metadata");
        update(now -> {
            Map<String, BucketInstanceMetadata> byBucket = state.instances.computeIfAbsent(zone, z -> new LinkedHashMap<>());
            String name = qualified(metadata.tenant(), metadata.bucket());
            BucketInstanceMetadata previous = byBucket.remove(name);
            byBucket.put(name, metadata);
            evictOldest(byBucket, settings.maxBuckets());
            PartState part = state.part(BUCKET_INSTANCE, zone, PRIMARY);
            boolean partRecovered = part.failing() || !part.everSucceeded();
            part.succeeded(now);
            // collectors may ask for many buckets per cycle: only a visible change costs a publish
            return previous == null || previous.syncDisabled() != metadata.syncDisabled() || partRecovered;
        });
    }

    @Override
    public void recordFailure(String part, String zone, CollectionFailure failure) {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(failure, "failure");
        update(now -> {
            state.part(part, zone, PRIMARY).failed(failure, now);
            return true;
        });
        LOG.debug("collection of {} for zone {} failed: {} {}", part, zone, failure.kind(), failure.command());
    }

    // ------------------------------------------------------------------ agents

    @Override
    public PushOutcome acceptZoneReport(ZoneReport report) {
        Objects.requireNonNull(report, "report");
        requireZone(report.zone());
        Objects.requireNonNull(report.collectedAt(), "collectedAt");
        PushOutcome[] outcome = new PushOutcome[1];
        // an ignored report publishes too: the agent's ignored counter changed
        update(now -> {
            StoreState.AgentRecord agent = state.agents.computeIfAbsent(report.zone(), StoreState.AgentRecord::new);
            if (agent.collectedAt != null && !report.collectedAt().isAfter(agent.collectedAt)) {
                agent.ignored++;
                outcome[0] = PushOutcome.OUT_OF_ORDER;
            } else {
                applyReport(agent, report, now);
                outcome[0] = PushOutcome.APPLIED;
            }
            return true;
        });
        return outcome[0];
    }

    private void applyReport(StoreState.AgentRecord agent, ZoneReport report, Instant now) {
        String zone = report.zone();
        Instant collectedAt = report.collectedAt();
        agent.apply(report, now);

        Set<String> failedParts = new HashSet<>();
        for (CollectionFailure failure : SnapshotBuilder.listOf(report.failures())) {
            String part = partOf(failure.command());
            failedParts.add(part);
            state.part(part, zone, AGENT).failed(failure, now);
        }
        // an absent part keeps its last good value; without the agent's own reason it is marked missing
        if (report.syncStatus() != null) {
            state.syncStatus.put(zone, new Observed<>(report.syncStatus(), collectedAt, AGENT));
            observeSyncStatus(zone, report.syncStatus());
        } else if (failedParts.add(SYNC_STATUS)) {
            state.part(SYNC_STATUS, zone, AGENT).failed(missing("sync status", collectedAt), now);
        }
        if (report.syncErrors() != null) {
            state.errors.put(zone, new Observed<>(newest(report.syncErrors().entries()), collectedAt, AGENT));
        } else if (failedParts.add(SYNC_ERRORS)) {
            state.part(SYNC_ERRORS, zone, AGENT).failed(missing("sync error list", collectedAt), now);
        }
        if (report.buckets() != null) {
            var byBucket = state.bucketSync.computeIfAbsent(zone, z -> new LinkedHashMap<>());
            for (BucketSyncStatus bucket : report.buckets()) {
                if (bucket == null || bucket.bucket() == null) {
                    continue;
                }
                String name = bucket.bucket().qualifiedName();
                byBucket.remove(name);
                byBucket.put(name, new Observed<>(bucket, collectedAt, AGENT));
                state.streaks.observe(Kind.BUCKET_SHARDS, zone, name, SnapshotBuilder.shardsBehind(bucket));
            }
            evictOldest(byBucket, settings.maxBuckets());
        }
        if (report.shardDetails() != null) {
            state.shardActivity.put(zone, new Observed<>(shardActivity(report.shardDetails()), collectedAt, AGENT));
        }
        // every part this agent reported before and did not fail this time has recovered
        state.parts.forEach((key, part) -> {
            if (key.origin().equals(AGENT) && zone.equals(key.zone()) && !failedParts.contains(key.part())) {
                part.succeeded(now);
            }
        });
        for (String part : List.of(SYNC_STATUS, SYNC_ERRORS)) {
            if (!failedParts.contains(part)) {
                state.part(part, zone, AGENT).succeeded(now);
            }
        }
    }

    private static CollectionFailure missing(String command, Instant collectedAt) {
        return new CollectionFailure(command, "MISSING", "the agent's report has no " + command + " result", collectedAt);
    }

    /** The store part an agent's failed command belongs to ("sync status" → sync-status, …). */
    static String partOf(String command) {
        String words = command == null ? "" : command.trim().replaceAll("\\s+", " ");
        if (words.startsWith("sync status")) {
            return SYNC_STATUS;
        }
        if (words.startsWith("sync error list")) {
            return SYNC_ERRORS;
        }
        if (words.startsWith("bucket stats")) {
            return BUCKET_STATS;
        }
        if (words.startsWith("period get")) {
            return TOPOLOGY;
        }
        if (words.startsWith("metadata get")) {
            return BUCKET_INSTANCE;
        }
        String slug = words.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase();
        return slug.isEmpty() ? "unknown" : slug;
    }

    /** Bucket → shards named by the zone's behind/recovering datalog shards, with their largest lag. */
    private static Map<String, ShardActivity> shardActivity(List<DataShardDetail> details) {
        Map<String, Set<Integer>> pending = new HashMap<>();
        Map<String, Set<Integer>> recovering = new HashMap<>();
        Map<String, Long> lag = new HashMap<>();
        for (DataShardDetail detail : details) {
            if (detail == null) {
                continue;
            }
            collect(detail.pendingBuckets(), pending, lag, detail.lagSeconds());
            collect(detail.recoveringBuckets(), recovering, lag, detail.lagSeconds());
        }
        Set<String> buckets = new TreeSet<>(pending.keySet());
        buckets.addAll(recovering.keySet());
        Map<String, ShardActivity> activity = new HashMap<>();
        for (String bucket : buckets) {
            activity.put(bucket, new ShardActivity(Set.copyOf(pending.getOrDefault(bucket, Set.of())),
                    Set.copyOf(recovering.getOrDefault(bucket, Set.of())), recovering.containsKey(bucket),
                    lag.get(bucket)));
        }
        return Map.copyOf(activity);
    }

    private static void collect(List<BucketShardKey> keys, Map<String, Set<Integer>> shards, Map<String, Long> lag,
                                Long lagSeconds) {
        for (BucketShardKey key : SnapshotBuilder.listOf(keys)) {
            if (key == null || key.bucket() == null) {
                continue;
            }
            Set<Integer> ids = shards.computeIfAbsent(key.qualifiedBucket(), b -> new TreeSet<>());
            if (key.shard() != null) {
                ids.add(key.shard());
            }
            if (lagSeconds != null) {
                lag.merge(key.qualifiedBucket(), lagSeconds, Math::max);
            }
        }
    }

    // ------------------------------------------------------------------ behind runs

    /** One sync status observation of {@code zone}: metadata and each data source behind or not. */
    private void observeSyncStatus(String zone, SyncStatus status) {
        if (status.metadataSync() != null) {
            boolean behind = status.metadataSync().health() == SyncHealth.BEHIND
                    || status.metadataSync().behindShardCount() > 0;
            state.streaks.observe(Kind.METADATA, zone, "", behind);
        }
        Set<String> sources = new HashSet<>();
        for (DataSyncSource source : SnapshotBuilder.listOf(status.dataSources())) {
            String key = SnapshotBuilder.sourceKey(source);
            sources.add(key);
            state.streaks.observe(Kind.DATA_SOURCE, zone, key,
                    source.health() == SyncHealth.BEHIND || source.behindShardCount() > 0);
        }
        state.streaks.retain(Kind.DATA_SOURCE, zone, sources);
    }

    /**
     * One {@code bucket stats} poll of a non-master zone: each bucket whose object or byte count
     * differs from the master's (or exists on one side only) extends its behind run.
     */
    private void observeBucketCounts(String zone) {
        String master = state.masterZone();
        Map<String, BucketStats> masterStats = state.statsOf(master);
        if (master == null || zone.equals(master) || masterStats == null) {
            return;
        }
        Map<String, BucketStats> zoneStats = state.statsOf(zone);
        Set<String> names = new HashSet<>(masterStats.keySet());
        names.addAll(zoneStats.keySet());
        for (String name : names) {
            BucketStats onMaster = masterStats.get(name);
            BucketStats onZone = zoneStats.get(name);
            boolean behind = onMaster == null || onZone == null || onMaster.numObjects() != onZone.numObjects()
                    || onMaster.sizeBytes() != onZone.sizeBytes();
            state.streaks.observe(Kind.BUCKET_COUNTS, zone, name, behind);
        }
        state.streaks.retain(Kind.BUCKET_COUNTS, zone, names);
    }

    /** Drops agent bucket reports and instance flags of buckets no zone lists any more (deleted buckets). */
    private void forgetVanishedBuckets() {
        Set<String> known = new HashSet<>();
        state.bucketStats.values().forEach(observed -> known.addAll(observed.value().keySet()));
        if (known.isEmpty()) {
            return;
        }
        state.bucketSync.forEach((zone, byBucket) -> {
            byBucket.keySet().removeIf(name -> !known.contains(name));
            state.streaks.retain(Kind.BUCKET_SHARDS, zone, byBucket.keySet());
        });
        state.instances.values().forEach(byBucket -> byBucket.keySet().removeIf(name -> !known.contains(name)));
    }

    // ------------------------------------------------------------------ publishing

    /**
     * Applies {@code mutation} under the write lock and, when it reports a change, publishes a new
     * snapshot and tells the listeners. Returns whether it published.
     */
    private boolean update(Predicate<Instant> mutation) {
        Snapshot published;
        synchronized (lock) {
            Instant now = clock.instant();
            if (!mutation.test(now)) {
                return false;
            }
            published = SnapshotBuilder.build(++sequence, now, state, settings);
            snapshot = published;
        }
        for (Consumer<Snapshot> listener : listeners) {
            try {
                listener.accept(published);
            } catch (RuntimeException e) {
                LOG.warn("snapshot listener {} failed: {}", listener, e.toString());
            }
        }
        return true;
    }

    private List<SyncError> newest(List<SyncError> errors) {
        List<SyncError> sorted = new ArrayList<>(SnapshotBuilder.listOf(errors));
        sorted.removeIf(Objects::isNull);
        sorted.sort(Comparator.comparing(SyncError::timestamp, Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(sorted.subList(0, Math.min(sorted.size(), settings.maxErrorsPerZone())));
    }

    private static <V> void evictOldest(Map<String, V> insertionOrdered, int max) {
        var iterator = insertionOrdered.keySet().iterator();
        while (insertionOrdered.size() > max && iterator.hasNext()) {
            iterator.next();
            iterator.remove();
        }
    }

    private static String qualified(String tenant, String bucket) {
        return tenant == null || tenant.isEmpty() ? bucket : tenant + "/" + bucket;
    }

    private static void requireZone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("zone must not be blank");
        }
    }
}
