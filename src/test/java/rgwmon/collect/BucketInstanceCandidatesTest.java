package rgwmon.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketRef;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.ZoneReport;
import rgwmon.processors.BucketInstanceMetadataParser;
import rgwmon.processors.BucketStatsParser;
import rgwmon.processors.BucketSyncStatusParser;

/** Which buckets get their instance flags read, on real 16.2.15 outputs. */
class BucketInstanceCandidatesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15");
    static final Path LAB = Path.of("src/test/resources/fixtures/ceph-16.2.15-lab/sync-disabled-metadata");
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T14:00:00Z"), ZoneOffset.UTC);

    static BucketSyncStatus bucketSyncStatus(String scenario, String zone, String bucket) throws Exception {
        return new BucketSyncStatusParser().parse(Files.readString(
                FIXTURES.resolve(scenario + "/" + zone + "/bucket-sync-status__bucket-" + bucket + ".txt")));
    }

    static BucketStatsList bucketStats(String scenario, String zone) throws Exception {
        return new BucketStatsParser().parse(Files.readString(FIXTURES.resolve(scenario + "/" + zone + "/bucket-stats.txt")));
    }

    static BucketInstanceMetadata instance(String labCapture) throws Exception {
        return new BucketInstanceMetadataParser().parse(Files.readString(LAB.resolve("us-east/" + labCapture)));
    }

    static ZoneReport report(String zone, List<BucketSyncStatus> buckets) {
        return new ZoneReport(ZoneReport.SCHEMA_VERSION, zone, null, Instant.parse("2026-11-25T14:00:00Z"), "test",
                null, null, buckets, List.of(), null, 0, List.of());
    }

    @Test
    void a_bucket_with_every_shard_behind_in_an_agent_report_is_a_candidate() throws Exception {
        BucketInstanceCandidates candidates = new BucketInstanceCandidates(20, clock);
        candidates.observeZoneReport(report("us-west", List.of(
                bucketSyncStatus("sync-disabled-bucket", "us-west", "sync-disabled"),
                bucketSyncStatus("sync-disabled-bucket", "us-west", "small-01"))));

        assertThat(candidates.nextCandidates()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("sync-disabled");
            assertThat(BucketInstanceCandidates.metadataKey(b))
                    .isEqualTo("bucket.instance:sync-disabled:a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.18");
        });
    }

    @Test
    void a_bucket_behind_on_some_shards_only_is_not_a_candidate() throws Exception {
        // errors scenario: sync-errors is behind on 5 of 11 shards (failing objects), not disabled-looking
        BucketSyncStatus partlyBehind = bucketSyncStatus("errors", "us-west", "sync-errors");
        assertThat(partlyBehind.sources().get(0).behindShardCount()).isEqualTo(5);
        BucketInstanceCandidates candidates = new BucketInstanceCandidates(20, clock);
        candidates.observeZoneReport(report("us-west", List.of(partlyBehind)));

        assertThat(candidates.nextCandidates()).isEmpty();
    }

    @Test
    void buckets_whose_object_counts_differ_between_zones_are_candidates() throws Exception {
        BucketInstanceCandidates candidates = new BucketInstanceCandidates(20, clock);
        candidates.observeBucketStats("us-east", bucketStats("sync-disabled-bucket", "us-east"));
        candidates.observeBucketStats("us-west", bucketStats("sync-disabled-bucket", "us-west"));

        assertThat(candidates.nextCandidates()).extracting(BucketRef::name).containsExactly("sync-disabled");
    }

    @Test
    void equal_counts_on_every_zone_give_no_candidate() throws Exception {
        BucketInstanceCandidates candidates = new BucketInstanceCandidates(20, clock);
        candidates.observeBucketStats("us-east", bucketStats("caught-up", "us-east"));
        candidates.observeBucketStats("us-west", bucketStats("caught-up", "us-west"));

        assertThat(candidates.nextCandidates()).isEmpty();
    }

    @Test
    void a_bucket_read_sync_disabled_stays_a_candidate_until_read_enabled_again() throws Exception {
        BucketInstanceCandidates candidates = new BucketInstanceCandidates(20, clock);
        // caught up: equal counts, nothing looks stuck
        candidates.observeBucketStats("us-east", bucketStats("sync-disabled-bucket", "us-east"));
        candidates.observeBucketStats("us-west", bucketStats("sync-disabled-bucket", "us-east"));
        assertThat(candidates.nextCandidates()).isEmpty();

        candidates.observeInstance(instance("metadata-get__bucket.instance-sync-disabled__disabled.txt"));
        // the instance id comes from the latest bucket stats (the lab capture is another cluster's instance)
        assertThat(candidates.nextCandidates()).singleElement().satisfies(b -> assertThat(BucketInstanceCandidates.metadataKey(b))
                .isEqualTo("bucket.instance:sync-disabled:a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.18"));

        candidates.observeInstance(instance("metadata-get__bucket.instance-sync-disabled__re-enabled.txt"));
        assertThat(candidates.nextCandidates()).isEmpty();
    }

    @Test
    void a_deleted_sync_disabled_bucket_is_no_longer_re_checked() throws Exception {
        BucketInstanceCandidates candidates = new BucketInstanceCandidates(20, clock);
        candidates.observeBucketStats("us-east", bucketStats("sync-disabled-bucket", "us-east"));
        candidates.observeInstance(instance("metadata-get__bucket.instance-sync-disabled__disabled.txt"));
        assertThat(candidates.trackedNames()).contains("sync-disabled");

        candidates.observeBucketStats("us-east", new BucketStatsList(List.of(stats("small-01", 10))));
        assertThat(candidates.trackedNames()).doesNotContain("sync-disabled");
    }

    @Test
    void a_long_candidate_list_is_covered_round_robin_within_the_per_cycle_bound() {
        List<BucketStats> east = new ArrayList<>();
        List<BucketStats> west = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            east.add(stats("bucket-" + i, 100));
            west.add(stats("bucket-" + i, 50));
        }
        TickingClock ticking = new TickingClock();
        BucketInstanceCandidates rotating = new BucketInstanceCandidates(3, ticking);
        rotating.observeBucketStats("us-east", new BucketStatsList(east));
        rotating.observeBucketStats("us-west", new BucketStatsList(west));
        Set<String> seen = new HashSet<>();
        for (int cycle = 0; cycle < 4; cycle++) {
            List<BucketRef> batch = rotating.nextCandidates();
            assertThat(batch.size()).isLessThanOrEqualTo(3);
            batch.forEach(b -> seen.add(b.name()));
            ticking.advance();
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void tenanted_buckets_are_keyed_with_their_tenant() {
        BucketRef bucket = new BucketRef("acme", "reports", "zone.4152.30");
        assertThat(BucketInstanceCandidates.metadataKey(bucket)).isEqualTo("bucket.instance:acme/reports:zone.4152.30");
    }

    private static BucketStats stats(String name, long objects) {
        return new BucketStats(name, "", name + "-id", name + "-id", "zg", 11, "owner", null, null, objects, objects * 10,
                objects * 4096, java.util.Map.of());
    }

    /** A clock that moves one second per advance(): each cycle happens later than the last. */
    static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T14:00:00Z");

        void advance() {
            now = now.plusSeconds(1);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
