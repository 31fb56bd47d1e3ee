package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.UsageCategory;

class BucketStatsParserTest {

    private final BucketStatsParser parser = new BucketStatsParser();

    private Map<String, BucketStats> byName(String scenario, String zone) throws Exception {
        return parser.parse(Fixtures.real(scenario, zone, "bucket-stats.txt")).buckets().stream()
                .collect(Collectors.toMap(BucketStats::qualifiedName, Function.identity()));
    }

    private BucketStats one(String scenario, String zone, String file) throws Exception {
        BucketStatsList list = parser.parse(Fixtures.real(scenario, zone, file));
        assertThat(list.buckets()).hasSize(1);
        return list.buckets().get(0);
    }

    @Test
    void secondary_down_behind_us_west_still_has_the_old_object_counts() throws Exception {
        BucketStats east = one("secondary-down-behind", "us-east", "bucket-stats__bucket-many-objects.txt");
        BucketStats west = one("secondary-down-behind", "us-west", "bucket-stats__bucket-many-objects.txt");
        assertThat(east.numObjects()).isEqualTo(3400);
        assertThat(east.sizeBytes()).isEqualTo(1839340);
        assertThat(east.sizeActualBytes()).isEqualTo(13926400);
        assertThat(west.numObjects()).isEqualTo(400);
        assertThat(west.sizeBytes()).isEqualTo(213400);
        // same bucket instance on both zones: only the index stats differ
        assertThat(west.id()).isEqualTo(east.id()).isEqualTo("a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.14");
    }

    @Test
    void bucket_created_while_us_west_was_down_is_missing_there() throws Exception {
        Map<String, BucketStats> east = byName("secondary-down-behind", "us-east");
        Map<String, BucketStats> west = byName("secondary-down-behind", "us-west");
        assertThat(east).hasSize(21).containsKey("created-while-down");
        assertThat(east.get("created-while-down").numObjects()).isEqualTo(20);
        assertThat(west).hasSize(20).doesNotContainKey("created-while-down");
        assertThat(east.get("small-05").numObjects()).isEqualTo(108);
        assertThat(west.get("small-05").numObjects()).isEqualTo(8);
        assertThat(east.get("small-10").numObjects()).isEqualTo(79);
        assertThat(west.get("small-10").numObjects()).isEqualTo(89);
    }

    @ParameterizedTest
    @CsvSource({"secondary-down-behind,bucket-stats__bucket-created-while-down.txt",
            "catching-up,bucket-stats__bucket-created-while-down__format-json.txt"})
    void asking_us_west_for_the_missing_bucket_fails_with_empty_output(String scenario, String file) {
        assertThat(Fixtures.exitStatus(Fixtures.REAL.resolve(scenario).resolve("us-west").resolve(file))).isEqualTo("210");
        assertThatThrownBy(() -> parser.parse(Fixtures.real(scenario, "us-west", file)))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessage("cannot parse output of 'radosgw-admin bucket stats': empty output");
    }

    @Test
    void every_count_agrees_with_the_s3_listing_on_us_east_except_versions() throws Exception {
        Map<String, BucketStats> east = byName("secondary-down-behind", "us-east");
        for (String line : Fixtures.read(Fixtures.REAL.resolve("secondary-down-behind/s3-object-counts.tsv"))
                .lines().skip(1).toList()) {
            String[] columns = line.split("\t");
            long expected = Long.parseLong(columns[1]);
            if (columns[0].equals("versioned")) {
                // S3 lists current objects, the index counts every version
                assertThat(east.get("versioned").numObjects()).isGreaterThan(expected);
            } else {
                assertThat(east.get(columns[0]).numObjects()).as(columns[0]).isEqualTo(expected);
            }
        }
    }

    @Test
    void sync_disabled_bucket_stops_at_10_objects_on_us_west_while_sync_forbidden_replicates() throws Exception {
        Map<String, BucketStats> east = byName("sync-disabled-bucket", "us-east");
        Map<String, BucketStats> west = byName("sync-disabled-bucket", "us-west");
        assertThat(east.get("sync-disabled").numObjects()).isEqualTo(35);
        assertThat(west.get("sync-disabled").numObjects()).isEqualTo(10);
        assertThat(east.get("sync-forbidden").numObjects()).isEqualTo(35);
        assertThat(west.get("sync-forbidden").numObjects()).isEqualTo(35);
    }

    @Test
    void empty_bucket_has_empty_usage_and_zero_counts() throws Exception {
        BucketStats empty = one("caught-up", "us-east", "bucket-stats__bucket-empty-1.txt");
        assertThat(empty.usage()).isEmpty();
        assertThat(empty.numObjects()).isZero();
        assertThat(empty.sizeBytes()).isZero();
        assertThat(empty.sizeActualBytes()).isZero();
    }

    @Test
    void single_bucket_fields_are_read_from_pacific_output() throws Exception {
        BucketStats versioned = one("caught-up", "us-east", "bucket-stats__bucket-versioned.txt");
        assertThat(versioned.bucket()).isEqualTo("versioned");
        assertThat(versioned.tenant()).isEmpty();
        assertThat(versioned.qualifiedName()).isEqualTo("versioned");
        assertThat(versioned.numShards()).isEqualTo(11);
        assertThat(versioned.zonegroupId()).isEqualTo("e2e42d03-c084-46c9-9d8b-4b236397b9bd");
        assertThat(versioned.owner()).isEqualTo("lab");
        assertThat(versioned.mtime()).isEqualTo(Instant.parse("2026-11-25T13:46:09.906988Z"));
        assertThat(versioned.creationTime()).isEqualTo(Instant.parse("2026-11-25T13:46:09.870488Z"));
        assertThat(versioned.numObjects()).isEqualTo(30);
        assertThat(versioned.usage()).containsExactly(Map.entry("rgw.main", new UsageCategory(30, 14235, 122880, 14235)));
    }

    @Test
    void multipart_bucket_keeps_every_usage_category_but_counts_rgw_main() throws Exception {
        BucketStats multipart = one("caught-up", "us-east", "bucket-stats__bucket-multipart.txt");
        assertThat(multipart.usage()).containsOnlyKeys("rgw.main", "rgw.multimeta");
        assertThat(multipart.numObjects()).isEqualTo(2);
        assertThat(multipart.sizeBytes()).isEqualTo(20971520);
    }

    @Test
    void list_of_all_buckets_and_the_single_bucket_answer_agree() throws Exception {
        BucketStats single = one("caught-up", "us-east", "bucket-stats__bucket-many-objects.txt");
        assertThat(byName("caught-up", "us-east").get("many-objects")).isEqualTo(single);
    }

    @Test
    void nautilus_output_has_no_shards_tenant_or_creation_time_and_a_space_in_mtime() throws Exception {
        BucketStatsList list = parser.parse(Fixtures.synthetic("bucket-stats", "nautilus-14.2-bucket-stats.synthetic.json"));
        assertThat(list.buckets()).hasSize(2);
        BucketStats legacy = list.buckets().get(0);
        assertThat(legacy.numShards()).isNull();
        assertThat(legacy.tenant()).isNull();
        assertThat(legacy.qualifiedName()).isEqualTo("legacy");
        assertThat(legacy.creationTime()).isNull();
        assertThat(legacy.mtime()).isEqualTo(Instant.parse("2019-10-18T08:07:33.331855Z"));
        assertThat(legacy.numObjects()).isEqualTo(12);
        assertThat(list.buckets().get(1).numObjects()).isZero();
    }

    @Test
    void reef_output_with_new_keys_real_booleans_and_a_tenant_is_read() throws Exception {
        BucketStats photos = parser.parse(Fixtures.synthetic("bucket-stats",
                "reef-18.2-bucket-stats__bucket-acme-photos.synthetic.json")).buckets().get(0);
        assertThat(photos.qualifiedName()).isEqualTo("acme/photos");
        assertThat(photos.numShards()).isEqualTo(23);
        assertThat(photos.id()).isNotEqualTo(photos.marker());
        assertThat(photos.owner()).isEqualTo("acme$alice");
        assertThat(photos.numObjects()).isEqualTo(1000);
        assertThat(photos.sizeBytes()).isEqualTo(4096000);
        assertThat(photos.usage().get("rgw.main").sizeUtilized()).isEqualTo(1024000);
        assertThat(photos.usage().get("rgw.multimeta").numObjects()).isEqualTo(3);
    }

    @Test
    void an_empty_array_is_a_valid_answer_with_no_buckets() throws Exception {
        assertThat(parser.parse(Fixtures.synthetic("bucket-stats", "pacific-16.2-bucket-stats-no-buckets.synthetic.json"))
                .buckets()).isEmpty();
    }

    @Test
    void an_underflowed_uint64_count_reads_as_negative_not_as_a_huge_or_clamped_number() throws Exception {
        String text = Fixtures.real("caught-up", "us-east", "bucket-stats__bucket-many-objects.txt")
                .replace("\"num_objects\": 400", "\"num_objects\": 18446744073709551615");
        assertThat(parser.parse(text).buckets().get(0).numObjects()).isEqualTo(-1);
    }

    @Test
    void an_unknown_mtime_form_is_null_while_a_bad_creation_time_is_an_error() throws Exception {
        String text = Fixtures.real("caught-up", "us-east", "bucket-stats__bucket-many-objects.txt");
        assertThat(parser.parse(text.replace("\"mtime\": \"2026-11-25T13:46:08.152463Z\"", "\"mtime\": \"yesterday\""))
                .buckets().get(0).mtime()).isNull();
        assertThatThrownBy(() -> parser.parse(text.replace("\"creation_time\": \"2026-11-25T13:46:08.146486Z\"",
                "\"creation_time\": \"yesterday\"")))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining(".creation_time: expected a Ceph timestamp")
                .hasMessageContaining("(line 19: \"    \"creation_time\": \"yesterday\",\")");
    }

    @ParameterizedTest
    @CsvSource({"us-east", "us-west"})
    void mon_down_output_is_rejected_as_empty(String zone) {
        assertThatThrownBy(() -> parser.parse(Fixtures.real("mon-down", zone,
                "bucket-stats__bucket-small-01__client_mount_timeout-15.txt")))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining("empty output");
    }
}
