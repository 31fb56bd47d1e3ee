package rgwmon.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.exec.RadosgwCommandException;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.CollectionFailure;
import rgwmon.model.DataShardDetail;
import rgwmon.model.DataSyncShardStatus;
import rgwmon.model.DataSyncSource;
import rgwmon.model.DataSyncStatus;
import rgwmon.model.DatalogStatus;
import rgwmon.model.SyncError;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncStatus;
import rgwmon.model.ZoneReport;
import rgwmon.processors.RadosgwParseException;

/**
 * The agent's collection logic, called step by step by the agent routes: keeps what each
 * radosgw-admin call gave in the cycle ({@link AgentCycle}), decides which shards and buckets to
 * drill into, and assembles the {@link ZoneReport}. Failed calls become {@link CollectionFailure}s
 * in the report; a cycle always produces a report.
 */
public class AgentCollector {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCollector.class);

    /** Headers the routes set on per-item calls, so the answer can be filed under its item. */
    public static final String SOURCE_ZONE = "AgentSourceZone";
    public static final String SHARD = "AgentShard";
    public static final String BUCKET = "AgentBucket";

    /** Settings of the collection (from rgw.agent.*). */
    public record Settings(String configuredZone, String agentVersion, Duration recentErrorWindow,
                           int maxShardDetails, boolean compareSourceBucketStats, boolean readSourceDatalog) {
    }

    private final Settings settings;
    private final BucketSelector selector;
    private final PrimaryHints hints;
    private final Clock clock;
    private final AtomicReference<String> zone = new AtomicReference<>();
    private final AtomicReference<String> zoneId = new AtomicReference<>();

    public AgentCollector(Settings settings, BucketSelector selector, PrimaryHints hints, Clock clock) {
        this.settings = settings;
        this.selector = selector;
        this.hints = hints;
        this.clock = clock;
        if (settings.configuredZone() != null && !settings.configuredZone().isBlank()) {
            zone.set(settings.configuredZone().trim());
        }
    }

    /** The zone this agent reports for: given, or the last one {@code sync status} named. */
    public String zone() {
        return zone.get();
    }

    public AgentCycle start() {
        return new AgentCycle(clock.instant());
    }

    // --- what the calls gave ------------------------------------------------------------------

    public void acceptSyncStatus(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle, @Body SyncStatus status) {
        if (status == null) {
            return;
        }
        cycle.syncStatus = status;
        zoneDetected(status);
    }

    /** The zone {@code sync status} names (pre-flight, then every cycle): reports keep it when a later call fails. */
    public void zoneDetected(SyncStatus status) {
        if (status.zoneName() != null && !status.zoneName().isBlank()) {
            zone.set(status.zoneName());
            zoneId.set(status.zoneId());
        }
    }

    public void acceptSyncErrors(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle, @Body SyncErrorList errors) {
        cycle.syncErrors = errors;
    }

    public void acceptLocalBuckets(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle, @Body BucketStatsList stats) {
        cycle.localBuckets = stats;
    }

    public void acceptSourceBuckets(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle,
                                    @Header(SOURCE_ZONE) String source, @Body BucketStatsList stats) {
        if (stats != null) {
            cycle.sourceBuckets.put(source, stats);
        }
    }

    public void acceptDataSyncMarkers(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle,
                                      @Header(SOURCE_ZONE) String source, @Body DataSyncStatus status) {
        if (status != null) {
            cycle.dataSyncMarkers.put(source, status);
        }
    }

    public void acceptSourceDatalog(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle,
                                    @Header(SOURCE_ZONE) String source, @Body DatalogStatus status) {
        if (status != null) {
            cycle.sourceDatalogs.put(source, status);
        }
    }

    public void acceptDrillDown(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle,
                                @Header(SHARD) ShardDrillDown.Target target, @Body DataSyncShardStatus status) {
        if (status != null) {
            cycle.drillDowns.put(target, status);
        }
    }

    public void acceptBucketStatus(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle,
                                   @Header(BUCKET) String bucket, @Body BucketSyncStatus status) {
        if (status != null) {
            cycle.bucketStatuses.put(bucket, status);
        }
    }

    /** A radosgw-admin call or its parsing failed: it becomes part of the report, not a log storm. */
    public void failed(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        CollectionFailure entry;
        if (failure instanceof RadosgwCommandException e) {
            entry = new CollectionFailure(e.command(), e.kind().name(), e.getMessage(), clock.instant());
        } else if (failure instanceof RadosgwParseException e) {
            entry = new CollectionFailure(e.command(), "PARSE", e.getMessage(), clock.instant());
        } else {
            entry = new CollectionFailure("?", failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()),
                    clock.instant());
        }
        cycle.failures.add(entry);
        LOG.debug("{}", entry.message());
    }

    // --- what to ask next ---------------------------------------------------------------------

    /** Other zones whose {@code bucket stats} to compare object counts with (when enabled). */
    public List<String> sourcesToCompare(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle) {
        return settings.compareSourceBucketStats() ? sourceZones(cycle) : List.of();
    }

    /** Sources that have behind or recovering shards to drill into. */
    public List<String> sourcesToDrill(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle) {
        return drillTargets(cycle).stream().map(ShardDrillDown.Target::sourceZone).distinct().toList();
    }

    /** Same list, for the source datalog reads (empty when disabled). */
    public List<String> sourceDatalogsToRead(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle) {
        return settings.readSourceDatalog() ? sourcesToDrill(cycle) : List.of();
    }

    public List<ShardDrillDown.Target> drillTargets(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle) {
        if (cycle.drillTargets.isEmpty() && cycle.syncStatus != null) {
            cycle.drillTargets = ShardDrillDown.targets(cycle.syncStatus, settings.maxShardDetails());
        }
        return cycle.drillTargets;
    }

    /** This cycle's buckets, in inspection order (see {@link BucketSelector}). */
    public List<String> selectBuckets(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle) {
        BucketSelector.Candidates candidates = new BucketSelector.Candidates(
                ShardDrillDown.namedBuckets(shardDetails(cycle)),
                recentErrorBuckets(cycle.syncErrors, cycle.startedAt, settings.recentErrorWindow()),
                concat(countMismatches(cycle.localBuckets, cycle.sourceBuckets.values()), hints.suspectBuckets()),
                knownBuckets(cycle.localBuckets));
        cycle.picks = selector.select(candidates);
        if (LOG.isDebugEnabled()) {
            cycle.picks.forEach(p -> LOG.debug("Bucket {} picked: {}", p.bucket(), p.reason()));
        }
        return cycle.picks.stream().map(BucketSelector.Pick::bucket).toList();
    }

    // --- the report ---------------------------------------------------------------------------

    public ZoneReport finish(@ExchangeProperty(AgentCycle.PROPERTY) AgentCycle cycle) {
        Instant collectedAt = clock.instant();
        List<String> inspected = cycle.picks.stream().map(BucketSelector.Pick::bucket).toList();
        selector.visited(inspected, collectedAt);
        List<String> answered = inspected.stream().filter(cycle.bucketStatuses::containsKey).toList();
        List<BucketSyncStatus> buckets = answered.stream().map(cycle.bucketStatuses::get).toList();
        List<CollectionFailure> failures = cycle.failures();
        ZoneReport report = new ZoneReport(ZoneReport.SCHEMA_VERSION, zone(), zoneId.get(), collectedAt,
                settings.agentVersion(), cycle.syncStatus, cycle.syncErrors, buckets, shardDetails(cycle),
                selector.coverage(answered, collectedAt), 0, failures);
        summarize(report);
        return report;
    }

    List<DataShardDetail> shardDetails(AgentCycle cycle) {
        Map<String, DataSyncSource> sources = new HashMap<>();
        ShardDrillDown.pulledSources(cycle.syncStatus).forEach(s -> sources.put(ShardDrillDown.zoneArgument(s), s));
        Instant now = cycle.syncStatus != null && cycle.syncStatus.currentTime() != null
                ? cycle.syncStatus.currentTime() : cycle.startedAt;
        List<DataShardDetail> details = new ArrayList<>();
        for (ShardDrillDown.Target target : cycle.drillTargets) {
            details.add(ShardDrillDown.detail(target, sources.get(target.sourceZone()), cycle.drillDowns.get(target),
                    cycle.dataSyncMarkers.get(target.sourceZone()), cycle.sourceDatalogs.get(target.sourceZone()), now));
        }
        return details;
    }

    /** Buckets of "data" sync errors logged within the window before {@code now}, newest first. */
    static List<String> recentErrorBuckets(SyncErrorList errors, Instant now, Duration window) {
        if (errors == null) {
            return List.of();
        }
        Instant since = now.minus(window);
        Set<String> names = new LinkedHashSet<>();
        errors.entries().stream()
                .filter(e -> e.bucket() != null && e.timestamp() != null && !e.timestamp().isBefore(since))
                .sorted(Comparator.comparing(SyncError::timestamp).reversed())
                .forEach(e -> names.add(e.tenant() == null || e.tenant().isEmpty()
                        ? e.bucket() : e.tenant() + "/" + e.bucket()));
        return List.copyOf(names);
    }

    /** Buckets whose object count differs between this zone and any other zone, largest gap first. */
    static List<String> countMismatches(BucketStatsList local, Collection<BucketStatsList> others) {
        if (local == null || others.isEmpty()) {
            return List.of();
        }
        Map<String, Long> here = objectCounts(local);
        Map<String, Long> gaps = new HashMap<>();
        for (BucketStatsList other : others) {
            Map<String, Long> there = objectCounts(other);
            Set<String> names = new LinkedHashSet<>(here.keySet());
            names.addAll(there.keySet());
            for (String name : names) {
                long gap = Math.abs(here.getOrDefault(name, 0L) - there.getOrDefault(name, 0L));
                if (gap > 0) {
                    gaps.merge(name, gap, Math::max);
                }
            }
        }
        return gaps.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static Map<String, Long> objectCounts(BucketStatsList stats) {
        Map<String, Long> counts = new HashMap<>();
        for (BucketStats bucket : stats.buckets()) {
            counts.put(bucket.qualifiedName(), bucket.numObjects());
        }
        return counts;
    }

    /** The zone's bucket list, or null when {@code bucket stats} failed: unknown is not empty. */
    private static List<String> knownBuckets(BucketStatsList local) {
        return local == null ? null : local.buckets().stream().map(BucketStats::qualifiedName).toList();
    }

    private List<String> sourceZones(AgentCycle cycle) {
        return ShardDrillDown.pulledSources(cycle.syncStatus).stream().map(ShardDrillDown::zoneArgument).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** One line per cycle; one more (WARN) when calls failed, naming the first failure. */
    private static void summarize(ZoneReport report) {
        LOG.info("Cycle on zone {}: {} bucket(s) inspected of {}, {} shard detail(s), {} sync error(s), {} failure(s)",
                report.zone(), report.coverage().bucketsInspected(), report.coverage().bucketsKnown(),
                report.shardDetails().size(), report.syncErrors() == null ? "?" : report.syncErrors().entries().size(),
                report.failures().size());
        if (!report.failures().isEmpty()) {
            LOG.warn("{} radosgw-admin call(s) failed this cycle on zone {}; first: {}", report.failures().size(),
                    report.zone(), report.failures().get(0).message());
        }
    }
}
