package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import rgwmon.model.BucketShardKey;
import rgwmon.model.DataSyncMarker;
import rgwmon.model.DataSyncShardStatus;

/** No real {@code --shard-id} capture exists yet: these run on synthetic outputs of the documented shape. */
class DataSyncShardStatusParserTest {

    private static final String US_EAST_ID = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1";

    private final DataSyncShardStatusParser parser = new DataSyncShardStatusParser();

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
