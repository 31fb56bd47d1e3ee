package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import rgwmon.model.BucketShardKey;
import rgwmon.model.DataSyncMarker;
import rgwmon.model.DataSyncShardStatus;

/**
 * Real {@code --shard-id} captures of the lab (fixtures/ceph-16.2.15-lab/secondary-down-shard-drilldown)
 * and synthetic outputs of the documented shape for what the lab did not show (recovering buckets,
 * tenants, older releases).
 */
class DataSyncShardStatusParserTest {

    private static final String US_EAST_ID = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1";

    private final DataSyncShardStatusParser parser = new DataSyncShardStatusParser();

    private static final String DRILL_DOWN = "secondary-down-shard-drilldown";

    @Test
    void real_drill_downs_name_the_buckets_written_while_the_secondary_was_down_for_shards_sync_status_calls_behind()
            throws Exception {
        var behind = new SyncStatusParser().parse(Fixtures.lab(DRILL_DOWN, "us-west", "sync-status.txt"))
                .dataSources().get(0).behindShards();
        for (int shard : new int[] {3, 9, 10, 25}) {
            DataSyncShardStatus status = parser.parse(Fixtures.lab(DRILL_DOWN, "us-west",
                    "data-sync-status__source-zone-us-east__shard-id-" + shard + ".txt"));

            assertThat(status.shardId()).isEqualTo(shard);
            assertThat(behind).as("sync status calls shard %d behind", shard).contains(shard);
            assertThat(status.pendingBuckets()).as("shard %d", shard).isNotEmpty()
                    .allSatisfy(key -> assertThat(key.instanceId()).startsWith("7678c0c5-1237-47ae-93fb-9d69b5664599."));
            assertThat(status.recoveringBuckets()).isEmpty();
        }
        DataSyncShardStatus shard10 = parser.parse(Fixtures.lab(DRILL_DOWN, "us-west",
                "data-sync-status__source-zone-us-east__shard-id-10.txt"));
        assertThat(shard10.pendingBuckets()).extracting(BucketShardKey::bucket, BucketShardKey::shard)
                .containsExactly(tuple("small-08", 1));
        assertThat(shard10.marker().timestamp()).isEqualTo(Instant.parse("2026-11-25T16:25:20.513450Z"));
        // a shard never applied: no marker, unset timestamp ("0.000000") — unknown, not epoch
        DataSyncShardStatus shard3 = parser.parse(Fixtures.lab(DRILL_DOWN, "us-west",
                "data-sync-status__source-zone-us-east__shard-id-3.txt"));
        assertThat(shard3.marker().marker()).isEmpty();
        assertThat(shard3.marker().timestamp()).isNull();
        assertThat(shard3.pendingBuckets()).extracting(BucketShardKey::bucket, BucketShardKey::shard)
                .containsExactly(tuple("small-05", 10));
    }

    @Test
    void shard_drill_down_lists_pending_and_recovering_bucket_shards() throws Exception {
        DataSyncShardStatus status = parser.parse(Fixtures.synthetic("data-sync-status",
                "pacific-16.2-data-sync-status__source-zone-us-east__shard-id-98.synthetic.json"));

        assertThat(status.shardId()).isEqualTo(98);
        assertThat(status.marker()).isEqualTo(new DataSyncMarker(98, "incremental-sync",
                "00000000000000000000:00000000000000000512", "", 0, 0, Instant.parse("2026-11-25T13:46:07.380809Z")));
        assertThat(status.pendingBuckets())
                .extracting(BucketShardKey::tenant, BucketShardKey::bucket, BucketShardKey::instanceId, BucketShardKey::shard)
                .containsExactly(
                        tuple("", "many-objects", US_EAST_ID + ".4152.14", 3),
                        tuple("acme", "photos", US_EAST_ID + ".4152.30", 0),
                        tuple("", "small-05", US_EAST_ID + ".4152.9", 10));
        assertThat(status.pendingBuckets().get(1).qualifiedBucket()).isEqualTo("acme/photos");
        assertThat(status.recoveringBuckets()).containsExactly(new BucketShardKey(
                "sync-errors:" + US_EAST_ID + ".4152.20:8", "", "sync-errors", US_EAST_ID + ".4152.20", 8));
    }

    @Test
    void mimic_numeric_state_and_keys_without_shard_are_read() throws Exception {
        DataSyncShardStatus status = parser.parse(Fixtures.synthetic("data-sync-status",
                "mimic-13.2-data-sync-status__source-zone-zone0__shard-id-82.synthetic.json"));
        assertThat(status.marker().status()).isEqualTo("1");
        assertThat(status.marker().timestamp()).isNull();
        assertThat(status.pendingBuckets()).containsExactly(new BucketShardKey(
                "buk3:a145516f-4998-4343-9037-9018c9e396d4.4120.3", "", "buk3",
                "a145516f-4998-4343-9037-9018c9e396d4.4120.3", null));
    }

    @Test
    void quincy_binary_recovering_key_is_kept_raw_with_no_parts() throws Exception {
        DataSyncShardStatus status = parser.parse(Fixtures.synthetic("data-sync-status",
                "quincy-17.2-data-sync-status__source-zone-us-east__shard-id-17-binary-recovering-key.synthetic.json"));
        assertThat(status.pendingBuckets()).isEmpty();
        assertThat(status.recoveringBuckets()).singleElement().satisfies(key -> {
            assertThat(key.raw()).startsWith("\ufffd\u0001\u0001Z\u0000").contains("testbucket")
                    .contains("f48cfc12-b34a-4ba8-a849-10785cc33c8a.4190.1");
            assertThat(key.bucket()).isNull();
            assertThat(key.tenant()).isNull();
            assertThat(key.instanceId()).isNull();
            assertThat(key.shard()).isNull();
        });
    }

    @Test
    void it_reads_the_same_command_as_the_summary() {
        assertThat(parser.command()).isEqualTo(new DataSyncStatusParser().command()).isEqualTo("data sync status");
    }
}
