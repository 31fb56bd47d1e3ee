package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static rgwmon.fixtures.ModelRecords.EAST;
import static rgwmon.fixtures.ModelRecords.WEST;
import static rgwmon.fixtures.ModelRecords.bucket;
import static rgwmon.fixtures.ModelRecords.error;
import static rgwmon.fixtures.ModelRecords.errors;
import static rgwmon.fixtures.ModelRecords.instance;
import static rgwmon.fixtures.ModelRecords.period;
import static rgwmon.fixtures.ModelRecords.stats;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import rgwmon.fixtures.MutableClock;
import rgwmon.model.BucketStatsList;
import rgwmon.store.MonitorSettings;
import rgwmon.store.MonitorStore;

/** The monitor's own gauges as the store's snapshots move, on a plain Micrometer registry. */
class MonitorMetricsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final MonitorStore store = new MonitorStore(clock, MonitorSettings.DEFAULTS);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void bind() {
        store.acceptPeriod(period(7));
        new MonitorMetrics(store, 100).bindTo(registry);
    }

    private Double gauge(String name, String... tags) {
        Gauge gauge = registry.find(name).tags(tags).gauge();
        return gauge == null ? null : gauge.value();
    }

    private void poll(BucketStatsList east, BucketStatsList west) {
        clock.advance(Duration.ofSeconds(60));
        store.acceptBucketStats(EAST, east);
        store.acceptBucketStats(WEST, west);
    }

    @Test
    void sync_errors_are_zero_for_every_known_zone_without_errors() {
        store.acceptSyncErrors(EAST, errors());
        assertThat(gauge("rgwmon.sync.errors", "zone", EAST, "source_zone", WEST)).isZero();
        assertThat(gauge("rgwmon.sync.errors", "zone", WEST, "source_zone", EAST)).isZero();

        store.acceptSyncErrors(WEST, errors(error("photos", T0, 27, "failed to sync object(27) File too large")));
        assertThat(gauge("rgwmon.sync.errors", "zone", WEST, "source_zone", EAST)).isEqualTo(1.0);
        assertThat(gauge("rgwmon.sync.errors", "zone", EAST, "source_zone", WEST)).isZero();
    }

    @Test
    void zone_buckets_by_priority_count_a_settling_bucket_as_settling_until_behind_is_confirmed() {
        BucketStatsList east = stats(bucket("photos", 100, 1000));
        BucketStatsList west = stats(bucket("photos", 50, 500));
        poll(east, west);
        assertThat(gauge("rgwmon.zone.buckets", "zone", WEST, "priority", "HIGH")).isZero();
        assertThat(gauge("rgwmon.zone.buckets", "zone", WEST, "priority", "SETTLING")).isEqualTo(1.0);

        poll(east, west);
        assertThat(gauge("rgwmon.zone.buckets", "zone", WEST, "priority", "HIGH")).isEqualTo(1.0);
        assertThat(gauge("rgwmon.zone.buckets", "zone", WEST, "priority", "SETTLING")).isZero();
    }

    @Test
    void zone_pending_objects_leave_out_sync_disabled_buckets() {
        BucketStatsList east = stats(bucket("photos", 100, 1000), bucket("sync-disabled", 35, 350));
        BucketStatsList west = stats(bucket("photos", 90, 900), bucket("sync-disabled", 10, 100));
        poll(east, west);
        poll(east, west);
        assertThat(gauge("rgwmon.zone.pending.objects", "zone", WEST, "source_zone", EAST)).isEqualTo(35.0);

        store.acceptBucketInstance(EAST, instance("sync-disabled", 8));
        assertThat(gauge("rgwmon.zone.pending.objects", "zone", WEST, "source_zone", EAST)).isEqualTo(10.0);
        assertThat(gauge("rgwmon.zone.buckets", "zone", WEST, "priority", "DISABLED")).isEqualTo(1.0);
    }
}
