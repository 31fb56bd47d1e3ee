package rgwmon.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rgwmon.model.Coverage;

/**
 * Chooses, each cycle, which buckets get a {@code bucket sync status} call, within a budget.
 *
 * <p>Order: (1) buckets named pending or recovering by the drill-down of behind/recovering data
 * shards, (2) buckets with recent sync errors, (3) buckets whose object counts differ between zones
 * (or that the primary suspects), (4) the rest in rotation, least recently visited first.
 *
 * <p>Coverage guarantee: the flagged categories (1)-(3) may use at most {@code budget - reserve}
 * slots; at least {@code reserve} slots always go to the rotation. The rotation visits buckets in
 * order of their last visit (never visited, then oldest; ties by name), and every visit, flagged or
 * not, moves a bucket to the back. So every known bucket is visited within
 * {@code ceil(N / reserve)} cycles, and within {@code ceil(N / budget)} cycles when nothing is
 * flagged. A bucket that appears later joins the back of the rotation, so newcomers cannot starve
 * the others (flagged newcomers are still picked first by their category).
 *
 * <p>A cycle whose bucket list could not be read ({@code knownBuckets} null) keeps rotating over the
 * last list that was read: buckets are forgotten only when a successfully read list omits them.
 *
 * <p>Pure and in-memory: the state is the last visit of each known bucket.
 */
public final class BucketSelector {

    /** Why a bucket was picked this cycle. */
    public enum Reason { SHARD_DRILL_DOWN, RECENT_ERROR, COUNT_MISMATCH, ROTATION }

    public record Pick(String bucket, Reason reason) {
    }

    /**
     * What this cycle knows: flagged buckets per category, in the order they should be inspected,
     * and the zone's whole bucket list ({@code null} when it could not be read this cycle: unknown,
     * not empty).
     */
    public record Candidates(List<String> shardBuckets, List<String> errorBuckets, List<String> mismatchBuckets,
                             Collection<String> knownBuckets) {
    }

    private record Visit(long cycle, Instant at) {
    }

    private final int budget;
    private final int reserve;
    private final Map<String, Visit> lastVisit = new HashMap<>();
    /** Cycle number at which a bucket joined the rotation (ranks never-visited buckets fairly). */
    private final Map<String, Long> joined = new HashMap<>();
    private long cycle;

    /**
     * @param budget          bucket sync status calls per cycle (--max-buckets)
     * @param rotationShare   share of the budget always left to the rotation, 0..1
     */
    public BucketSelector(int budget, double rotationShare) {
        if (budget < 1) {
            throw new IllegalArgumentException("the bucket budget per cycle must be at least 1, was " + budget);
        }
        if (!(rotationShare >= 0 && rotationShare <= 1)) {
            throw new IllegalArgumentException("the rotation share must be between 0 and 1, was " + rotationShare);
        }
        this.budget = budget;
        this.reserve = (int) Math.min(budget, Math.ceil(budget * rotationShare));
    }

    public int budget() {
        return budget;
    }

    /** Slots per cycle that always go to the rotation. */
    public int reserve() {
        return reserve;
    }

    /** The buckets to inspect this cycle, in order, at most {@link #budget()}. */
    public synchronized List<Pick> select(Candidates candidates) {
        cycle++;
        if (candidates.knownBuckets() != null) {
            learn(candidates.knownBuckets());
        }
        Map<String, Reason> picked = new LinkedHashMap<>();
        int flaggedLimit = budget - reserve;
        addFlagged(picked, candidates.shardBuckets(), Reason.SHARD_DRILL_DOWN, flaggedLimit);
        addFlagged(picked, candidates.errorBuckets(), Reason.RECENT_ERROR, flaggedLimit);
        addFlagged(picked, candidates.mismatchBuckets(), Reason.COUNT_MISMATCH, flaggedLimit);
        if (picked.size() < budget) {
            joined.keySet().stream()
                    .filter(bucket -> !picked.containsKey(bucket))
                    .sorted(rotationOrder())
                    .limit(budget - picked.size())
                    .forEach(bucket -> picked.put(bucket, Reason.ROTATION));
        }
        List<Pick> picks = new ArrayList<>(picked.size());
        picked.forEach((bucket, reason) -> picks.add(new Pick(bucket, reason)));
        return picks;
    }

    /** Marks buckets as visited (a call was made, whatever it answered) at {@code at}. */
    public synchronized void visited(Collection<String> buckets, Instant at) {
        for (String bucket : buckets) {
            if (joined.containsKey(bucket)) {
                lastVisit.put(bucket, new Visit(cycle, at));
            }
        }
    }

    /**
     * Coverage of the known buckets after this cycle's visits. {@code inspected} are the buckets whose
     * status was read this cycle; only known ones count, so inspected never exceeds known.
     */
    public synchronized Coverage coverage(Collection<String> inspected, Instant now) {
        int inspectedThisCycle = (int) inspected.stream().distinct().filter(joined::containsKey).count();
        Long oldestAge = null;
        if (!joined.isEmpty() && lastVisit.size() == joined.size()) {
            Instant oldest = lastVisit.values().stream().map(Visit::at).min(Comparator.naturalOrder()).orElseThrow();
            oldestAge = Math.max(0, Duration.between(oldest, now).toSeconds());
        }
        return new Coverage(inspectedThisCycle, joined.size(), oldestAge);
    }

    /** Adopts the zone's current bucket list: newcomers join the back of the rotation, gone ones are forgotten. */
    private void learn(Collection<String> known) {
        Set<String> current = new HashSet<>(known);
        joined.keySet().retainAll(current);
        lastVisit.keySet().retainAll(current);
        for (String bucket : current) {
            joined.putIfAbsent(bucket, cycle);
        }
    }

    private void addFlagged(Map<String, Reason> picked, List<String> flagged, Reason reason, int limit) {
        for (String bucket : flagged) {
            if (picked.size() >= limit) {
                return;
            }
            if (bucket != null && !bucket.isBlank()) {
                picked.putIfAbsent(bucket, reason);
            }
        }
    }

    /** Least recently visited first: a never-visited bucket ranks by the cycle it joined; ties by name. */
    private Comparator<String> rotationOrder() {
        return Comparator.<String>comparingLong(bucket -> {
            Visit visit = lastVisit.get(bucket);
            return visit != null ? visit.cycle() : joined.get(bucket) - 1;
        }).thenComparing(Comparator.naturalOrder());
    }
}
