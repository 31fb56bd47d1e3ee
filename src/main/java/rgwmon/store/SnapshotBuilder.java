package rgwmon.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.DataSyncSource;
import rgwmon.model.MetadataSync;
import rgwmon.model.Period;
import rgwmon.model.SyncError;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;
import rgwmon.model.Zone;
import rgwmon.store.StoreState.Observed;
import rgwmon.store.StoreState.ShardActivity;
import rgwmon.store.Streaks.Kind;

/**
 * Derives an immutable {@link Snapshot} from the store's inputs: the comparison of every bucket on
 * every non-master zone with the master zone, zone aggregates, merged errors. Pure: the same inputs,
 * settings and time give the same snapshot.
 */
final class SnapshotBuilder {

    /** Parser lines shown per bucket and zone (and per source): enough to see what was not read. */
    static final int MAX_PARSER_LINES = 20;
    /** Bucket names listed per zone in its parser-warnings summary. */
    static final int MAX_PARSER_WARNING_BUCKETS = 20;

    private final StoreState state;
    private final MonitorSettings settings;
    private final Topology topology;
    private final Map<String, String> zoneNamesById = new HashMap<>();

    private SnapshotBuilder(StoreState state, MonitorSettings settings) {
        this.state = state;
        this.settings = settings;
        this.topology = topology(state);
        for (Zone zone : topology.zones()) {
            zoneNamesById.put(zone.id(), zone.name());
        }
        state.syncStatus.forEach((zone, observed) -> {
            if (observed.value().zoneId() != null) {
                zoneNamesById.putIfAbsent(observed.value().zoneId(), zone);
            }
        });
        state.agents.forEach((zone, agent) -> {
            if (agent.zoneId != null) {
                zoneNamesById.putIfAbsent(agent.zoneId, zone);
            }
        });
    }

    static Snapshot build(long sequence, Instant now, StoreState state, MonitorSettings settings) {
        return new SnapshotBuilder(state, settings).build(sequence, now);
    }

    private Snapshot build(long sequence, Instant now) {
        List<String> zones = zoneOrder();
        String master = topology.masterZone();
        List<String> compared = zones.stream().filter(zone -> !zone.equals(master)).toList();

        List<ErrorView> errors = errors();
        Map<String, Integer> errorsByBucket = new HashMap<>();
        Map<String, Integer> errorsByZone = new HashMap<>();
        for (ErrorView error : errors) {
            errorsByZone.merge(error.zone(), 1, Integer::sum);
            if (error.bucket() != null) {
                errorsByBucket.merge(error.bucket(), 1, Integer::sum);
            }
        }

        Set<String> names = bucketNames(master, compared);
        int dropped = 0;
        if (names.size() > settings.maxBuckets()) {
            dropped = names.size() - settings.maxBuckets();
            names = new TreeSet<>(names.stream().limit(settings.maxBuckets()).toList());
        }
        NavigableMap<String, BucketView> buckets = new TreeMap<>();
        for (String name : names) {
            buckets.put(name, bucket(name, master, compared, errorsByBucket.getOrDefault(name, 0)));
        }

        List<ZoneView> zoneViews = new ArrayList<>();
        for (String zone : zones) {
            zoneViews.add(zone(zone, zone.equals(master), buckets.values(), errorsByZone.getOrDefault(zone, 0)));
        }

        Map<String, AgentView> agents = new TreeMap<>();
        state.agents.forEach((zone, agent) -> agents.put(zone, agent.view()));

        List<PartView> parts = new ArrayList<>();
        state.parts.forEach((key, part) -> parts.add(part.view(key)));
        parts.sort(Comparator.comparing(PartView::part)
                .thenComparing(PartView::zone, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(PartView::origin));

        return new Snapshot(sequence, now, topology, List.copyOf(zoneViews),
                Collections.unmodifiableNavigableMap(buckets), List.copyOf(errors),
                Collections.unmodifiableMap(agents), List.copyOf(parts), dropped, settings,
                Set.copyOf(state.expectedAgents), state.startedAt);
    }

    // ------------------------------------------------------------------ topology and zones

    private static Topology topology(StoreState state) {
        String master = state.masterZone();
        String realmName = state.syncStatus.values().stream()
                .map(observed -> observed.value().realmName())
                .filter(name -> name != null && !name.isBlank())
                .findFirst().orElse(null);
        if (state.period == null) {
            return new Topology(null, realmName, null, 0, null, null, master, List.of());
        }
        Period period = state.period.value();
        return new Topology(period.realmId(), period.realmName() != null ? period.realmName() : realmName,
                period.id(), period.epoch(), period.masterZonegroupId(), period.masterZoneId(), master,
                period.zonegroups() == null ? List.of() : List.copyOf(period.zonegroups()));
    }

    /** Zones of the period first (in period order), then zones only known from collected data. */
    private List<String> zoneOrder() {
        Set<String> zones = new LinkedHashSet<>();
        if (topology.masterZone() != null) {
            zones.add(topology.masterZone());
        }
        topology.zones().forEach(zone -> zones.add(zone.name()));
        Set<String> others = new TreeSet<>();
        others.addAll(state.bucketStats.keySet());
        others.addAll(state.syncStatus.keySet());
        others.addAll(state.errors.keySet());
        others.addAll(state.agents.keySet());
        others.addAll(state.bucketSync.keySet());
        zones.addAll(others);
        return List.copyOf(zones);
    }

    private String zoneName(String zoneName, String zoneId) {
        if (zoneName != null && !zoneName.isBlank()) {
            return zoneName;
        }
        return zoneId == null ? null : zoneNamesById.getOrDefault(zoneId, zoneId);
    }

    private ZoneView zone(String name, boolean master, Iterable<BucketView> buckets, int errorCount) {
        Zone zone = topology.zone(name).orElse(null);
        Observed<SyncStatus> sync = state.syncStatus.get(name);
        StoreState.AgentRecord agent = state.agents.get(name);
        String id = zone != null ? zone.id()
                : sync != null && sync.value().zoneId() != null ? sync.value().zoneId()
                : agent != null ? agent.zoneId : null;
        return new ZoneView(name, id, master, zone == null || zone.endpoints() == null ? List.of() : zone.endpoints(),
                totals(name), sync == null ? null : zoneSync(name, sync), master ? null : summary(name, buckets),
                errorCount, agent != null);
    }

    private ZoneTotals totals(String zone) {
        Observed<Map<String, BucketStats>> observed = state.bucketStats.get(zone);
        if (observed == null) {
            return null;
        }
        long objects = 0;
        long bytes = 0;
        for (BucketStats stats : observed.value().values()) {
            objects += stats.numObjects();
            bytes += stats.sizeBytes();
        }
        return new ZoneTotals(observed.value().size(), objects, bytes, observed.at());
    }

    private ZoneSyncView zoneSync(String zone, Observed<SyncStatus> observed) {
        SyncStatus status = observed.value();
        Instant reference = status.currentTime() != null ? status.currentTime() : observed.at();
        int threshold = settings.behindAfterObservations();
        Long zoneLag = null;
        // one part that is not caught up and has no lag makes the zone's lag unknown, not its largest known one
        boolean lagUnknown = false;

        MetadataSyncView metadata = null;
        MetadataSync meta = status.metadataSync();
        if (meta != null) {
            int run = state.streaks.run(Kind.METADATA, zone, "");
            Long lag = lagSeconds(meta.oldestChange(), meta.health(), reference);
            metadata = new MetadataSyncView(meta.state(), meta.health(), meta.fullSync(), meta.incrementalSync(),
                    meta.behindShardCount(), listOf(meta.behindShards()), meta.oldestChange(), lag, run,
                    run >= threshold, listOf(meta.failures()));
            zoneLag = max(zoneLag, lag);
            lagUnknown |= lagUnknown(lag, meta.health());
        }
        List<SourceSyncView> sources = new ArrayList<>();
        for (DataSyncSource source : listOf(status.dataSources())) {
            int run = state.streaks.run(Kind.DATA_SOURCE, zone, sourceKey(source));
            Long lag = lagSeconds(source.oldestChange(), source.health(), reference);
            sources.add(new SourceSyncView(zoneName(source.zoneName(), source.zoneId()), source.zoneId(),
                    source.state(), source.health(), source.fullSync(), source.incrementalSync(),
                    source.behindShardCount(), listOf(source.behindShards()), source.recoveringShardCount(),
                    listOf(source.recoveringShards()), source.oldestChange(), lag, run, run >= threshold,
                    listOf(source.failures())));
            zoneLag = max(zoneLag, lag);
            lagUnknown |= lagUnknown(lag, source.health());
        }
        if (lagUnknown) {
            zoneLag = null;
        }
        boolean behind = (metadata != null && metadata.behind()) || sources.stream().anyMatch(SourceSyncView::behind);
        return new ZoneSyncView(observed.origin(), observed.at(), status.currentTime(), metadata,
                List.copyOf(sources), zoneLag, behind, listOf(status.warnings()));
    }

    /** The stable key of a data sync source for behind runs: its id, else its name. */
    static String sourceKey(DataSyncSource source) {
        return source.zoneId() != null ? source.zoneId() : String.valueOf(source.zoneName());
    }

    /** A part that should have a lag (it pulls, and is not known to be caught up) but has none. */
    private static boolean lagUnknown(Long lag, SyncHealth health) {
        return lag == null && health != SyncHealth.NOT_SYNCING;
    }

    /** Seconds from "oldest incremental change not applied" to the output's time; 0 when caught up. */
    static Long lagSeconds(OffsetDateTime oldestChange, SyncHealth health, Instant reference) {
        if (oldestChange != null && reference != null) {
            return Math.max(0, Duration.between(oldestChange.toInstant(), reference).toSeconds());
        }
        if (health == SyncHealth.CAUGHT_UP || health == SyncHealth.MASTER) {
            return 0L;
        }
        return null;
    }

    private static ZoneBucketSummary summary(String zone, Iterable<BucketView> buckets) {
        int compared = 0;
        int behind = 0;
        int settling = 0;
        int recovering = 0;
        int disabled = 0;
        long pendingObjects = 0;
        long pendingBytes = 0;
        double percentSum = 0;
        int percentCount = 0;
        int parserWarnings = 0;
        List<String> parserWarningBuckets = new ArrayList<>();
        Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
        for (BucketView bucket : buckets) {
            for (BucketZoneView view : bucket.zones()) {
                if (!view.zone().equals(zone)) {
                    continue;
                }
                if (view.hasParserWarnings()) {
                    parserWarnings++;
                    if (parserWarningBuckets.size() < MAX_PARSER_WARNING_BUCKETS) {
                        parserWarningBuckets.add(bucket.name());
                    }
                }
                if (view.state() == BucketZoneState.UNKNOWN) {
                    continue;
                }
                compared++;
                byPriority.merge(view.priority(), 1, Integer::sum);
                switch (view.state()) {
                    case BEHIND -> behind++;
                    case SETTLING -> settling++;
                    case RECOVERING -> recovering++;
                    case DISABLED -> disabled++;
                    default -> { }
                }
                if (!view.state().measuresLag()) {
                    continue;
                }
                if (view.objectDelta() != null && view.objectDelta() > 0) {
                    pendingObjects += view.objectDelta();
                }
                if (view.byteDelta() != null && view.byteDelta() > 0) {
                    pendingBytes += view.byteDelta();
                }
                if (view.syncPercent() != null) {
                    percentSum += view.syncPercent();
                    percentCount++;
                }
            }
        }
        return new ZoneBucketSummary(compared, behind, settling, recovering, disabled,
                Collections.unmodifiableMap(byPriority), pendingObjects, pendingBytes,
                percentCount == 0 ? null : round(percentSum / percentCount), parserWarnings,
                List.copyOf(parserWarningBuckets));
    }

    // ------------------------------------------------------------------ buckets

    private Set<String> bucketNames(String master, List<String> compared) {
        Set<String> names = new TreeSet<>();
        Map<String, BucketStats> masterStats = state.statsOf(master);
        if (masterStats != null) {
            names.addAll(masterStats.keySet());
        }
        for (String zone : compared) {
            Map<String, BucketStats> stats = state.statsOf(zone);
            if (stats != null) {
                names.addAll(stats.keySet());
            }
            Map<String, Observed<BucketSyncStatus>> reported = state.bucketSync.get(zone);
            if (reported != null) {
                names.addAll(reported.keySet());
            }
        }
        return names;
    }

    private BucketView bucket(String name, String master, List<String> compared, int errorCount) {
        Map<String, BucketStats> masterStats = state.statsOf(master);
        BucketStats onMaster = masterStats == null ? null : masterStats.get(name);
        BucketCounts masterCounts = onMaster == null ? null
                : counts(onMaster, state.bucketStats.get(master).at());

        List<BucketZoneView> zones = new ArrayList<>(compared.size());
        for (String zone : compared) {
            zones.add(bucketZone(name, zone, master, masterStats, onMaster));
        }

        Priority priority = zones.isEmpty() ? Priority.UNKNOWN : Priority.SYNCED;
        Double syncPercent = null;
        long objectDelta = 0;
        Long lag = null;
        boolean disabled = false;
        boolean behind = false;
        for (BucketZoneView zone : zones) {
            if (zone.priority().worseThan(priority)) {
                priority = zone.priority();
            }
            lag = max(lag, zone.lagSeconds());
            disabled |= zone.disabled();
            behind |= zone.state() == BucketZoneState.BEHIND;
            // a disabled zone's gap is wanted: it must not make the bucket look like the worst lag
            if (!zone.state().measuresLag()) {
                continue;
            }
            if (zone.syncPercent() != null && (syncPercent == null || zone.syncPercent() < syncPercent)) {
                syncPercent = zone.syncPercent();
            }
            if (zone.objectDelta() != null && Math.abs(zone.objectDelta()) > Math.abs(objectDelta)) {
                objectDelta = zone.objectDelta();
            }
        }
        String[] tenantAndBucket = tenantAndBucket(name, onMaster, compared);
        return new BucketView(name, tenantAndBucket[0], tenantAndBucket[1], masterCounts, List.copyOf(zones),
                priority, syncPercent, objectDelta, errorCount, lag, disabled, behind);
    }

    private BucketZoneView bucketZone(String name, String zone, String master, Map<String, BucketStats> masterStats,
                                      BucketStats onMaster) {
        Observed<Map<String, BucketStats>> zoneStats = state.bucketStats.get(zone);
        BucketStats onZone = zoneStats == null ? null : zoneStats.value().get(name);
        BucketCounts counts = onZone == null ? null : counts(onZone, zoneStats.at());

        Long objectDelta = null;
        Long byteDelta = null;
        Double syncPercent = null;
        if (masterStats != null && zoneStats != null) {
            long masterObjects = onMaster == null ? 0 : onMaster.numObjects();
            long zoneObjects = onZone == null ? 0 : onZone.numObjects();
            objectDelta = masterObjects - zoneObjects;
            byteDelta = (onMaster == null ? 0 : onMaster.sizeBytes()) - (onZone == null ? 0 : onZone.sizeBytes());
            syncPercent = syncPercent(masterObjects, zoneObjects);
        }

        Map<String, Observed<BucketSyncStatus>> reported = state.bucketSync.get(zone);
        Observed<BucketSyncStatus> shardReport = reported == null ? null : reported.get(name);
        List<BucketSourceView> sources = new ArrayList<>();
        Set<Integer> behindShards = new TreeSet<>();
        Boolean caughtUp = null;
        boolean shardsBehindNow = false;
        if (shardReport != null) {
            BucketSyncStatus status = shardReport.value();
            boolean allCaughtUp = true;
            for (BucketSyncSource source : listOf(status.sources())) {
                sources.add(new BucketSourceView(zoneName(source.zoneName(), source.zoneId()), source.state(),
                        source.health(), source.fullSync(), source.incrementalSync(), source.behindShardCount(),
                        listOf(source.behindShards()), parserLines(source.messages())));
                behindShards.addAll(listOf(source.behindShards()));
                allCaughtUp &= source.health() == SyncHealth.CAUGHT_UP || source.health() == SyncHealth.NOT_SYNCING;
            }
            shardsBehindNow = shardsBehind(status);
            caughtUp = allCaughtUp && !shardsBehindNow;
        }

        Observed<Map<String, ShardActivity>> activityByBucket = state.shardActivity.get(zone);
        ShardActivity activity = activityByBucket == null ? null : activityByBucket.value().get(name);

        String disabledReason = disabledReason(name, zone, master, shardReport);
        boolean disabled = disabledReason != null;
        int countRun = state.streaks.run(Kind.BUCKET_COUNTS, zone, name);
        int shardRun = state.streaks.run(Kind.BUCKET_SHARDS, zone, name);
        boolean countsDifferNow = objectDelta != null && (objectDelta != 0 || byteDelta != 0);

        BucketZoneState zoneState;
        if (disabled) {
            zoneState = BucketZoneState.DISABLED;
        } else if (countRun >= settings.behindAfterObservations() || shardRun >= settings.behindAfterObservations()) {
            zoneState = BucketZoneState.BEHIND;
        } else if (activity != null && activity.recovering()) {
            zoneState = BucketZoneState.RECOVERING;
        } else if (countsDifferNow || shardsBehindNow) {
            zoneState = BucketZoneState.SETTLING;
        } else if (syncPercent != null || shardReport != null) {
            zoneState = BucketZoneState.SYNCED;
        } else {
            zoneState = BucketZoneState.UNKNOWN;
        }

        return new BucketZoneView(zone, counts, objectDelta, byteDelta, syncPercent,
                priority(syncPercent, zoneState), zoneState, caughtUp, List.copyOf(behindShards),
                activity == null ? List.of() : List.copyOf(new TreeSet<>(activity.recoveringShards())),
                List.copyOf(sources), disabled, disabledReason, activity == null ? null : activity.lagSeconds(),
                shardReport == null ? null : shardReport.at(), countRun, shardRun,
                shardReport == null ? List.of() : parserLines(shardReport.value().warnings()));
    }

    /**
     * Sync disabled on purpose: the bucket instance flags as the master zone has them (it is where
     * {@code bucket sync disable} writes them; a secondary's copy lags behind its metadata sync),
     * else the zone's own copy; or the agent's "Sync is disabled" line.
     */
    private String disabledReason(String name, String zone, String master, Observed<BucketSyncStatus> shardReport) {
        BucketInstanceMetadata instance = instance(master, name);
        if (instance == null) {
            instance = instance(zone, name);
        }
        if (instance != null && instance.syncDisabled()) {
            return "bucket instance flags " + instance.flags() + " include 0x8 (bucket sync disable)";
        }
        if (shardReport != null && shardReport.value().syncDisabled()) {
            return "bucket sync status: sync is disabled for the bucket";
        }
        return null;
    }

    private BucketInstanceMetadata instance(String zone, String bucket) {
        Map<String, BucketInstanceMetadata> byBucket = zone == null ? null : state.instances.get(zone);
        return byBucket == null ? null : byBucket.get(bucket);
    }

    /** Shards behind in a bucket sync status: a BEHIND source or any behind shard. */
    static boolean shardsBehind(BucketSyncStatus status) {
        for (BucketSyncSource source : listOf(status.sources())) {
            if (source.health() == SyncHealth.BEHIND || source.behindShardCount() > 0
                    || !listOf(source.behindShards()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Priority from sync %, once the state is judged: a SETTLING bucket (behind in one observation
     * only, usually the master's re-log noise) is SETTLING, never LOW/MEDIUM/HIGH. Equal counts with
     * shards behind or recovering are not SYNCED.
     */
    static Priority priority(Double syncPercent, BucketZoneState zoneState) {
        if (zoneState == BucketZoneState.DISABLED) {
            return Priority.DISABLED;
        }
        if (zoneState == BucketZoneState.SETTLING) {
            return Priority.SETTLING;
        }
        if (syncPercent == null) {
            return Priority.UNKNOWN;
        }
        Priority priority = Priority.ofSyncPercent(syncPercent);
        if (priority == Priority.SYNCED
                && (zoneState == BucketZoneState.BEHIND || zoneState == BucketZoneState.RECOVERING)) {
            return Priority.LOW;
        }
        return priority;
    }

    /**
     * The smaller object count over the larger, in percent, to two decimals: missing objects and
     * deletes not yet replicated both lower it. 100 when both sides are empty.
     */
    static double syncPercent(long masterObjects, long zoneObjects) {
        long larger = Math.max(masterObjects, zoneObjects);
        if (larger <= 0) {
            return 100.0;
        }
        return round(100.0 * Math.max(0, Math.min(masterObjects, zoneObjects)) / larger);
    }

    private static BucketCounts counts(BucketStats stats, Instant collectedAt) {
        return new BucketCounts(stats.id(), stats.numShards(), stats.owner(), stats.numObjects(), stats.sizeBytes(),
                stats.mtime(), collectedAt);
    }

    private String[] tenantAndBucket(String name, BucketStats onMaster, List<String> zones) {
        if (onMaster != null) {
            return new String[] {emptyToNull(onMaster.tenant()), onMaster.bucket()};
        }
        for (String zone : zones) {
            Map<String, BucketStats> stats = state.statsOf(zone);
            BucketStats onZone = stats == null ? null : stats.get(name);
            if (onZone != null) {
                return new String[] {emptyToNull(onZone.tenant()), onZone.bucket()};
            }
        }
        int slash = name.indexOf('/');
        return slash < 0 ? new String[] {null, name} : new String[] {name.substring(0, slash), name.substring(slash + 1)};
    }

    // ------------------------------------------------------------------ errors

    private List<ErrorView> errors() {
        List<ErrorView> errors = new ArrayList<>();
        state.errors.forEach((zone, observed) -> {
            for (SyncError error : observed.value()) {
                errors.add(new ErrorView(zone, observed.origin(), zoneName(null, error.sourceZoneId()),
                        error.sourceZoneId(), error.timestamp(), error.errorCode(), error.message(),
                        qualifiedBucket(error), error.object(), error.bucketShard(), error.section(), error.name(),
                        error.id()));
            }
        });
        errors.sort(NEWEST_FIRST);
        return errors;
    }

    static final Comparator<ErrorView> NEWEST_FIRST = Comparator
            .comparing(ErrorView::timestamp, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ErrorView::zone)
            .thenComparing(ErrorView::id, Comparator.nullsLast(Comparator.reverseOrder()));

    static String qualifiedBucket(SyncError error) {
        if (error.bucket() == null || error.bucket().isEmpty()) {
            return null;
        }
        return error.tenant() == null || error.tenant().isEmpty() ? error.bucket() : error.tenant() + "/" + error.bucket();
    }

    // ------------------------------------------------------------------ helpers

    static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * Lines an agent's parser kept verbatim (untrusted): the first {@value #MAX_PARSER_LINES}, then
     * one line saying how many more there were.
     */
    static List<String> parserLines(List<String> lines) {
        List<String> present = listOf(lines).stream().filter(line -> line != null).toList();
        if (present.size() <= MAX_PARSER_LINES) {
            return present;
        }
        List<String> shown = new ArrayList<>(present.subList(0, MAX_PARSER_LINES));
        shown.add("… " + (present.size() - MAX_PARSER_LINES) + " more lines not shown");
        return List.copyOf(shown);
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(Math.max(a, b));
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
