package rgwmon.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

import rgwmon.model.Zone;
import rgwmon.model.Zonegroup;
import rgwmon.store.AgentView;
import rgwmon.store.BucketView;
import rgwmon.store.BucketZoneView;
import rgwmon.store.ErrorView;
import rgwmon.store.MonitorStore;
import rgwmon.store.PartView;
import rgwmon.store.Priority;
import rgwmon.store.Snapshot;
import rgwmon.store.SourceSyncView;
import rgwmon.store.Topology;
import rgwmon.store.ZoneView;

/**
 * The monitor's own gauges on Camel's Prometheus registry (bean {@code monitorMetrics}), next to the
 * route metrics on {@code /metrics}. Rows are replaced on every snapshot publish; ages and health are
 * computed when scraped. Per-bucket series are capped (worst buckets first) so 10,000 buckets do not
 * mean 10,000 series per gauge; {@code rgwmon_bucket_series_dropped} counts what the cap left out.
 */
public class MonitorMetrics implements Consumer<Snapshot> {

    private final MonitorStore store;
    private final AtomicInteger maxBucketSeries;
    private final AtomicInteger bucketSeriesDropped = new AtomicInteger();

    private MultiGauge bucketSyncPercent;
    private MultiGauge bucketObjectDelta;
    private MultiGauge bucketByteDelta;
    private MultiGauge bucketBehindShards;
    private MultiGauge bucketRecoveringShards;
    private MultiGauge zoneBehindShards;
    private MultiGauge zoneRecoveringShards;
    private MultiGauge zoneLagSeconds;
    private MultiGauge zonePendingObjects;
    private MultiGauge zoneBuckets;
    private MultiGauge syncErrors;
    private MultiGauge agentPushAge;
    private MultiGauge agentStale;
    private MultiGauge collectionFailures;
    private MultiGauge collectionStale;

    public MonitorMetrics(MonitorStore store, int maxBucketSeries) {
        this.store = store;
        this.maxBucketSeries = new AtomicInteger(maxBucketSeries);
    }

    public int maxBucketSeries() {
        return maxBucketSeries.get();
    }

    public void setMaxBucketSeries(int max) {
        maxBucketSeries.set(max);
        if (bucketSyncPercent != null) {
            accept(store.snapshot());
        }
    }

    /** Registers the gauges and follows the store from now on. */
    public synchronized void bindTo(MeterRegistry registry) {
        bucketSyncPercent = gauge(registry, "rgwmon.bucket.sync.percent", "Objects on the zone vs the master zone, %");
        bucketObjectDelta = gauge(registry, "rgwmon.bucket.object.delta", "Master objects minus zone objects");
        bucketByteDelta = gauge(registry, "rgwmon.bucket.byte.delta", "Master bytes minus zone bytes");
        bucketBehindShards = gauge(registry, "rgwmon.bucket.behind.shards", "Bucket index shards behind (agent)");
        bucketRecoveringShards = gauge(registry, "rgwmon.bucket.recovering.shards", "Bucket index shards in the retry queue (agent)");
        zoneBehindShards = gauge(registry, "rgwmon.zone.behind.shards", "Data sync shards behind a source zone");
        zoneRecoveringShards = gauge(registry, "rgwmon.zone.recovering.shards", "Data sync shards recovering from a source zone");
        zoneLagSeconds = gauge(registry, "rgwmon.zone.lag.seconds", "Age of the oldest change not applied from a source zone");
        zonePendingObjects = gauge(registry, "rgwmon.zone.pending.objects", "Objects the zone lacks compared with the master");
        zoneBuckets = gauge(registry, "rgwmon.zone.buckets", "Buckets of the zone by priority");
        syncErrors = gauge(registry, "rgwmon.sync.errors", "Sync error list entries recorded on the zone");
        agentPushAge = gauge(registry, "rgwmon.agent.push.age.seconds", "Seconds since the agent's last applied push");
        agentStale = gauge(registry, "rgwmon.agent.stale", "1 when the agent has not pushed within the stale limit");
        collectionFailures = gauge(registry, "rgwmon.collection.failures", "Consecutive failures of a collected part");
        collectionStale = gauge(registry, "rgwmon.collection.stale", "1 when a collected part is stale");
        Gauge.builder("rgwmon.health", store, s -> s.health().status().ordinal())
                .description("Monitor health: 0 OK, 1 DEGRADED, 2 DOWN").strongReference(true).register(registry);
        Gauge.builder("rgwmon.snapshot.sequence", store, s -> s.snapshot().sequence())
                .description("Snapshots published since start").strongReference(true).register(registry);
        Gauge.builder("rgwmon.bucket.series.dropped", bucketSeriesDropped, AtomicInteger::get)
                .description("Bucket/zone pairs left out of the per-bucket gauges by rgw.metrics.max-bucket-series")
                .strongReference(true).register(registry);
        store.addListener(this);
        accept(store.snapshot());
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    @Override
    public synchronized void accept(Snapshot snapshot) {
        if (bucketSyncPercent == null) {
            return;
        }
        bucketRows(snapshot);
        zoneRows(snapshot);
        List<Row<?>> errors = new ArrayList<>();
        countErrors(snapshot).forEach((tags, count) -> errors.add(Row.of(tags, count)));
        syncErrors.register(errors, true);

        List<Row<?>> ages = new ArrayList<>();
        List<Row<?>> stale = new ArrayList<>();
        for (AgentView agent : snapshot.agents().values()) {
            Tags tags = Tags.of("zone", agent.zone());
            ages.add(Row.of(tags, agent, a -> a.ageSeconds(store.now())));
            stale.add(Row.of(tags, agent, a -> a.staleAt(store.now(), store.settings().agentStaleAfter()) ? 1 : 0));
        }
        agentPushAge.register(ages, true);
        agentStale.register(stale, true);

        List<Row<?>> failures = new ArrayList<>();
        List<Row<?>> staleParts = new ArrayList<>();
        for (PartView part : snapshot.parts()) {
            Tags tags = Tags.of("part", part.part(), "zone", part.zone() == null ? "" : part.zone(), "origin", part.origin());
            failures.add(Row.of(tags, part.consecutiveFailures()));
            staleParts.add(Row.of(tags, part, p -> p.staleAt(store.now(), store.settings().partStaleAfter()) ? 1 : 0));
        }
        collectionFailures.register(failures, true);
        collectionStale.register(staleParts, true);
    }

    private void bucketRows(Snapshot snapshot) {
        String master = snapshot.topology().masterZone() == null ? "" : snapshot.topology().masterZone();
        record Pair(BucketView bucket, BucketZoneView zone) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (BucketView bucket : snapshot.buckets().values()) {
            for (BucketZoneView zone : bucket.zones()) {
                pairs.add(new Pair(bucket, zone));
            }
        }
        // worst first: the series an operator needs survive the cap
        pairs.sort(Comparator.<Pair, Priority>comparing(pair -> pair.zone().priority())
                .thenComparing(pair -> pair.zone().syncPercent(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(pair -> pair.bucket().name())
                .thenComparing(pair -> pair.zone().zone()));
        int max = maxBucketSeries.get();
        bucketSeriesDropped.set(Math.max(0, pairs.size() - max));
        List<Row<?>> percent = new ArrayList<>();
        List<Row<?>> objects = new ArrayList<>();
        List<Row<?>> bytes = new ArrayList<>();
        List<Row<?>> behind = new ArrayList<>();
        List<Row<?>> recovering = new ArrayList<>();
        for (Pair pair : pairs.subList(0, Math.min(max, pairs.size()))) {
            Tags tags = Tags.of("bucket", pair.bucket().name(), "zone", pair.zone().zone(), "source_zone", master);
            BucketZoneView zone = pair.zone();
            if (zone.syncPercent() != null) {
                percent.add(Row.of(tags, zone.syncPercent()));
                objects.add(Row.of(tags, zone.objectDelta()));
                bytes.add(Row.of(tags, zone.byteDelta()));
            }
            behind.add(Row.of(tags, zone.behindShards().size()));
            recovering.add(Row.of(tags, zone.recoveringShards().size()));
        }
        bucketSyncPercent.register(percent, true);
        bucketObjectDelta.register(objects, true);
        bucketByteDelta.register(bytes, true);
        bucketBehindShards.register(behind, true);
        bucketRecoveringShards.register(recovering, true);
    }

    private void zoneRows(Snapshot snapshot) {
        String master = snapshot.topology().masterZone() == null ? "" : snapshot.topology().masterZone();
        List<Row<?>> behind = new ArrayList<>();
        List<Row<?>> recovering = new ArrayList<>();
        List<Row<?>> lag = new ArrayList<>();
        List<Row<?>> pending = new ArrayList<>();
        List<Row<?>> buckets = new ArrayList<>();
        for (ZoneView zone : snapshot.zones()) {
            if (zone.sync() != null) {
                for (SourceSyncView source : zone.sync().sources()) {
                    Tags tags = Tags.of("zone", zone.name(), "source_zone",
                            source.sourceZone() == null ? "" : source.sourceZone());
                    behind.add(Row.of(tags, source.behindShardCount()));
                    recovering.add(Row.of(tags, source.recoveringShardCount()));
                    if (source.lagSeconds() != null) {
                        lag.add(Row.of(tags, source.lagSeconds()));
                    }
                }
            }
            if (zone.buckets() != null) {
                pending.add(Row.of(Tags.of("zone", zone.name(), "source_zone", master), zone.buckets().pendingObjects()));
                for (Priority priority : Priority.values()) {
                    buckets.add(Row.of(Tags.of("zone", zone.name(), "priority", priority.name()),
                            zone.buckets().byPriority().getOrDefault(priority, 0)));
                }
            }
        }
        zoneBehindShards.register(behind, true);
        zoneRecoveringShards.register(recovering, true);
        zoneLagSeconds.register(lag, true);
        zonePendingObjects.register(pending, true);
        zoneBuckets.register(buckets, true);
    }

    /**
     * Error counts by zone and source zone. Every known zone has its series, 0 without errors, one per
     * zone it syncs from (the other zones of its zonegroups; "" when none is known): an absent series
     * would read as "not collected" and break {@code rgwmon_sync_errors > 0} alerts' recovery.
     */
    private static Map<Tags, Integer> countErrors(Snapshot snapshot) {
        Map<Tags, Integer> counts = new HashMap<>();
        for (ZoneView zone : snapshot.zones()) {
            List<String> sources = sourceZones(snapshot.topology(), zone.name());
            for (String source : sources.isEmpty() ? List.of("") : sources) {
                counts.put(Tags.of("zone", zone.name(), "source_zone", source), 0);
            }
        }
        for (ErrorView error : snapshot.errors()) {
            counts.merge(Tags.of("zone", error.zone(), "source_zone",
                    error.sourceZone() == null ? "" : error.sourceZone()), 1, Integer::sum);
        }
        return counts;
    }

    /** The zones {@code zone} pulls data from: the other zones of the zonegroups it belongs to. */
    private static List<String> sourceZones(Topology topology, String zone) {
        List<String> sources = new ArrayList<>();
        for (Zonegroup zonegroup : topology.zonegroups()) {
            List<Zone> zones = zonegroup.zones() == null ? List.of() : zonegroup.zones();
            if (zones.stream().anyMatch(z -> zone.equals(z.name()))) {
                zones.stream().map(Zone::name).filter(name -> name != null && !name.equals(zone))
                        .filter(name -> !sources.contains(name)).forEach(sources::add);
            }
        }
        return sources;
    }
}
