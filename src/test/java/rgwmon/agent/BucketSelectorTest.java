package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import rgwmon.agent.BucketSelector.Candidates;
import rgwmon.agent.BucketSelector.Pick;
import rgwmon.agent.BucketSelector.Reason;
import rgwmon.model.Coverage;

class BucketSelectorTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    static List<String> buckets(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("bucket-%05d", i)).toList();
    }

    static Candidates rotationOnly(List<String> known) {
        return new Candidates(List.of(), List.of(), List.of(), known);
    }

    /** Runs one cycle: select, then mark every pick visited at T0 + cycle minutes. */
    static List<Pick> cycle(BucketSelector selector, Candidates candidates, int cycleNumber) {
        List<Pick> picks = selector.select(candidates);
        selector.visited(picks.stream().map(Pick::bucket).toList(), T0.plusSeconds(60L * cycleNumber));
        return picks;
    }

    @Test
    void flagged_buckets_come_first_in_category_order_then_the_rotation() {
        BucketSelector selector = new BucketSelector(8, 0.25);
        List<String> known = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        List<Pick> picks = selector.select(new Candidates(
                List.of("e", "f"), List.of("f", "c"), List.of("j", "e", "b"), known));

        assertThat(picks).extracting(Pick::bucket).containsExactly("e", "f", "c", "j", "b", "a", "d", "g");
        assertThat(picks).extracting(Pick::reason).containsExactly(
                Reason.SHARD_DRILL_DOWN, Reason.SHARD_DRILL_DOWN, Reason.RECENT_ERROR,
                Reason.COUNT_MISMATCH, Reason.COUNT_MISMATCH, Reason.ROTATION, Reason.ROTATION, Reason.ROTATION);
    }

    @Test
    void flagged_buckets_never_take_the_slots_reserved_for_the_rotation() {
        BucketSelector selector = new BucketSelector(10, 0.3);
        List<String> known = buckets(100);
        List<String> manyFlagged = known.subList(50, 100);
        List<Pick> picks = selector.select(new Candidates(manyFlagged, List.of(), List.of(), known));

        assertThat(selector.reserve()).isEqualTo(3);
        assertThat(picks).hasSize(10);
        assertThat(picks).filteredOn(p -> p.reason() == Reason.SHARD_DRILL_DOWN).hasSize(7);
        assertThat(picks).filteredOn(p -> p.reason() == Reason.ROTATION).extracting(Pick::bucket)
                .containsExactly("bucket-00000", "bucket-00001", "bucket-00002");
    }

    @Test
    void flagged_buckets_the_zone_does_not_list_are_inspected_but_not_rotated() {
        BucketSelector selector = new BucketSelector(3, 0.0);
        List<Pick> picks = cycle(selector, new Candidates(List.of(), List.of(), List.of("only-on-source"),
                List.of("x", "y")), 1);
        assertThat(picks).extracting(Pick::bucket).containsExactly("only-on-source", "x", "y");
        assertThat(selector.coverage(List.of("only-on-source", "x", "y"), T0.plusSeconds(60)))
                .as("a bucket only the source lists is inspected but not known: it must not count")
                .isEqualTo(new Coverage(2, 2, 0L));
    }

    @Test
    void ten_thousand_buckets_are_all_visited_within_ceil_n_over_budget_cycles() {
        List<String> known = buckets(10_000);
        BucketSelector selector = new BucketSelector(500, 0.2);
        Map<String, Integer> visits = new HashMap<>();
        for (int c = 1; c <= 20; c++) {
            List<Pick> picks = cycle(selector, rotationOnly(known), c);
            assertThat(picks).hasSize(500);
            picks.forEach(p -> visits.merge(p.bucket(), 1, Integer::sum));
        }
        assertThat(visits).hasSize(10_000);
        assertThat(visits.values()).containsOnly(1);

        // the 21st cycle starts the next round with the buckets visited longest ago
        List<Pick> next = cycle(selector, rotationOnly(known), 21);
        assertThat(next.get(0).bucket()).isEqualTo("bucket-00000");
        assertThat(next).extracting(Pick::bucket).containsExactlyElementsOf(known.subList(0, 500));
    }

    @Test
    void a_persistent_flood_of_flagged_buckets_cannot_starve_the_others() {
        List<String> known = buckets(3_000);
        BucketSelector selector = new BucketSelector(100, 0.25);
        List<String> alwaysFlagged = known.subList(0, 400);
        int bound = (int) Math.ceil(3_000 / 25.0);
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int c = 1; c <= 3 * bound; c++) {
            for (Pick pick : cycle(selector, new Candidates(alwaysFlagged, List.of(), List.of(), known), c)) {
                lastSeen.put(pick.bucket(), c);
            }
            for (String bucket : known) {
                assertThat(c - lastSeen.getOrDefault(bucket, 0)).as("cycles since %s was visited", bucket)
                        .isLessThan(bound);
            }
        }
    }

    @Test
    void a_failed_bucket_list_keeps_the_rotation_going_over_the_last_known_list() {
        List<String> known = buckets(10_000);
        BucketSelector selector = new BucketSelector(500, 0.2);
        Set<String> visited = new HashSet<>();
        int bound = (int) Math.ceil(10_000 / 500.0);
        // bucket stats fails every other cycle: the list is unknown (null), not empty
        for (int c = 1; c <= bound; c++) {
            List<String> listThisCycle = c % 2 == 0 ? null : known;
            List<Pick> picks = cycle(selector, rotationOnly(listThisCycle), c);
            assertThat(picks).hasSize(500);
            picks.forEach(p -> visited.add(p.bucket()));
        }
        assertThat(visited).as("every bucket visited within ceil(N / budget) cycles").hasSize(10_000);
        assertThat(selector.coverage(List.of(), T0.plusSeconds(60L * bound)).bucketsKnown()).isEqualTo(10_000);
    }

    @Test
    void buckets_are_forgotten_only_when_a_successful_list_omits_them() {
        BucketSelector selector = new BucketSelector(2, 0.0);
        cycle(selector, rotationOnly(List.of("a", "b", "c")), 1);
        cycle(selector, rotationOnly(null), 2);
        assertThat(selector.coverage(List.of(), T0).bucketsKnown()).isEqualTo(3);
        cycle(selector, rotationOnly(List.of("a", "b")), 3);
        assertThat(selector.coverage(List.of(), T0).bucketsKnown()).isEqualTo(2);
    }

    @Property(tries = 60)
    void every_bucket_is_visited_within_the_bound_whatever_is_flagged(
            @ForAll @IntRange(min = 1, max = 1_500) int bucketCount,
            @ForAll @IntRange(min = 1, max = 200) int budget,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double share,
            @ForAll long seed) {
        List<String> known = buckets(bucketCount);
        BucketSelector selector = new BucketSelector(budget, share);
        Random random = new Random(seed);
        int bound = (int) Math.ceil(bucketCount / (double) selector.reserve());
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int c = 1; c <= 2 * bound + 2; c++) {
            List<String> flagged = random.ints(random.nextInt(budget * 2 + 1), 0, bucketCount)
                    .mapToObj(known::get).toList();
            List<Pick> picks = cycle(selector, new Candidates(flagged, List.of(), List.of(), known), c);
            assertThat(picks).hasSizeLessThanOrEqualTo(budget);
            assertThat(new HashSet<>(picks.stream().map(Pick::bucket).toList())).hasSize(picks.size());
            for (Pick pick : picks) {
                lastSeen.put(pick.bucket(), c);
            }
            for (String bucket : known) {
                assertThat(c - lastSeen.getOrDefault(bucket, 0)).isLessThan(bound + 1);
            }
        }
    }

    @Test
    void newcomers_join_the_back_of_the_rotation_and_removed_buckets_are_forgotten() {
        BucketSelector selector = new BucketSelector(2, 0.0);
        List<String> first = List.of("a", "b", "c", "d");
        assertThat(cycle(selector, rotationOnly(first), 1)).extracting(Pick::bucket).containsExactly("a", "b");

        List<String> second = List.of("a", "b", "c", "d", "0-new");
        assertThat(cycle(selector, rotationOnly(second), 2)).extracting(Pick::bucket).containsExactly("c", "d");
        assertThat(cycle(selector, rotationOnly(second), 3)).extracting(Pick::bucket).containsExactly("0-new", "a");

        List<String> third = List.of("a", "c", "d", "0-new");
        assertThat(cycle(selector, rotationOnly(third), 4)).extracting(Pick::bucket).containsExactly("c", "d");
        assertThat(selector.coverage(List.of("c", "d"), T0.plusSeconds(240)).bucketsKnown()).isEqualTo(4);
    }

    @Test
    void coverage_reports_the_age_of_the_oldest_visit_once_every_bucket_was_seen() {
        BucketSelector selector = new BucketSelector(2, 0.5);
        List<String> known = List.of("a", "b", "c");
        cycle(selector, rotationOnly(known), 1);
        Coverage partial = selector.coverage(List.of("a", "b"), T0.plusSeconds(60));
        assertThat(partial).isEqualTo(new Coverage(2, 3, null));

        cycle(selector, rotationOnly(known), 2);
        Coverage full = selector.coverage(List.of("c", "a"), T0.plusSeconds(150));
        // a and b were visited in cycle 1 (T0+60s); c and a in cycle 2: b is the oldest, 90 s ago
        assertThat(full).isEqualTo(new Coverage(2, 3, 90L));
    }

    @Test
    void a_budget_below_one_or_a_share_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> new BucketSelector(0, 0.2)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new BucketSelector(5, 1.5)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void rotation_order_is_stable_across_unrelated_list_orderings() {
        List<String> known = new ArrayList<>(buckets(50));
        BucketSelector one = new BucketSelector(7, 0.2);
        BucketSelector other = new BucketSelector(7, 0.2);
        List<String> shuffled = new ArrayList<>(known);
        Collections.shuffle(shuffled, new Random(1));
        Set<String> seen = new HashSet<>();
        for (int c = 1; c <= 8; c++) {
            List<Pick> a = cycle(one, rotationOnly(known), c);
            List<Pick> b = cycle(other, rotationOnly(shuffled), c);
            assertThat(a).isEqualTo(b);
            a.forEach(p -> seen.add(p.bucket()));
        }
        assertThat(seen).hasSize(50);
    }
}
