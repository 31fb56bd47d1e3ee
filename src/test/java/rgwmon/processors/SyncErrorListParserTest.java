package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import rgwmon.model.SyncError;
import rgwmon.model.SyncErrorList;
import rgwmon.model.Zone;

class SyncErrorListParserTest {

    private static final String US_EAST_ID = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1";
    private static final String SYNC_ERRORS_INSTANCE = US_EAST_ID + ".4152.20";
    private static final String OBJECT_MESSAGE = "failed to sync object(27) File too large";
    private static final String BUCKET_MESSAGE = "failed to sync bucket instance: (27) File too large";

    private final SyncErrorListParser parser = new SyncErrorListParser();

    @Test
    void errors_on_us_west_are_the_efbig_failures_of_bucket_sync_errors_pulled_from_us_east() throws Exception {
        SyncErrorList list = parser.parse(Fixtures.real("errors", "us-west", "sync-error-list.txt"));

        assertThat(list.shardCount()).isEqualTo(32);
        assertThat(list.entries()).hasSize(10).allSatisfy(error -> {
            assertThat(error.section()).isEqualTo("data");
            assertThat(error.tenant()).isEmpty();
            assertThat(error.bucket()).isEqualTo("sync-errors");
            assertThat(error.bucketInstance()).isEqualTo(SYNC_ERRORS_INSTANCE);
            assertThat(error.errorCode()).isEqualTo(27);
            assertThat(error.sourceZoneId()).isEqualTo(US_EAST_ID);
        });
        // the five 2 MiB objects, each with its index shard, in the object form of the message
        assertThat(list.entries()).filteredOn(e -> e.object() != null)
                .extracting(SyncError::object, SyncError::bucketShard, SyncError::message)
                .containsExactly(
                        tuple("big-02.bin", 1, OBJECT_MESSAGE),
                        tuple("big-01.bin", 8, OBJECT_MESSAGE),
                        tuple("big-03.bin", 7, OBJECT_MESSAGE),
                        tuple("big-04.bin", 3, OBJECT_MESSAGE),
                        tuple("big-00.bin", 2, OBJECT_MESSAGE));
        // and the bucket shards that failed with them, in the bucket-instance form
        assertThat(list.entries()).filteredOn(e -> e.object() == null)
                .extracting(SyncError::bucketShard, SyncError::message)
                .containsExactly(tuple(1, BUCKET_MESSAGE), tuple(8, BUCKET_MESSAGE), tuple(7, BUCKET_MESSAGE),
                        tuple(3, BUCKET_MESSAGE), tuple(2, BUCKET_MESSAGE));
        assertThat(list.entries().get(0)).isEqualTo(new SyncError(1, "1_1795614540.113214_702.1", "data",
                "sync-errors:" + SYNC_ERRORS_INSTANCE + ":1/big-02.bin", "", "sync-errors", SYNC_ERRORS_INSTANCE, 1,
                "big-02.bin", Instant.parse("2026-11-25T13:49:00.113214Z"), US_EAST_ID, 27, OBJECT_MESSAGE));
        assertThat(list.entries()).extracting(SyncError::shardId).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void source_zone_of_the_errors_is_us_east_in_the_period() throws Exception {
        SyncErrorList list = parser.parse(Fixtures.real("errors", "us-west", "sync-error-list.txt"));
        String usEastId = new PeriodParser().parse(Fixtures.real("errors", "us-west", "period-get.txt"))
                .zonegroups().get(0).zones().stream().filter(z -> z.name().equals("us-east"))
                .map(Zone::id).findFirst().orElseThrow();
        assertThat(list.entries()).extracting(SyncError::sourceZoneId).containsOnly(usEastId);
    }

    @Test
    void recovered_still_lists_the_same_entries_until_they_are_trimmed() throws Exception {
        SyncErrorList errors = parser.parse(Fixtures.real("errors", "us-west", "sync-error-list.txt"));
        SyncErrorList recovered = parser.parse(Fixtures.real("recovered", "us-west", "sync-error-list.txt"));
        assertThat(recovered).isEqualTo(errors);
    }

    @ParameterizedTest
    @CsvSource({"caught-up,us-east", "caught-up,us-west", "errors,us-east", "secondary-down-behind,us-west"})
    void clean_zones_list_32_empty_shards(String scenario, String zone) throws Exception {
        SyncErrorList list = parser.parse(Fixtures.real(scenario, zone, "sync-error-list.txt"));
        assertThat(list.shardCount()).isEqualTo(32);
        assertThat(list.entries()).isEmpty();
    }

    @Test
    void octopus_tenanted_bucket_errors_split_tenant_bucket_shard_and_object_with_slashes_and_colons() throws Exception {
        SyncErrorList list = parser.parse(Fixtures.synthetic("sync-error-list",
                "octopus-15.2-sync-error-list-tenanted.synthetic.json"));
        assertThat(list.entries()).extracting(SyncError::shardId, SyncError::tenant, SyncError::bucket,
                        SyncError::bucketShard, SyncError::object, SyncError::timestamp, SyncError::errorCode)
                .containsExactly(
                        tuple(3, "acme", "photos", 3, "2019/12/img:01.jpg",
                                Instant.parse("2019-12-17T19:47:01.457166Z"), 5),
                        tuple(17, "acme", "photos", 3, null, Instant.parse("2019-12-17T19:47:02.000001Z"), 5));
    }

    @Test
    void pre_octopus_timestamps_with_a_space_are_read_and_non_bucket_names_are_not_split() throws Exception {
        SyncErrorList list = parser.parse(Fixtures.synthetic("sync-error-list",
                "nautilus-14.2-sync-error-list.synthetic.json"));
        assertThat(list.entries()).hasSize(3);
        SyncError bucket = list.entries().get(0);
        assertThat(bucket.timestamp()).isEqualTo(Instant.parse("2021-02-26T10:04:50.956965Z"));
        assertThat(bucket.message()).isEqualTo("failed to sync bucket instance: (125) Operation canceled");
        assertThat(bucket.bucketShard()).as("unsharded bucket").isNull();
        assertThat(list.entries().get(1).object()).isEqualTo("docs/readme.txt");
        SyncError user = list.entries().get(2);
        assertThat(user.section()).isEqualTo("user");
        assertThat(user.name()).isEqualTo("lab");
        assertThat(user.tenant()).isNull();
        assertThat(user.bucket()).isNull();
        assertThat(user.bucketInstance()).isNull();
    }

    @Test
    void listing_of_one_shard_has_one_shard() throws Exception {
        SyncErrorList list = parser.parse(Fixtures.synthetic("sync-error-list",
                "pacific-16.2-sync-error-list__shard-id-5.synthetic.json"));
        assertThat(list.shardCount()).isEqualTo(1);
        assertThat(list.entries()).singleElement().extracting(SyncError::shardId).isEqualTo(5);
    }

    @Test
    void a_listing_without_any_shard_is_no_healthy_empty_list() {
        assertThatThrownBy(() -> parser.parse("[]\n"))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining("'radosgw-admin sync error list'")
                .hasMessageContaining("no shards listed");
    }

    @Test
    void a_shard_listed_twice_is_rejected() {
        String twice = "[\n  {\"shard_id\": 0, \"entries\": []},\n  {\"shard_id\": 0, \"entries\": []}\n]";
        assertThatThrownBy(() -> parser.parse(twice))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining("shard 0 listed twice")
                .hasMessageContaining("line 3");
    }
}
