package rgwmon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import rgwmon.fixtures.MutableClock;
import rgwmon.fixtures.RealFixtures;
import rgwmon.model.SyncHealth;

/**
 * The store fed with the real 16.2.15 lab outputs, parsed by the real parsers, in the order the
 * collectors (period, bucket stats of both zones, the master's sync status) and the us-west agent
 * (its sync status, errors and bucket sync statuses) deliver them: two cycles per scenario, so the
 * "behind across consecutive observations" rule can apply.
 */
class RealScenarioStoreTest {

    private static final String EAST = "us-east";
    private static final String WEST = "us-west";

    private MutableClock clock;
    private MonitorStore store;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
        store = new MonitorStore(clock, MonitorSettings.DEFAULTS);
    }

    private void cycles(String scenario, int count) {
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofSeconds(60));
            store.acceptPeriod(RealFixtures.period(scenario));
            store.acceptSyncStatus(EAST, RealFixtures.syncStatus(scenario, EAST));
            store.acceptBucketStats(EAST, RealFixtures.bucketStats(scenario, EAST));
            store.acceptBucketStats(WEST, RealFixtures.bucketStats(scenario, WEST));
            store.acceptZoneReport(RealFixtures.agentReport(scenario, WEST, clock.instant()));
        }
    }

    private BucketZoneView west(String bucket) {
        return store.snapshot().bucket(bucket).orElseThrow().zones().stream()
                .filter(zone -> zone.zone().equals(WEST)).findFirst().orElseThrow();
    }

    @Test
    void caught_up_lab_is_all_synced_and_ok() {
        cycles("caught-up", 2);
        Snapshot snapshot = store.snapshot();
        assertThat(snapshot.topology().masterZone()).isEqualTo(EAST);
        assertThat(snapshot.topology().realmName()).isEqualTo("lab");
        assertThat(snapshot.buckets()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(snapshot.buckets().values()).allSatisfy(bucket -> assertThat(bucket.priority()).isEqualTo(Priority.SYNCED));
        ZoneView west = snapshot.zone(WEST).orElseThrow();
        assertThat(west.sync().sources().get(0).sourceZone()).isEqualTo(EAST);
        assertThat(west.sync().sources().get(0).lagSeconds()).isZero();
        assertThat(west.buckets().pendingObjects()).isZero();
        assertThat(store.health().status()).isEqualTo(HealthStatus.OK);
    }

    @Test
    void secondary_down_shows_lag_behind_shards_and_the_masters_failing_pull() {
        cycles("secondary-down-behind", 2);
        ZoneView west = store.snapshot().zone(WEST).orElseThrow();
        SourceSyncView fromEast = west.sync().sources().get(0);
        assertThat(fromEast.behind()).isTrue();
        assertThat(fromEast.behindShardCount()).isEqualTo(40);
        assertThat(fromEast.lagSeconds()).isPositive();
        assertThat(west.sync().metadata().behind()).isTrue();
        assertThat(west.sync().metadata().behindShards()).containsExactly(25);
        assertThat(west.buckets().byPriority()).containsKey(Priority.HIGH);
        assertThat(store.snapshot().bucket("created-while-down").orElseThrow().zones().get(0).counts()).isNull();

        // active-active: the master's own pull from the stopped us-west fails
        SourceSyncView fromWest = store.snapshot().zone(EAST).orElseThrow().sync().sources().get(0);
        assertThat(fromWest.health()).isEqualTo(SyncHealth.FAILED);
        assertThat(store.health().reasons()).extracting(HealthReason::code)
                .contains("data-behind", "metadata-behind", "data-sync-failing", "buckets-behind");
    }

    @Test
    void a_recovering_source_without_an_oldest_change_leaves_the_zone_lag_unknown_not_zero() {
        cycles("errors", 2);
        ZoneSyncView west = store.snapshot().zone(WEST).orElseThrow().sync();
        assertThat(west.metadata().lagSeconds()).as("metadata is caught up").isZero();
        SourceSyncView fromEast = west.sources().get(0);
        assertThat(fromEast.health()).isEqualTo(SyncHealth.RECOVERING);
        assertThat(fromEast.lagSeconds()).isNull();
        assertThat(west.lagSeconds()).isNull();

        cycles("caught-up", 1);
        assertThat(store.snapshot().zone(WEST).orElseThrow().sync().lagSeconds()).isZero();
    }

    @Test
    void errors_scenario_has_recovering_shards_a_lagging_bucket_and_the_zones_errors() {
        cycles("errors", 2);
        BucketZoneView syncErrors = west("sync-errors");
        assertThat(syncErrors.objectDelta()).isEqualTo(5);
        assertThat(syncErrors.syncPercent()).isEqualTo(50.0);
        assertThat(syncErrors.priority()).isEqualTo(Priority.HIGH);
        assertThat(syncErrors.state()).isEqualTo(BucketZoneState.BEHIND);
        assertThat(syncErrors.behindShards()).containsExactly(1, 2, 3, 7, 8);
        assertThat(syncErrors.caughtUp()).isFalse();
        assertThat(west("many-objects").state()).isEqualTo(BucketZoneState.SYNCED);

        SourceSyncView fromEast = store.snapshot().zone(WEST).orElseThrow().sync().sources().get(0);
        assertThat(fromEast.health()).isEqualTo(SyncHealth.RECOVERING);
        assertThat(fromEast.recoveringShards()).containsExactly(11, 12, 13, 17, 18);

        int parsed = RealFixtures.syncErrors("errors", WEST).entries().size();
        assertThat(store.snapshot().errors()).hasSize(parsed);
        assertThat(store.snapshot().errors()).allSatisfy(error -> {
            assertThat(error.zone()).isEqualTo(WEST);
            assertThat(error.sourceZone()).isEqualTo(EAST);
            assertThat(error.errorCode()).isEqualTo(27);
            assertThat(error.bucket()).isEqualTo("sync-errors");
        });
        assertThat(store.snapshot().bucket("sync-errors").orElseThrow().errorCount()).isEqualTo(parsed);
    }

    @Test
    void sync_disabled_bucket_reads_disabled_from_the_masters_instance_flags() {
        cycles("sync-disabled-bucket", 2);
        BucketZoneView disabled = west("sync-disabled");
        // before the flags are known it looks exactly like a stuck bucket
        assertThat(disabled.state()).isEqualTo(BucketZoneState.BEHIND);
        assertThat(disabled.behindShards()).hasSize(11);
        assertThat(disabled.objectDelta()).isEqualTo(25);

        // the secondary's copy still says 0 right after the disable; the master's says 8
        store.acceptBucketInstance(WEST, RealFixtures.syncDisabledInstance(WEST, "disabled"));
        store.acceptBucketInstance(EAST, RealFixtures.syncDisabledInstance(EAST, "disabled"));
        assertThat(west("sync-disabled").state()).isEqualTo(BucketZoneState.DISABLED);
        assertThat(west("sync-disabled").priority()).isEqualTo(Priority.DISABLED);
        assertThat(store.snapshot().zone(WEST).orElseThrow().buckets().behind()).isZero();
        assertThat(store.health().reasons()).extracting(HealthReason::code).doesNotContain("buckets-behind");
        // the forbidden-policy bucket replicated anyway on 16.2.15: synced
        assertThat(west("sync-forbidden").priority()).isEqualTo(Priority.SYNCED);

        store.acceptBucketInstance(EAST, RealFixtures.syncDisabledInstance(EAST, "re-enabled"));
        assertThat(west("sync-disabled").state()).isEqualTo(BucketZoneState.BEHIND);
    }
}
