package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rgwmon.fixtures.ModelRecords.EAST;
import static rgwmon.fixtures.ModelRecords.WEST;
import static rgwmon.fixtures.ModelRecords.instance;
import static rgwmon.fixtures.ModelRecords.period;
import static rgwmon.fixtures.ModelRecords.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import rgwmon.fixtures.ModelRecords;
import rgwmon.fixtures.MutableClock;
import rgwmon.model.BucketStatsList;
import rgwmon.store.BucketView;
import rgwmon.store.BucketZoneState;
import rgwmon.store.BucketZoneView;
import rgwmon.store.MonitorSettings;
import rgwmon.store.MonitorStore;
import rgwmon.store.Priority;

class BucketQueryTest {

    private static BucketView bucket(String name, Double syncPercent, long delta, int errors, Long lag,
                                     BucketZoneState state) {
        Priority priority = syncPercent == null ? Priority.UNKNOWN : Priority.ofSyncPercent(syncPercent);
        BucketZoneView zone = new BucketZoneView("us-west", null, delta, delta, syncPercent, priority, state, null,
                List.of(), List.of(), List.of(), false, null, lag, null, 0, 0, List.of());
        return new BucketView(name, null, name, null, List.of(zone), priority, syncPercent, delta, errors, lag, false,
                state == BucketZoneState.BEHIND);
    }

    private static final List<BucketView> BUCKETS = List.of(
            bucket("alpha", 100.0, 0, 0, 0L, BucketZoneState.SYNCED),
            bucket("beta", 50.0, 500, 3, 120L, BucketZoneState.BEHIND),
            bucket("gamma", null, 0, 0, null, BucketZoneState.UNKNOWN),
            bucket("delta", 90.0, -20, 1, 30L, BucketZoneState.SETTLING));

    private static List<String> names(BucketQuery.Page page) {
        return page.items().stream().map(BucketView::name).toList();
    }

    private static BucketQuery.Page query(String sort, String order) {
        return BucketQuery.parse(sort, order, null, null, null, null, null).apply(BUCKETS);
    }

    @Test
    void each_sort_has_a_natural_direction_and_unknown_values_go_last() {
        assertThat(names(query("name", null))).containsExactly("alpha", "beta", "delta", "gamma");
        assertThat(names(query("sync", null))).containsExactly("beta", "delta", "alpha", "gamma");
        assertThat(names(query("sync", "desc"))).containsExactly("alpha", "delta", "beta", "gamma");
        assertThat(names(query("delta", null))).containsExactly("beta", "delta", "alpha", "gamma");
        assertThat(names(query("errors", null))).containsExactly("beta", "delta", "alpha", "gamma");
        assertThat(names(query("lag", null))).containsExactly("beta", "delta", "alpha", "gamma");
        assertThat(names(query("lag", "asc"))).containsExactly("alpha", "delta", "beta", "gamma");
    }

    @Test
    void sync_disabled_buckets_sort_after_real_lag_by_sync_and_by_delta() {
        MonitorStore store = new MonitorStore(new MutableClock(Instant.parse("2025-03-01T10:00:00Z")), MonitorSettings.DEFAULTS);
        store.acceptPeriod(period(7));
        // sync-disabled keeps 10 of 35 objects on purpose: the widest gap, but not lag
        BucketStatsList east = stats(ModelRecords.bucket("photos", 100, 1000), ModelRecords.bucket("sync-disabled", 35, 350),
                ModelRecords.bucket("logs", 5, 50));
        BucketStatsList west = stats(ModelRecords.bucket("photos", 90, 900), ModelRecords.bucket("sync-disabled", 10, 100),
                ModelRecords.bucket("logs", 5, 50));
        for (int poll = 0; poll < 2; poll++) {
            store.acceptBucketStats(EAST, east);
            store.acceptBucketStats(WEST, west);
        }
        store.acceptBucketInstance(EAST, instance("sync-disabled", 8));
        Collection<BucketView> buckets = store.snapshot().buckets().values();

        assertThat(names(BucketQuery.parse("sync", null, null, null, null, null, null).apply(buckets)))
                .containsExactly("photos", "logs", "sync-disabled");
        assertThat(names(BucketQuery.parse("delta", null, null, null, null, null, null).apply(buckets)))
                .containsExactly("photos", "logs", "sync-disabled");
    }

    @Test
    void filters_combine_and_counts_cover_every_bucket() {
        BucketQuery.Page page = BucketQuery.parse("name", null, "high,medium", "BEHIND,settling", "ta", null, null)
                .apply(BUCKETS);
        assertThat(names(page)).containsExactly("beta", "delta");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.byPriority()).containsEntry(Priority.HIGH, 1).containsEntry(Priority.SYNCED, 1)
                .containsEntry(Priority.UNKNOWN, 1).containsEntry(Priority.MEDIUM, 1);
    }

    @Test
    void bad_values_name_their_parameter() {
        assertThatThrownBy(() -> BucketQuery.parse("size", null, null, null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("sort"));
        assertThatThrownBy(() -> BucketQuery.parse(null, null, "HIGH,NOPE", null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("priority"));
        assertThatThrownBy(() -> BucketQuery.parse(null, null, null, "STUCK", null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThatThrownBy(() -> BucketQuery.parse(null, null, null, null, null, null, "1001"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> BucketQuery.parse(null, null, null, null, "x".repeat(300), null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }

    @Test
    void ten_thousand_buckets_are_served_one_bounded_page_at_a_time() {
        List<BucketView> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(bucket(String.format("bucket-%05d", i), (double) (i % 100), 100 - i % 100, i % 7, (long) (i % 50),
                    BucketZoneState.SYNCED));
        }
        BucketQuery.Page page = BucketQuery.parse("sync", null, null, null, null, "9950", "100").apply(many);
        assertThat(page.total()).isEqualTo(10_000);
        assertThat(page.items()).hasSize(50);
        assertThat(page.items()).extracting(BucketView::syncPercent).containsOnly(99.0);
    }

    @Property(tries = 200)
    void pages_walked_in_order_give_the_whole_sorted_list(@ForAll @IntRange(min = 1, max = 5) int limit,
                                                          @ForAll("sorts") String sort) {
        List<String> all = names(BucketQuery.parse(sort, null, null, null, null, null, null).apply(BUCKETS));
        List<String> walked = new ArrayList<>();
        for (int offset = 0; offset < BUCKETS.size(); offset += limit) {
            walked.addAll(names(BucketQuery.parse(sort, null, null, null, null, String.valueOf(offset),
                    String.valueOf(limit)).apply(BUCKETS)));
        }
        assertThat(walked).isEqualTo(all);
    }

    @Provide
    Arbitrary<String> sorts() {
        return Arbitraries.of("name", "sync", "delta", "errors", "lag");
    }
}
