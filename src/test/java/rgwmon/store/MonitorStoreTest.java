package rgwmon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rgwmon.fixtures.ModelRecords.EAST;
import static rgwmon.fixtures.ModelRecords.WEST;
import static rgwmon.fixtures.ModelRecords.behindSource;
import static rgwmon.fixtures.ModelRecords.bucket;
import static rgwmon.fixtures.ModelRecords.bucketSync;
import static rgwmon.fixtures.ModelRecords.disabledLookingBucketSync;
import static rgwmon.fixtures.ModelRecords.error;
import static rgwmon.fixtures.ModelRecords.errors;
import static rgwmon.fixtures.ModelRecords.instance;
import static rgwmon.fixtures.ModelRecords.masterSyncStatus;
import static rgwmon.fixtures.ModelRecords.period;
import static rgwmon.fixtures.ModelRecords.recovering;
import static rgwmon.fixtures.ModelRecords.report;
import static rgwmon.fixtures.ModelRecords.stats;
import static rgwmon.fixtures.ModelRecords.westReport;
import static rgwmon.fixtures.ModelRecords.westSyncStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import rgwmon.fixtures.MutableClock;
import rgwmon.fixtures.ModelRecords;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.CollectionFailure;
import rgwmon.model.SyncError;
import rgwmon.model.SyncErrorList;
import rgwmon.store.StoreIngest.PushOutcome;

class MonitorStoreTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private MutableClock clock;
    private MonitorStore store;

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        store = new MonitorStore(clock, MonitorSettings.DEFAULTS);
        store.acceptPeriod(period(7));
    }

    private BucketZoneView west(String bucket) {
        return store.snapshot().bucket(bucket).orElseThrow().zones().stream()
                .filter(zone -> zone.zone().equals(WEST)).findFirst().orElseThrow();
    }

    private void poll(BucketStatsList east, BucketStatsList west) {
        clock.advance(Duration.ofSeconds(60));
        store.acceptBucketStats(EAST, east);
        store.acceptBucketStats(WEST, west);
    }

    private Instant nextReportTime() {
        clock.advance(Duration.ofSeconds(60));
        return clock.instant();
    }

    @Test
    void derives_object_and_byte_delta_and_sync_percent_against_the_master_zone() {
        BucketStatsList east = stats(bucket("photos", 1000, 50_000), bucket("logs", 10, 100), bucket("new", 20, 2000));
        BucketStatsList west = stats(bucket("photos", 900, 45_000), bucket("logs", 10, 100), bucket("gone", 3, 30));
        poll(east, west);
        poll(east, west);

        BucketZoneView photos = west("photos");
        assertThat(photos.objectDelta()).isEqualTo(100);
        assertThat(photos.byteDelta()).isEqualTo(5000);
        assertThat(photos.syncPercent()).isEqualTo(90.0);
        assertThat(photos.priority()).isEqualTo(Priority.MEDIUM);

        assertThat(west("logs").objectDelta()).isZero();
        assertThat(west("logs").syncPercent()).isEqualTo(100.0);
        assertThat(west("logs").priority()).isEqualTo(Priority.SYNCED);

        // on the master only: nothing replicated yet
        assertThat(west("new").counts()).isNull();
        assertThat(west("new").objectDelta()).isEqualTo(20);
        assertThat(west("new").syncPercent()).isZero();
        assertThat(west("new").priority()).isEqualTo(Priority.HIGH);

        // on the secondary only (deleted on the master): negative delta
        assertThat(west("gone").objectDelta()).isEqualTo(-3);
        assertThat(store.snapshot().bucket("gone").orElseThrow().master()).isNull();

        ZoneView westZone = store.snapshot().zone(WEST).orElseThrow();
        assertThat(westZone.master()).isFalse();
        assertThat(westZone.totals().objects()).isEqualTo(913);
        assertThat(westZone.buckets().pendingObjects()).isEqualTo(120);
        assertThat(westZone.buckets().byPriority()).containsEntry(Priority.HIGH, 2).containsEntry(Priority.MEDIUM, 1)
                .containsEntry(Priority.SYNCED, 1);
        assertThat(store.snapshot().zone(EAST).orElseThrow().master()).isTrue();
        assertThat(store.snapshot().zone(EAST).orElseThrow().buckets()).isNull();
    }

    @Test
    void classifies_priority_by_sync_percent_as_the_seed() {
        assertThat(Priority.ofSyncPercent(0)).isEqualTo(Priority.HIGH);
        assertThat(Priority.ofSyncPercent(84.99)).isEqualTo(Priority.HIGH);
        assertThat(Priority.ofSyncPercent(85)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.ofSyncPercent(94.99)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.ofSyncPercent(95)).isEqualTo(Priority.LOW);
        assertThat(Priority.ofSyncPercent(98.99)).isEqualTo(Priority.LOW);
        assertThat(Priority.ofSyncPercent(99)).isEqualTo(Priority.SYNCED);
        assertThat(Priority.ofSyncPercent(100)).isEqualTo(Priority.SYNCED);
        assertThat(SnapshotBuilder.syncPercent(0, 0)).isEqualTo(100.0);
        assertThat(SnapshotBuilder.syncPercent(3, 1)).isEqualTo(33.33);
    }

    @Test
    void bucket_with_equal_counts_but_behind_shards_is_not_synced() {
        poll(stats(bucket("sync-errors", 5, 10)), stats(bucket("sync-errors", 5, 10)));
        store.acceptZoneReport(westReport(nextReportTime(), bucketSync("sync-errors", 3, 7)));
        assertThat(west("sync-errors").state()).isEqualTo(BucketZoneState.SETTLING);
        assertThat(west("sync-errors").priority()).isEqualTo(Priority.SETTLING);

        store.acceptZoneReport(westReport(nextReportTime(), bucketSync("sync-errors", 3, 7)));

        BucketZoneView view = west("sync-errors");
        assertThat(view.syncPercent()).isEqualTo(100.0);
        assertThat(view.state()).isEqualTo(BucketZoneState.BEHIND);
        assertThat(view.priority()).isEqualTo(Priority.LOW);
        assertThat(view.caughtUp()).isFalse();
        assertThat(view.behindShards()).containsExactly(3, 7);
        assertThat(store.snapshot().bucket("sync-errors").orElseThrow().behind()).isTrue();
        assertThat(store.health().reasons()).extracting(HealthReason::code).contains("buckets-behind");
    }

    @Test
    void a_single_behind_observation_is_settling_and_a_caught_up_one_ends_the_run() {
        poll(stats(bucket("many-objects", 3000, 300)), stats(bucket("many-objects", 3000, 300)));
        // the master re-logs recently written buckets ~30 s after the writes stop: one "behind" report
        store.acceptZoneReport(westReport(nextReportTime(), bucketSync("many-objects", 0, 4)));
        assertThat(west("many-objects").state()).isEqualTo(BucketZoneState.SETTLING);
        assertThat(west("many-objects").shardBehindStreak()).isEqualTo(1);
        assertThat(store.snapshot().zone(WEST).orElseThrow().buckets().behind()).isZero();

        store.acceptZoneReport(westReport(nextReportTime(), bucketSync("many-objects")));
        assertThat(west("many-objects").state()).isEqualTo(BucketZoneState.SYNCED);
        assertThat(west("many-objects").caughtUp()).isTrue();

        store.acceptZoneReport(westReport(nextReportTime(), bucketSync("many-objects", 4)));
        assertThat(west("many-objects").state()).isEqualTo(BucketZoneState.SETTLING);
        assertThat(store.health().status()).isNotEqualTo(HealthStatus.DOWN);
        assertThat(store.health().reasons()).extracting(HealthReason::code).doesNotContain("buckets-behind");
    }

    @Test
    void count_differences_are_flagged_behind_only_after_consecutive_polls() {
        poll(stats(bucket("small-05", 120, 1200)), stats(bucket("small-05", 20, 200)));
        assertThat(west("small-05").state()).isEqualTo(BucketZoneState.SETTLING);
        assertThat(west("small-05").syncPercent()).isEqualTo(16.67);

        poll(stats(bucket("small-05", 120, 1200)), stats(bucket("small-05", 60, 600)));
        assertThat(west("small-05").state()).isEqualTo(BucketZoneState.BEHIND);
        assertThat(west("small-05").priority()).isEqualTo(Priority.HIGH);
        assertThat(west("small-05").countBehindStreak()).isEqualTo(2);

        poll(stats(bucket("small-05", 120, 1200)), stats(bucket("small-05", 120, 1200)));
        assertThat(west("small-05").state()).isEqualTo(BucketZoneState.SYNCED);
        assertThat(west("small-05").countBehindStreak()).isZero();
    }

    @Test
    void a_settling_bucket_gets_no_lag_priority_until_behind_is_confirmed() {
        // written just now: 60 % on the zone in one poll, which the master's re-log makes common noise
        poll(stats(bucket("photos", 100, 1000), bucket("logs", 5, 50)), stats(bucket("photos", 60, 600), bucket("logs", 5, 50)));

        BucketZoneView photos = west("photos");
        assertThat(photos.state()).isEqualTo(BucketZoneState.SETTLING);
        assertThat(photos.syncPercent()).isEqualTo(60.0);
        assertThat(photos.priority()).isEqualTo(Priority.SETTLING);
        assertThat(store.snapshot().bucket("photos").orElseThrow().priority()).isEqualTo(Priority.SETTLING);
        ZoneBucketSummary summary = store.snapshot().zone(WEST).orElseThrow().buckets();
        assertThat(summary.byPriority()).containsEntry(Priority.SETTLING, 1).containsEntry(Priority.SYNCED, 1)
                .doesNotContainKeys(Priority.HIGH, Priority.MEDIUM, Priority.LOW);
        assertThat(summary.settling()).isEqualTo(1);

        poll(stats(bucket("photos", 100, 1000), bucket("logs", 5, 50)), stats(bucket("photos", 60, 600), bucket("logs", 5, 50)));
        assertThat(west("photos").state()).isEqualTo(BucketZoneState.BEHIND);
        assertThat(west("photos").priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void sync_disabled_buckets_are_counted_apart_from_the_zone_lag() {
        BucketStatsList east = stats(bucket("photos", 100, 1000), bucket("sync-disabled", 35, 350), bucket("logs", 5, 50));
        BucketStatsList west = stats(bucket("photos", 90, 900), bucket("sync-disabled", 10, 100), bucket("logs", 5, 50));
        poll(east, west);
        poll(east, west);
        store.acceptBucketInstance(EAST, instance("sync-disabled", 8));

        ZoneBucketSummary summary = store.snapshot().zone(WEST).orElseThrow().buckets();
        assertThat(summary.disabled()).isEqualTo(1);
        assertThat(summary.behind()).isEqualTo(1);
        // photos alone: 10 objects, 100 bytes, (90 + 100) / 2 %
        assertThat(summary.pendingObjects()).isEqualTo(10);
        assertThat(summary.pendingBytes()).isEqualTo(100);
        assertThat(summary.avgSyncPercent()).isEqualTo(95.0);
        assertThat(summary.byPriority()).containsEntry(Priority.DISABLED, 1).containsEntry(Priority.MEDIUM, 1);

        // its own zone view keeps the real gap; the bucket's lag figures leave it out
        assertThat(west("sync-disabled").objectDelta()).isEqualTo(25);
        assertThat(west("sync-disabled").syncPercent()).isEqualTo(28.57);
        BucketView bucket = store.snapshot().bucket("sync-disabled").orElseThrow();
        assertThat(bucket.priority()).isEqualTo(Priority.DISABLED);
        assertThat(bucket.syncPercent()).isNull();
        assertThat(bucket.objectDelta()).isZero();
    }

    @Test
    void the_number_of_observations_before_behind_is_configurable_at_runtime() {
        store.updateSettings(settings -> settings.withBehindAfterObservations(3));
        poll(stats(bucket("b", 10, 10)), stats(bucket("b", 5, 5)));
        poll(stats(bucket("b", 10, 10)), stats(bucket("b", 5, 5)));
        assertThat(west("b").state()).isEqualTo(BucketZoneState.SETTLING);
        store.updateSettings(settings -> settings.withBehindAfterObservations(2));
        assertThat(west("b").state()).isEqualTo(BucketZoneState.BEHIND);
    }

    @Test
    void a_bucket_with_sync_disabled_reads_disabled_not_lagging() {
        // 16.2.15 after "bucket sync disable": us-west keeps 10 of 35 objects, all 11 shards behind
        for (int i = 0; i < 3; i++) {
            poll(stats(bucket("sync-disabled", 35, 350)), stats(bucket("sync-disabled", 10, 100)));
            store.acceptZoneReport(westReport(nextReportTime(), disabledLookingBucketSync("sync-disabled")));
        }
        assertThat(west("sync-disabled").state()).isEqualTo(BucketZoneState.BEHIND);

        store.acceptBucketInstance(EAST, instance("sync-disabled", 8));

        BucketZoneView view = west("sync-disabled");
        assertThat(view.state()).isEqualTo(BucketZoneState.DISABLED);
        assertThat(view.priority()).isEqualTo(Priority.DISABLED);
        assertThat(view.disabled()).isTrue();
        assertThat(view.disabledReason()).contains("flags 8");
        assertThat(view.objectDelta()).isEqualTo(25);
        ZoneBucketSummary summary = store.snapshot().zone(WEST).orElseThrow().buckets();
        assertThat(summary.disabled()).isEqualTo(1);
        assertThat(summary.behind()).isZero();
        assertThat(store.health().reasons()).extracting(HealthReason::code).doesNotContain("buckets-behind");

        // "bucket sync enable": flags 0, the backlog is now real lag
        store.acceptBucketInstance(EAST, instance("sync-disabled", 0));
        assertThat(west("sync-disabled").state()).isEqualTo(BucketZoneState.BEHIND);
        assertThat(west("sync-disabled").priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void sync_disabled_in_bucket_sync_status_reads_disabled() {
        BucketSyncStatus looksStuck = disabledLookingBucketSync("quiet");
        BucketSyncStatus disabled = new BucketSyncStatus(looksStuck.realmId(), looksStuck.realmName(),
                looksStuck.zonegroupId(), looksStuck.zonegroupName(), looksStuck.zoneId(), looksStuck.zoneName(),
                looksStuck.bucket(), null, true, List.of(), List.of());
        store.acceptZoneReport(westReport(nextReportTime(), disabled));
        assertThat(west("quiet").state()).isEqualTo(BucketZoneState.DISABLED);
        assertThat(west("quiet").disabledReason()).contains("sync is disabled");
    }

    @Test
    void zone_lag_is_measured_from_the_oldest_unapplied_change_to_the_output_time() {
        OffsetDateTime oldest = OffsetDateTime.of(2025, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        Instant outputTime = Instant.parse("2025-03-01T10:02:30Z");
        store.acceptZoneReport(report(WEST, nextReportTime(),
                westSyncStatus(behindSource(List.of(1, 5, 9), oldest), outputTime), errors(), List.of(), List.of()));

        SourceSyncView source = store.snapshot().zone(WEST).orElseThrow().sync().sources().get(0);
        assertThat(source.lagSeconds()).isEqualTo(150);
        assertThat(source.sourceZone()).isEqualTo(EAST);
        assertThat(source.behindShards()).containsExactly(1, 5, 9);
        assertThat(source.behind()).isFalse();
        assertThat(store.snapshot().zone(WEST).orElseThrow().sync().lagSeconds()).isEqualTo(150);

        // before Reef there is no "current time": the collection time is the reference
        Instant collectedAt = nextReportTime();
        store.acceptZoneReport(report(WEST, collectedAt,
                westSyncStatus(behindSource(List.of(1), oldest), null), errors(), List.of(), List.of()));
        ZoneSyncView sync = store.snapshot().zone(WEST).orElseThrow().sync();
        assertThat(sync.sources().get(0).lagSeconds())
                .isEqualTo(Duration.between(oldest.toInstant(), collectedAt).toSeconds());
        assertThat(sync.behind()).isTrue();
        assertThat(sync.reportedBy()).isEqualTo(MonitorStore.AGENT);
        assertThat(store.health().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(store.health().reasons()).extracting(HealthReason::code).contains("data-behind");
    }

    @Test
    void a_failing_collection_keeps_the_last_good_value_and_is_marked_stale_with_reason_and_since() {
        poll(stats(bucket("a", 10, 10)), stats(bucket("a", 10, 10)));
        Instant firstFailure = clock.instant().plusSeconds(60);
        clock.set(firstFailure);
        store.recordFailure(StoreIngest.BUCKET_STATS, WEST,
                new CollectionFailure("bucket stats", "TIMEOUT", "radosgw-admin bucket stats: timed out after 60 s", firstFailure));
        clock.advance(Duration.ofSeconds(60));
        store.recordFailure(StoreIngest.BUCKET_STATS, WEST,
                new CollectionFailure("bucket stats", "EXIT_CODE", "exit 1", clock.instant()));

        assertThat(west("a").counts().objects()).isEqualTo(10);
        PartView part = store.snapshot().parts().stream()
                .filter(p -> p.part().equals(StoreIngest.BUCKET_STATS) && WEST.equals(p.zone())).findFirst().orElseThrow();
        assertThat(part.failing()).isTrue();
        assertThat(part.reason()).isEqualTo("EXIT_CODE: exit 1");
        assertThat(part.failingSince()).isEqualTo(firstFailure);
        assertThat(part.consecutiveFailures()).isEqualTo(2);
        assertThat(part.lastSuccess()).isEqualTo(T0.plusSeconds(60));
        Health health = store.health();
        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo("part-stale");
            assertThat(reason.message()).contains("bucket-stats", WEST, "exit 1", firstFailure.toString());
        });

        store.acceptBucketStats(WEST, stats(bucket("a", 10, 10)));
        assertThat(store.health().status()).isEqualTo(HealthStatus.OK);
    }

    @Test
    void every_primary_collection_failing_is_down() {
        CollectionFailure monDown = new CollectionFailure("sync status", "EXIT_CODE",
                "failed to fetch mon config (--no-mon-config to skip)", clock.instant());
        store.recordFailure(StoreIngest.TOPOLOGY, null, monDown);
        store.recordFailure(StoreIngest.SYNC_STATUS, EAST, monDown);
        Health health = store.health();
        assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(health.cephAccess()).isFalse();
        assertThat(health.reasons()).extracting(HealthReason::code).contains("collection-down");
    }

    @Test
    void no_topology_yet_is_down() {
        MonitorStore fresh = new MonitorStore(clock, MonitorSettings.DEFAULTS);
        assertThat(fresh.health().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(fresh.health().reasons().get(0).message()).contains("not collected yet");
    }

    @Test
    void a_report_not_newer_than_the_last_applied_one_is_not_applied() {
        Instant newer = nextReportTime();
        assertThat(store.acceptZoneReport(westReport(newer, bucketSync("a", 1)))).isEqualTo(PushOutcome.APPLIED);
        long sequence = store.snapshot().sequence();

        assertThat(store.acceptZoneReport(westReport(newer.minusSeconds(60), bucketSync("a"))))
                .isEqualTo(PushOutcome.OUT_OF_ORDER);
        assertThat(store.acceptZoneReport(westReport(newer, bucketSync("a"))))
                .isEqualTo(PushOutcome.OUT_OF_ORDER);

        assertThat(west("a").behindShards()).containsExactly(1);
        AgentView agent = store.snapshot().agents().get(WEST);
        assertThat(agent.collectedAt()).isEqualTo(newer);
        assertThat(agent.reportsApplied()).isEqualTo(1);
        assertThat(agent.reportsIgnored()).isEqualTo(2);
        assertThat(store.snapshot().sequence()).isGreaterThan(sequence);
    }

    @Test
    void an_agent_without_a_push_for_five_minutes_is_stale() {
        store.acceptZoneReport(westReport(nextReportTime()));
        clock.advance(Duration.ofMinutes(4));
        assertThat(store.health().reasons()).extracting(HealthReason::code).doesNotContain("agent-stale");
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.snapshot().agents().get(WEST).ageSeconds(clock.instant())).isEqualTo(360);
        assertThat(store.health().reasons()).extracting(HealthReason::code).contains("agent-stale");
    }

    @Test
    void an_expected_agent_that_never_pushes_degrades_health_after_the_stale_limit() {
        store.expectAgents(List.of(WEST));
        assertThat(store.health().reasons()).extracting(HealthReason::code).doesNotContain("agent-missing");
        clock.advance(Duration.ofMinutes(6));
        assertThat(store.health().reasons()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo("agent-missing");
            assertThat(reason.zone()).isEqualTo(WEST);
        });
        store.acceptZoneReport(westReport(clock.instant()));
        assertThat(store.health().reasons()).extracting(HealthReason::code).doesNotContain("agent-missing", "agent-stale");
    }

    @Test
    void an_agent_failure_keeps_the_zones_last_sync_status_and_marks_it_stale() {
        store.acceptZoneReport(westReport(nextReportTime()));
        Instant failedAt = nextReportTime();
        store.acceptZoneReport(report(WEST, failedAt, null, errors(), List.of(), List.of(),
                new CollectionFailure("sync status", "TIMEOUT", "timed out after 60 s", failedAt)));

        assertThat(store.snapshot().zone(WEST).orElseThrow().sync()).isNotNull();
        assertThat(store.snapshot().parts()).anySatisfy(part -> {
            assertThat(part.origin()).isEqualTo(MonitorStore.AGENT);
            assertThat(part.part()).isEqualTo(StoreIngest.SYNC_STATUS);
            assertThat(part.failing()).isTrue();
            assertThat(part.reason()).contains("timed out");
        });

        store.acceptZoneReport(westReport(nextReportTime()));
        assertThat(store.snapshot().parts()).filteredOn(part -> MonitorStore.AGENT.equals(part.origin()))
                .allSatisfy(part -> assertThat(part.failing()).isFalse());
    }

    @Test
    void recovering_shards_come_from_the_agents_shard_drill_down() {
        poll(stats(bucket("sync-errors", 5, 10 << 20)), stats(bucket("sync-errors", 0, 0)));
        store.acceptZoneReport(report(WEST, nextReportTime(), westSyncStatus(ModelRecords.recoveringSource(List.of(17)), null),
                errors(), List.of(bucketSync("sync-errors", 2)), List.of(recovering(17, "sync-errors", 2, 95L))));

        BucketZoneView view = west("sync-errors");
        assertThat(view.state()).isEqualTo(BucketZoneState.RECOVERING);
        assertThat(view.recoveringShards()).containsExactly(2);
        assertThat(view.lagSeconds()).isEqualTo(95);
        assertThat(store.snapshot().zone(WEST).orElseThrow().sync().sources().get(0).recoveringShards()).containsExactly(17);
    }

    @Test
    void errors_of_the_primary_and_agents_are_merged_newest_first_with_their_zones() {
        store.acceptSyncErrors(EAST, errors(error("a", T0.minusSeconds(30), 5, "failed to sync bucket instance: (5) Input/output error")));
        store.acceptZoneReport(report(WEST, nextReportTime(), westSyncStatus(ModelRecords.caughtUpSource(), null),
                errors(error("sync-errors", T0.minusSeconds(10), 27, "failed to sync object(27) File too large"),
                        error("sync-errors", T0.minusSeconds(60), 27, "failed to sync bucket instance: (27) File too large")),
                List.of(), List.of()));

        List<ErrorView> merged = store.snapshot().errors();
        assertThat(merged).extracting(ErrorView::timestamp).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(merged.get(0).zone()).isEqualTo(WEST);
        assertThat(merged.get(0).origin()).isEqualTo(MonitorStore.AGENT);
        assertThat(merged.get(0).sourceZone()).isEqualTo(EAST);
        assertThat(merged.get(0).bucket()).isEqualTo("sync-errors");
        assertThat(merged.get(1).zone()).isEqualTo(EAST);
        assertThat(merged.get(1).origin()).isEqualTo(MonitorStore.PRIMARY);
        assertThat(store.snapshot().zone(WEST).orElseThrow().errorCount()).isEqualTo(2);
        poll(stats(bucket("sync-errors", 5, 5)), stats(bucket("sync-errors", 5, 5)));
        assertThat(store.snapshot().bucket("sync-errors").orElseThrow().errorCount()).isEqualTo(2);
    }

    @Test
    void tenanted_buckets_are_keyed_tenant_slash_name() {
        poll(stats(bucket("acme", "invoices", 4, 40)), stats(bucket("acme", "invoices", 4, 40)));
        BucketView view = store.snapshot().bucket("acme/invoices").orElseThrow();
        assertThat(view.tenant()).isEqualTo("acme");
        assertThat(view.bucket()).isEqualTo("invoices");
        assertThat(view.priority()).isEqualTo(Priority.SYNCED);
    }

    @Test
    void the_master_zone_is_known_from_its_sync_status_before_the_period_is() {
        MonitorStore early = new MonitorStore(clock, MonitorSettings.DEFAULTS);
        early.acceptSyncStatus(EAST, masterSyncStatus());
        early.acceptBucketStats(EAST, stats(bucket("a", 4, 4)));
        early.acceptBucketStats(WEST, stats(bucket("a", 2, 2)));
        assertThat(early.snapshot().topology().masterZone()).isEqualTo(EAST);
        assertThat(early.snapshot().topology().discovered()).isFalse();
        assertThat(early.snapshot().bucket("a").orElseThrow().syncPercent()).isEqualTo(50.0);
    }

    @Test
    void readers_get_immutable_snapshots_that_later_writes_do_not_change() {
        poll(stats(bucket("a", 10, 10)), stats(bucket("a", 5, 5)));
        Snapshot before = store.snapshot();
        List<Long> published = new ArrayList<>();
        store.addListener(snapshot -> published.add(snapshot.sequence()));

        poll(stats(bucket("a", 10, 10), bucket("b", 1, 1)), stats(bucket("a", 10, 10)));

        assertThat(before.buckets()).containsOnlyKeys("a");
        assertThat(before.bucket("a").orElseThrow().zones().get(0).objectDelta()).isEqualTo(5);
        assertThat(store.snapshot().buckets()).containsOnlyKeys("a", "b");
        assertThat(published).containsExactly(before.sequence() + 1, before.sequence() + 2);
        assertThatThrownBy(() -> before.buckets().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> before.zones().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> before.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void memory_is_bounded_by_the_bucket_and_error_limits() {
        MonitorSettings small = new MonitorSettings(2, Duration.ofMinutes(5), Duration.ofMinutes(10), 50, 20);
        MonitorStore bounded = new MonitorStore(clock, small);
        bounded.acceptPeriod(period(1));

        List<BucketStats> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(bucket(String.format("b%03d", i), i, i));
        }
        bounded.acceptBucketStats(EAST, new BucketStatsList(many));
        bounded.acceptBucketStats(WEST, new BucketStatsList(many.subList(100, 200)));
        List<SyncError> errors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            errors.add(error("b001", T0.plusSeconds(i), 5, "failed"));
        }
        bounded.acceptSyncErrors(WEST, new SyncErrorList(32, errors));
        List<BucketSyncStatus> inspected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inspected.add(bucketSync(String.format("b%03d", i), 1));
        }
        bounded.acceptZoneReport(report(WEST, nextReportTime(), westSyncStatus(ModelRecords.caughtUpSource(), null),
                null, inspected, List.of()));

        Snapshot snapshot = bounded.snapshot();
        assertThat(snapshot.buckets()).hasSizeLessThanOrEqualTo(50);
        assertThat(snapshot.bucketsDropped()).isPositive();
        assertThat(snapshot.errors()).hasSize(20);
        assertThat(snapshot.errors().get(0).timestamp()).isEqualTo(T0.plusSeconds(499));
        assertThat(bounded.health().reasons()).extracting(HealthReason::code).contains("buckets-dropped");
    }

    @Test
    void a_deleted_bucket_is_forgotten_with_its_agent_reports() {
        poll(stats(bucket("a", 1, 1), bucket("tmp", 1, 1)), stats(bucket("a", 1, 1), bucket("tmp", 1, 1)));
        store.acceptZoneReport(westReport(nextReportTime(), bucketSync("tmp", 1)));
        assertThat(store.snapshot().buckets()).containsKey("tmp");

        poll(stats(bucket("a", 1, 1)), stats(bucket("a", 1, 1)));
        assertThat(store.snapshot().buckets()).containsOnlyKeys("a");
    }

    /** bucketSync(name) with the given top-level parser warnings and source block messages. */
    private static BucketSyncStatus withParserLines(String bucket, List<String> warnings, List<String> messages) {
        BucketSyncStatus clean = bucketSync(bucket);
        BucketSyncSource source = clean.sources().get(0);
        BucketSyncSource noisySource = new BucketSyncSource(source.zoneId(), source.zoneName(), source.sourceBucket(),
                source.state(), source.fullSync(), source.fullSyncObjectsCompleted(), source.incrementalSync(),
                source.incrementalShardCount(), source.health(), source.behindShardCount(), source.behindShards(),
                messages);
        return new BucketSyncStatus(clean.realmId(), clean.realmName(), clean.zonegroupId(), clean.zonegroupName(),
                clean.zoneId(), clean.zoneName(), clean.bucket(), clean.currentTime(), clean.syncDisabled(),
                List.of(noisySource), warnings);
    }

    @Test
    void bucket_sync_status_parser_lines_are_kept_per_bucket_and_zone_and_counted_in_the_zone_summary() {
        poll(stats(bucket("photos", 10, 100), bucket("logs", 10, 100), bucket("clean", 10, 100)),
                stats(bucket("photos", 10, 100), bucket("logs", 10, 100), bucket("clean", 10, 100)));
        store.acceptZoneReport(westReport(nextReportTime(),
                withParserLines("photos", List.of("line 1: ERROR: could not init bucket sync status"), List.of()),
                withParserLines("logs", List.of(), List.of("bucket index is being resharded")),
                bucketSync("clean")));

        assertThat(west("photos").parserWarnings()).containsExactly("line 1: ERROR: could not init bucket sync status");
        assertThat(west("photos").sources().get(0).messages()).isEmpty();
        assertThat(west("logs").parserWarnings()).isEmpty();
        assertThat(west("logs").sources().get(0).messages()).containsExactly("bucket index is being resharded");
        assertThat(west("clean").hasParserWarnings()).isFalse();
        // unread lines do not change the state: they are shown, not guessed at
        assertThat(west("photos").state()).isEqualTo(west("clean").state());

        ZoneBucketSummary summary = store.snapshot().zones().stream().filter(zone -> zone.name().equals(WEST))
                .findFirst().orElseThrow().buckets();
        assertThat(summary.parserWarnings()).isEqualTo(2);
        assertThat(summary.parserWarningBuckets()).containsExactly("logs", "photos");
    }

    @Test
    void an_agent_flooding_parser_lines_is_shown_the_first_twenty_and_how_many_more() {
        List<String> many = new ArrayList<>();
        for (int line = 1; line <= 250; line++) {
            many.add("line " + line + ": unknown");
        }
        poll(stats(bucket("photos", 10, 100)), stats(bucket("photos", 10, 100)));
        store.acceptZoneReport(westReport(nextReportTime(), withParserLines("photos", many, many)));

        assertThat(west("photos").parserWarnings()).hasSize(21).startsWith("line 1: unknown")
                .endsWith("… 230 more lines not shown");
        assertThat(west("photos").sources().get(0).messages()).hasSize(21).endsWith("… 230 more lines not shown");
    }
}
