package rgwmon.history;

import static org.assertj.core.api.Assertions.assertThat;
import static rgwmon.fixtures.ModelRecords.EAST;
import static rgwmon.fixtures.ModelRecords.WEST;
import static rgwmon.fixtures.ModelRecords.bucket;
import static rgwmon.fixtures.ModelRecords.period;
import static rgwmon.fixtures.ModelRecords.stats;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rgwmon.fixtures.MutableClock;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.store.MonitorSettings;
import rgwmon.store.MonitorStore;

class SnapshotHistoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private MutableClock clock;
    private MonitorStore store;
    private SnapshotHistory history;

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        store = new MonitorStore(clock, MonitorSettings.DEFAULTS);
        store.acceptPeriod(period(3));
        history = open();
    }

    @AfterEach
    void stop() {
        history.close();
    }

    private SnapshotHistory open() {
        return new SnapshotHistory(store, dir.resolve("data/history"), Duration.ofHours(24), 1000, Duration.ofHours(1), clock);
    }

    private void cycle(long eastObjects, long westObjects) {
        clock.advance(Duration.ofSeconds(60));
        store.acceptBucketStats(EAST, stats(bucket("photos", eastObjects, eastObjects * 10), bucket("logs", 5, 50)));
        store.acceptBucketStats(WEST, stats(bucket("photos", westObjects, westObjects * 10), bucket("logs", 5, 50)));
        history.recordLatest();
    }

    @Test
    void samples_hold_per_zone_chart_numbers_oldest_first() {
        cycle(100, 40);
        cycle(100, 80);
        cycle(100, 100);

        List<HistorySample> samples = history.recent(10);
        assertThat(samples).hasSize(3);
        assertThat(samples).extracting(HistorySample::at).isSorted();
        ZoneSample firstWest = samples.get(0).zones().stream().filter(z -> z.zone().equals(WEST)).findFirst().orElseThrow();
        assertThat(firstWest.pendingObjects()).isEqualTo(60);
        assertThat(firstWest.avgSyncPercent()).isEqualTo(70.0);
        // one poll behind is settling, not yet HIGH; the second poll confirms it (80 %: HIGH)
        assertThat(firstWest.bucketsHigh()).isZero();
        ZoneSample secondWest = samples.get(1).zones().stream().filter(z -> z.zone().equals(WEST)).findFirst().orElseThrow();
        assertThat(secondWest.bucketsHigh()).isEqualTo(1);
        assertThat(firstWest.master()).isFalse();
        ZoneSample lastWest = samples.get(2).zones().stream().filter(z -> z.zone().equals(WEST)).findFirst().orElseThrow();
        assertThat(lastWest.pendingObjects()).isZero();
        assertThat(lastWest.bucketsSynced()).isEqualTo(2);
        assertThat(samples.get(2).zones()).anySatisfy(zone -> {
            assertThat(zone.zone()).isEqualTo(EAST);
            assertThat(zone.master()).isTrue();
            assertThat(zone.objects()).isEqualTo(105);
        });
        assertThat(history.recent(2)).extracting(HistorySample::snapshot)
                .containsExactly(samples.get(1).snapshot(), samples.get(2).snapshot());
    }

    @Test
    void bucket_points_are_written_when_values_change() {
        cycle(100, 40);
        cycle(100, 40);
        cycle(100, 40);
        cycle(100, 90);

        // the second poll changes the state (behind twice in a row), the third changes nothing
        List<BucketPoint> photos = history.bucket("photos", 100);
        assertThat(photos).extracting(BucketPoint::objects).containsExactly(40L, 40L, 90L);
        assertThat(photos).extracting(BucketPoint::state).containsExactly("SETTLING", "BEHIND", "BEHIND");
        assertThat(photos.get(2).syncPercent()).isEqualTo(90.0);
        assertThat(photos.get(2).zone()).isEqualTo(WEST);
        assertThat(photos.get(2).masterObjects()).isEqualTo(100);
        // logs never changed: one point
        assertThat(history.bucket("logs", 100)).hasSize(1);
        assertThat(history.bucket("does-not-exist", 100)).isEmpty();
    }

    @Test
    void history_survives_closing_and_reopening_the_same_file() {
        cycle(100, 40);
        cycle(100, 60);
        history.close();

        history = open();
        assertThat(history.sampleCount()).isEqualTo(2);
        assertThat(history.recent(10)).hasSize(2);
        assertThat(history.bucket("photos", 10)).extracting(BucketPoint::objects).containsExactly(40L, 60L);
        cycle(100, 100);
        assertThat(history.recent(10)).hasSize(3);
    }

    @Test
    void samples_older_than_the_retention_are_pruned() {
        cycle(100, 40);
        clock.advance(Duration.ofHours(23));
        cycle(100, 50);
        clock.advance(Duration.ofHours(2));

        assertThat(history.prune()).isEqualTo(1);
        assertThat(history.recent(10)).hasSize(1);
        assertThat(history.bucket("photos", 10)).extracting(BucketPoint::objects).containsExactly(50L);
        assertThat(history.since(T0, 100)).hasSize(1);
    }

    @Test
    void bucket_rows_per_sample_are_capped_worst_first_and_the_rest_follow_later() {
        history.close();
        history = new SnapshotHistory(store, dir.resolve("capped/history"), Duration.ofHours(24), 10, Duration.ofHours(1), clock);
        List<BucketStats> east = new ArrayList<>();
        List<BucketStats> west = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            east.add(bucket(String.format("b%02d", i), 100, 100));
            west.add(bucket(String.format("b%02d", i), i == 24 ? 10 : 100, i == 24 ? 10 : 100));
        }
        store.acceptBucketStats(EAST, new BucketStatsList(east));
        store.acceptBucketStats(WEST, new BucketStatsList(west));
        history.recordLatest();
        // the only lagging bucket is written in the first sample although it sorts last by name
        assertThat(history.bucket("b24", 10)).hasSize(1);
        assertThat(history.bucket("b23", 10)).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        history.recordLatest();
        clock.advance(Duration.ofSeconds(60));
        history.recordLatest();
        assertThat(history.bucket("b23", 10)).hasSize(1);
        assertThat(history.bucket("b24", 10)).hasSize(1);
    }
}
