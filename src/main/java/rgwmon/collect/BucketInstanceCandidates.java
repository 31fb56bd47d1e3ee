package rgwmon.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketRef;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.ZoneReport;

/**
 * Picks the buckets whose instance metadata is worth a {@code metadata get} this cycle: a bucket
 * whose sync was disabled on purpose ({@code bucket sync disable}) looks exactly like a stuck one
 * (every shard behind) and only the instance flags tell them apart. Candidates are buckets that
 * look stuck: every shard behind in a {@code bucket sync status} an agent reported, or object
 * counts that differ between zones in {@code bucket stats}; and buckets whose last read instance
 * said sync-disabled, so a {@code bucket sync enable} is seen even when nothing else changes (the
 * counts of a quiet bucket become equal, its shards catch up, and it would never be read again).
 * At most {@code maxPerCycle} are returned per cycle, least recently fetched first, so a long list
 * is covered round-robin.
 */
public class BucketInstanceCandidates {

    private final int maxPerCycle;
    private final Clock clock;
    /** zone → bucket (qualified name) → its stats on that zone */
    private final Map<String, Map<String, BucketStats>> statsByZone = new ConcurrentHashMap<>();
    /** zone → bucket (qualified name) → the bucket as that zone's agent saw it, when all its shards were behind */
    private final Map<String, Map<String, BucketRef>> allShardsBehindByZone = new ConcurrentHashMap<>();
    /** bucket (qualified name) → the bucket as last read, while its instance flags say sync-disabled */
    private final Map<String, BucketRef> syncDisabled = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFetched = new ConcurrentHashMap<>();

    public BucketInstanceCandidates(int maxPerCycle, Clock clock) {
        if (maxPerCycle < 0) {
            throw new IllegalArgumentException("rgw.collect.bucket-instances.max-per-cycle must be >= 0, was " + maxPerCycle);
        }
        this.maxPerCycle = maxPerCycle;
        this.clock = clock;
    }

    /** Remembers a zone's bucket stats; returns them unchanged. */
    public BucketStatsList observeBucketStats(String zone, BucketStatsList stats) {
        if (zone != null && stats != null && stats.buckets() != null) {
            Map<String, BucketStats> byName = new LinkedHashMap<>();
            stats.buckets().forEach(b -> byName.put(b.qualifiedName(), b));
            statsByZone.put(zone, byName);
            // a deleted bucket is no longer re-checked
            syncDisabled.keySet().removeIf(name -> statsByZone.values().stream().noneMatch(z -> z.containsKey(name)));
        }
        return stats;
    }

    /** Remembers whether a bucket's instance says sync-disabled; returns the metadata unchanged. */
    public BucketInstanceMetadata observeInstance(BucketInstanceMetadata metadata) {
        if (metadata != null && metadata.bucket() != null) {
            BucketRef bucket = new BucketRef(metadata.tenant() == null ? "" : metadata.tenant(), metadata.bucket(),
                    metadata.instanceId());
            if (metadata.syncDisabled()) {
                syncDisabled.put(bucket.qualifiedName(), bucket);
            } else {
                syncDisabled.remove(bucket.qualifiedName());
            }
        }
        return metadata;
    }

    /** Remembers which buckets an agent saw with every shard behind; returns the report unchanged. */
    public ZoneReport observeZoneReport(ZoneReport report) {
        if (report != null && report.zone() != null && report.buckets() != null) {
            Map<String, BucketRef> stuck = new LinkedHashMap<>();
            for (BucketSyncStatus status : report.buckets()) {
                if (status.bucket() != null && allShardsBehind(status)) {
                    stuck.put(status.bucket().qualifiedName(), status.bucket());
                }
            }
            allShardsBehindByZone.put(report.zone(), stuck);
        }
        return report;
    }

    /** This cycle's buckets to inspect, at most maxPerCycle, least recently fetched first. */
    public List<BucketRef> nextCandidates() {
        Map<String, BucketRef> candidates = new LinkedHashMap<>();
        allShardsBehindByZone.values().forEach(m -> m.forEach(candidates::putIfAbsent));
        countsDiffer().forEach(candidates::putIfAbsent);
        syncDisabled.forEach((name, bucket) -> candidates.putIfAbsent(name, currentInstance(name, bucket)));
        List<BucketRef> chosen = candidates.entrySet().stream()
                .filter(e -> e.getValue().instanceId() != null && !e.getValue().instanceId().isBlank())
                .sorted(Comparator.comparing(e -> lastFetched.getOrDefault(e.getKey(), Instant.MIN)))
                .limit(maxPerCycle)
                .map(Map.Entry::getValue)
                .toList();
        Instant now = clock.instant();
        chosen.forEach(b -> lastFetched.put(b.qualifiedName(), now));
        lastFetched.keySet().retainAll(candidates.keySet());
        return chosen;
    }

    /** The argument of {@code radosgw-admin metadata get} for a bucket instance. */
    public List<String> metadataGetArgs(BucketRef bucket) {
        return List.of(metadataKey(bucket));
    }

    /** {@code bucket.instance:[tenant/]bucket:instance}; starts with a fixed word, so never read as an option. */
    public static String metadataKey(BucketRef bucket) {
        return "bucket.instance:" + bucket.qualifiedName() + ":" + bucket.instanceId();
    }

    /** The bucket with the instance id the latest bucket stats give it (a reshard makes a new instance). */
    private BucketRef currentInstance(String name, BucketRef remembered) {
        for (Map<String, BucketStats> zoneStats : statsByZone.values()) {
            BucketStats stats = zoneStats.get(name);
            if (stats != null && stats.id() != null && !stats.id().isBlank()) {
                return new BucketRef(remembered.tenant(), remembered.name(), stats.id());
            }
        }
        return remembered;
    }

    /** Buckets whose object count is not the same on every zone that reported stats. */
    private Map<String, BucketRef> countsDiffer() {
        Map<String, BucketRef> differ = new LinkedHashMap<>();
        Map<String, Set<Long>> counts = new LinkedHashMap<>();
        Map<String, BucketStats> any = new LinkedHashMap<>();
        for (Map<String, BucketStats> zoneStats : statsByZone.values()) {
            zoneStats.forEach((name, stats) -> {
                counts.computeIfAbsent(name, k -> new HashSet<>()).add(stats.numObjects());
                any.putIfAbsent(name, stats);
            });
        }
        counts.forEach((name, values) -> {
            if (values.size() > 1) {
                BucketStats stats = any.get(name);
                differ.put(name, new BucketRef(stats.tenant() == null ? "" : stats.tenant(), stats.bucket(), stats.id()));
            }
        });
        return differ;
    }

    /** "bucket is behind on N shards" where N is every shard of the source bucket. */
    static boolean allShardsBehind(BucketSyncStatus status) {
        if (status.sources() == null) {
            return false;
        }
        for (BucketSyncSource source : status.sources()) {
            int total = shardTotal(source);
            if (total > 0 && source.behindShardCount() >= total) {
                return true;
            }
        }
        return false;
    }

    private static int shardTotal(BucketSyncSource source) {
        if (source.incrementalSync() != null) {
            return source.incrementalSync().total();
        }
        if (source.fullSync() != null) {
            return source.fullSync().total();
        }
        return source.incrementalShardCount() == null ? 0 : source.incrementalShardCount();
    }

    /** For tests and diagnostics: buckets currently tracked as candidates, fetched or not. */
    List<String> trackedNames() {
        List<String> names = new ArrayList<>();
        allShardsBehindByZone.values().forEach(m -> names.addAll(m.keySet()));
        names.addAll(countsDiffer().keySet());
        names.addAll(syncDisabled.keySet());
        return names.stream().distinct().toList();
    }
}
