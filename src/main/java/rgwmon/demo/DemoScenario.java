package rgwmon.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import rgwmon.demo.DemoCluster.Bucket;
import rgwmon.demo.DemoCluster.Role;
import rgwmon.demo.DemoTimeline.Moment;
import rgwmon.demo.DemoTimeline.Phase;

/**
 * The state of the simulated multisite at any moment: a pure function of the time since the demo
 * started, so every output rendered at one instant tells the same story and tests can visit any
 * phase directly. Writes happen on the master us-east; us-west pulls them.
 *
 * <ul>
 *   <li>BUCKET_BEHIND: the LAGGING bucket takes a burst of writes; us-west replicates only a share,
 *       its datalog shards are behind and the oldest change not applied gets older.</li>
 *   <li>SYNC_ERRORS: the lagging bucket caught up; the FAILING bucket gets objects us-west cannot
 *       store (EFBIG, errno 27): sync error list entries, recovering shards.</li>
 *   <li>RECOVERED: all caught up; the error entries stay listed until the next cycle (as until a
 *       `sync error trim`).</li>
 *   <li>always: the SYNC_DISABLED bucket keeps what us-west had when its sync was disabled.</li>
 * </ul>
 */
public final class DemoScenario {

    /** objects per second written into the lagging bucket while it falls behind */
    static final double BURST_WRITES_PER_SECOND = 4.0;
    /** share of the burst us-west replicates while behind */
    static final double BEHIND_REPLICATED_SHARE = 0.2;
    static final int FAILING_OBJECTS = 5;
    static final long FAILING_OBJECT_BYTES = 8L * 1024 * 1024;
    /** the bucket index shards the failing objects land on (those of the lab's errors capture) */
    static final List<Integer> FAILING_BUCKET_SHARDS = List.of(1, 2, 3, 7, 8);
    static final int DISABLED_WRITES_PER_CYCLE = 5;
    static final long DISABLED_OBJECTS_ON_SECONDARY = 10;

    private final DemoCluster cluster;
    private final DemoTimeline timeline;
    private final Instant start;
    /** when the simulated cluster's history begins: everything before the demo is two hours old */
    private final Instant historyStart;

    public DemoScenario(DemoCluster cluster, DemoTimeline timeline, Instant start) {
        this.cluster = cluster;
        this.timeline = timeline;
        this.start = start;
        this.historyStart = start.minus(Duration.ofHours(2));
    }

    public DemoCluster cluster() {
        return cluster;
    }

    public DemoTimeline timeline() {
        return timeline;
    }

    public Instant start() {
        return start;
    }

    public Instant historyStart() {
        return historyStart;
    }

    public Moment moment(Instant now) {
        return timeline.at(start, now);
    }

    // --- objects ---------------------------------------------------------------------------------

    public long objects(Bucket bucket, String zone, Moment m) {
        boolean secondary = DemoCluster.SECONDARY.equals(zone);
        return switch (bucket.role()) {
            case STEADY -> bucket.baseObjects();
            case LAGGING -> {
                long before = bucket.baseObjects() + (long) m.cycleIndex() * burstSize();
                long burst = burstWrittenSoFar(m);
                yield secondary && m.phase() == Phase.BUCKET_BEHIND
                        ? before + (long) Math.floor(burst * BEHIND_REPLICATED_SHARE)
                        : before + burst;
            }
            case FAILING -> {
                long master = bucket.baseObjects() + (long) FAILING_OBJECTS * (m.cycleIndex() + (m.reached(Phase.SYNC_ERRORS) ? 1 : 0));
                yield secondary && m.phase() == Phase.SYNC_ERRORS ? master - FAILING_OBJECTS : master;
            }
            case SYNC_DISABLED -> secondary ? DISABLED_OBJECTS_ON_SECONDARY
                    : bucket.baseObjects() + (long) DISABLED_WRITES_PER_CYCLE
                    * (m.cycleIndex() + (m.reached(Phase.BUCKET_BEHIND) ? 1 : 0));
        };
    }

    public long bytes(Bucket bucket, String zone, Moment m) {
        long objects = objects(bucket, zone, m);
        if (bucket.role() == Role.FAILING) {
            long big = objects - bucket.baseObjects();
            return bucket.baseObjects() * bucket.objectBytes() + big * FAILING_OBJECT_BYTES;
        }
        return objects * bucket.objectBytes();
    }

    /** Objects on one index shard: spread evenly, the remainder on the first shards. */
    public long objectsOnShard(Bucket bucket, String zone, Moment m, int shard) {
        long objects = objects(bucket, zone, m);
        return objects / DemoCluster.BUCKET_SHARDS + (shard < objects % DemoCluster.BUCKET_SHARDS ? 1 : 0);
    }

    private long burstSize() {
        return (long) Math.floor(BURST_WRITES_PER_SECOND * phaseLength(Phase.BUCKET_BEHIND).toMillis() / 1000.0);
    }

    private long burstWrittenSoFar(Moment m) {
        if (m.phase() == Phase.CAUGHT_UP) {
            return 0;
        }
        if (m.phase() == Phase.BUCKET_BEHIND) {
            long millis = Duration.between(m.phaseStart(Phase.BUCKET_BEHIND), m.now()).toMillis();
            return Math.min(burstSize(), (long) Math.floor(BURST_WRITES_PER_SECOND * millis / 1000.0));
        }
        return burstSize();
    }

    private Duration phaseLength(Phase phase) {
        Moment first = timeline.at(start, start);
        return Duration.between(first.phaseStart(phase), first.phaseEnd(phase));
    }

    // --- bucket sync state on us-west ----------------------------------------------------------------

    /** Bucket index shards of {@code bucket} that {@code zone} has not caught up on, at {@code m}. */
    public List<Integer> behindBucketShards(Bucket bucket, String zone, Moment m) {
        if (bucket.role() == Role.SYNC_DISABLED) {
            return allBucketShards(); // disabled: every shard looks behind, on both zones
        }
        if (!DemoCluster.SECONDARY.equals(zone)) {
            return List.of();
        }
        if (bucket.role() == Role.LAGGING && m.phase() == Phase.BUCKET_BEHIND) {
            return allBucketShards();
        }
        if (bucket.role() == Role.FAILING && m.phase() == Phase.SYNC_ERRORS) {
            return FAILING_BUCKET_SHARDS;
        }
        return List.of();
    }

    private static List<Integer> allBucketShards() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < DemoCluster.BUCKET_SHARDS; i++) {
            all.add(i);
        }
        return all;
    }

    // --- datalog shards ----------------------------------------------------------------------------

    /** Datalog shards any bucket writes to (the others were never written: empty marker). */
    public boolean usedShard(int datalogShard) {
        for (Bucket bucket : cluster.buckets()) {
            for (int s = 0; s < DemoCluster.BUCKET_SHARDS; s++) {
                if (cluster.datalogShard(bucket, s) == datalogShard) {
                    return true;
                }
            }
        }
        return false;
    }

    public SortedSet<Integer> datalogShards(Bucket bucket, List<Integer> bucketShards) {
        SortedSet<Integer> shards = new TreeSet<>();
        bucketShards.forEach(s -> shards.add(cluster.datalogShard(bucket, s)));
        return shards;
    }

    /** Datalog shards {@code zone} is behind on (data sync from its source). */
    public SortedSet<Integer> behindDatalogShards(String zone, Moment m) {
        if (DemoCluster.SECONDARY.equals(zone) && m.phase() == Phase.BUCKET_BEHIND) {
            return datalogShards(cluster.bucket(Role.LAGGING), allBucketShards());
        }
        return new TreeSet<>();
    }

    /** Datalog shards with entries in {@code zone}'s retry (error) repo. */
    public SortedSet<Integer> recoveringDatalogShards(String zone, Moment m) {
        if (DemoCluster.SECONDARY.equals(zone) && m.phase() == Phase.SYNC_ERRORS) {
            return datalogShards(cluster.bucket(Role.FAILING), FAILING_BUCKET_SHARDS);
        }
        return new TreeSet<>();
    }

    /** The first write us-west has not applied while behind: its age is the lag. */
    public Instant oldestChangeNotApplied(Moment m) {
        return m.phaseStart(Phase.BUCKET_BEHIND).plusMillis(250);
    }

    /** Last change logged in {@code sourceZone}'s datalog shard, null when never written. */
    public Instant sourceLastUpdate(String sourceZone, int shard, Moment m) {
        if (!usedShard(shard)) {
            return null;
        }
        Instant last = historyStart.plusSeconds(13L * shard);
        if (!DemoCluster.MASTER.equals(sourceZone)) {
            return last; // nothing is written on us-west
        }
        for (Bucket bucket : cluster.buckets()) {
            Instant written = lastWrite(bucket, m);
            if (written != null && datalogShards(bucket, allBucketShards()).contains(shard) && written.isAfter(last)) {
                last = written;
            }
        }
        return last;
    }

    /** Time of the last applied entry of {@code zone}'s data sync on that shard, null when never synced. */
    public Instant applied(String zone, int shard, Moment m) {
        Instant source = sourceLastUpdate(cluster.source(zone).name(), shard, m);
        if (source != null && behindDatalogShards(zone, m).contains(shard)) {
            return m.phaseStart(Phase.BUCKET_BEHIND); // stalled at the start of the burst
        }
        return source;
    }

    /** A datalog marker position for an entry logged at {@code time} (grows with time). */
    public long markerPosition(Instant time) {
        return 100 + Math.max(0, Duration.between(historyStart, time).toSeconds() / 5);
    }

    private Instant lastWrite(Bucket bucket, Moment m) {
        Phase writes = switch (bucket.role()) {
            case LAGGING, SYNC_DISABLED -> Phase.BUCKET_BEHIND;
            case FAILING -> Phase.SYNC_ERRORS;
            case STEADY -> null;
        };
        if (writes == null) {
            return null;
        }
        Moment cycle = m;
        if (!m.reached(writes)) {
            if (m.cycleIndex() == 0) {
                return null;
            }
            cycle = timeline.at(start, m.cycleStart().minusMillis(1)); // the previous cycle, at its end
        }
        if (bucket.role() == Role.LAGGING) {
            return cycle.phase() == Phase.BUCKET_BEHIND && cycle == m ? m.now() : cycle.phaseEnd(Phase.BUCKET_BEHIND);
        }
        return cycle.phaseStart(writes);
    }

    // --- shard drill-down (data sync status --shard-id) ------------------------------------------

    /** Bucket shards waiting in {@code zone}'s datalog shard (entries after its marker). */
    public List<String> pendingBuckets(String zone, int shard, Moment m) {
        if (!behindDatalogShards(zone, m).contains(shard)) {
            return List.of();
        }
        return bucketShardKeys(cluster.bucket(Role.LAGGING), allBucketShards(), shard);
    }

    /** Bucket shards in {@code zone}'s retry repo for that datalog shard. */
    public List<String> recoveringBuckets(String zone, int shard, Moment m) {
        if (!recoveringDatalogShards(zone, m).contains(shard)) {
            return List.of();
        }
        return bucketShardKeys(cluster.bucket(Role.FAILING), FAILING_BUCKET_SHARDS, shard);
    }

    private List<String> bucketShardKeys(Bucket bucket, List<Integer> bucketShards, int datalogShard) {
        List<String> keys = new ArrayList<>();
        for (int s : bucketShards) {
            if (cluster.datalogShard(bucket, s) == datalogShard) {
                keys.add(bucket.qualifiedName() + ":" + cluster.instanceId(bucket) + ":" + s);
            }
        }
        return keys;
    }

    // --- sync error list ---------------------------------------------------------------------------

    /** One entry of {@code sync error list}. */
    public record SyncErrorEntry(int logShard, String id, String name, Instant timestamp, String sourceZoneId,
                                 int errorCode, String message) {
    }

    /** us-west's error log: the EFBIG failures of this cycle, listed from the errors phase on. */
    public List<SyncErrorEntry> syncErrors(String zone, Moment m) {
        if (!DemoCluster.SECONDARY.equals(zone) || !m.reached(Phase.SYNC_ERRORS)) {
            return List.of();
        }
        Bucket bucket = cluster.bucket(Role.FAILING);
        String source = cluster.zone(DemoCluster.MASTER).id();
        Instant first = m.phaseStart(Phase.SYNC_ERRORS);
        List<SyncErrorEntry> entries = new ArrayList<>();
        for (int i = 0; i < FAILING_OBJECTS; i++) {
            int bucketShard = FAILING_BUCKET_SHARDS.get(i);
            String shardKey = bucket.qualifiedName() + ":" + cluster.instanceId(bucket) + ":" + bucketShard;
            Instant objectTime = first.plusNanos(113_214_000L + 350_417_000L * i);
            Instant instanceTime = objectTime.plusMillis(5);
            entries.add(new SyncErrorEntry(2 * i + 1, errorId(objectTime, 700 + 2 * i),
                    shardKey + "/clip-" + m.cycleIndex() + "-" + i + ".mp4", objectTime, source, 27,
                    "failed to sync object(27) File too large"));
            entries.add(new SyncErrorEntry(2 * i + 2, errorId(instanceTime, 701 + 2 * i), shardKey, instanceTime, source, 27,
                    "failed to sync bucket instance: (27) File too large"));
        }
        return entries;
    }

    private static String errorId(Instant time, int sequence) {
        return String.format("1_%d.%06d_%d.1", time.getEpochSecond(), time.getNano() / 1000, sequence);
    }
}
