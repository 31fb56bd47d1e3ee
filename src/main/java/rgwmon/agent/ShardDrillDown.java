package rgwmon.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rgwmon.model.BucketShardKey;
import rgwmon.model.DataShardDetail;
import rgwmon.model.DataSyncMarker;
import rgwmon.model.DataSyncShardStatus;
import rgwmon.model.DataSyncSource;
import rgwmon.model.DataSyncStatus;
import rgwmon.model.DatalogShard;
import rgwmon.model.DatalogStatus;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;

/**
 * Which behind or recovering datalog shards to drill into ({@code data sync status --source-zone Z
 * --shard-id N}), and the per-shard detail built from what was collected. Pure functions.
 */
public final class ShardDrillDown {

    /** One datalog shard of one source zone to drill into. */
    public record Target(String sourceZone, int shardId, boolean recovering, boolean behind) {
    }

    private ShardDrillDown() {
    }

    /**
     * Sources this zone pulls data from: what the agent compares and drills into. A source named
     * only by id (radosgw-admin could not resolve the name) is addressed by its id.
     */
    public static List<DataSyncSource> pulledSources(SyncStatus status) {
        if (status == null) {
            return List.of();
        }
        return status.dataSources().stream()
                .filter(source -> source.zoneName() != null || source.zoneId() != null)
                .filter(source -> source.health() != SyncHealth.NOT_SYNCING)
                .toList();
    }

    /** The name radosgw-admin takes for {@code --source-zone} / {@code --rgw-zone}. */
    public static String zoneArgument(DataSyncSource source) {
        return source.zoneName() != null ? source.zoneName() : source.zoneId();
    }

    /**
     * Recovering shards first (they hold the failed bucket syncs), then the shard with the oldest
     * unapplied change, then the other behind shards; per source in printed order; at most {@code max}.
     */
    public static List<Target> targets(SyncStatus status, int max) {
        List<Target> targets = new ArrayList<>();
        for (DataSyncSource source : pulledSources(status)) {
            Map<Integer, Target> bySource = new LinkedHashMap<>();
            Set<Integer> behind = new LinkedHashSet<>(source.behindShards());
            Set<Integer> recovering = new LinkedHashSet<>(source.recoveringShards());
            for (int shard : recovering) {
                bySource.put(shard, new Target(zoneArgument(source), shard, true, behind.contains(shard)));
            }
            Integer oldest = source.oldestChangeShard();
            if (oldest != null && behind.contains(oldest)) {
                bySource.putIfAbsent(oldest, new Target(zoneArgument(source), oldest, false, true));
            }
            for (int shard : behind) {
                bySource.putIfAbsent(shard, new Target(zoneArgument(source), shard, false, true));
            }
            targets.addAll(bySource.values());
        }
        return targets.size() > max ? List.copyOf(targets.subList(0, max)) : targets;
    }

    /**
     * The detail of one shard. {@code lastApplied}: the drill-down's marker timestamp, else the
     * shard's marker in the source's full {@code data sync status}; {@code sourceLastUpdate}: the
     * source datalog shard's {@code last_update}; lag = their difference (never negative). When
     * one of them is unknown and this is the shard of the source's "oldest incremental change not
     * applied", lag = now − that change. Otherwise lag stays unknown (null), never guessed as 0.
     *
     * @param shardStatus   the drill-down, null when that call failed
     * @param localMarkers  this zone's {@code data sync status --source-zone Z}, null when unavailable
     * @param sourceLog     the source's {@code datalog status}, null when unavailable
     * @param now           the zone's "current time" when printed, else the collection time
     */
    public static DataShardDetail detail(Target target, DataSyncSource source, DataSyncShardStatus shardStatus,
                                         DataSyncStatus localMarkers, DatalogStatus sourceLog, Instant now) {
        Instant lastApplied = shardStatus != null && shardStatus.marker() != null
                ? shardStatus.marker().timestamp()
                : markerTimestamp(localMarkers, target.shardId());
        Instant sourceLastUpdate = lastUpdate(sourceLog, target.shardId());
        Long lag = null;
        if (lastApplied != null && sourceLastUpdate != null) {
            lag = nonNegativeSeconds(lastApplied, sourceLastUpdate);
        } else if (source != null && source.oldestChange() != null
                && Integer.valueOf(target.shardId()).equals(source.oldestChangeShard())) {
            lag = nonNegativeSeconds(source.oldestChange().toInstant(), now);
        }
        List<BucketShardKey> pending = shardStatus == null ? List.of() : shardStatus.pendingBuckets();
        List<BucketShardKey> recovering = shardStatus == null ? List.of() : shardStatus.recoveringBuckets();
        return new DataShardDetail(target.sourceZone(), target.shardId(), lastApplied, sourceLastUpdate, lag,
                pending, recovering);
    }

    /** Buckets named by drill-downs, recovering ones before pending ones, each once. */
    public static List<String> namedBuckets(List<DataShardDetail> details) {
        Set<String> names = new LinkedHashSet<>();
        details.forEach(d -> d.recoveringBuckets().forEach(key -> names.add(key.qualifiedBucket())));
        details.forEach(d -> d.pendingBuckets().forEach(key -> names.add(key.qualifiedBucket())));
        names.remove(null);
        return List.copyOf(names);
    }

    private static Instant markerTimestamp(DataSyncStatus status, int shardId) {
        if (status == null) {
            return null;
        }
        return status.markers().stream().filter(m -> m.shardId() == shardId)
                .map(DataSyncMarker::timestamp).filter(t -> t != null).findFirst().orElse(null);
    }

    private static Instant lastUpdate(DatalogStatus status, int shardId) {
        if (status == null) {
            return null;
        }
        return status.shards().stream().filter(s -> s.shardId() == shardId)
                .map(DatalogShard::lastUpdate).filter(t -> t != null).findFirst().orElse(null);
    }

    private static long nonNegativeSeconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
