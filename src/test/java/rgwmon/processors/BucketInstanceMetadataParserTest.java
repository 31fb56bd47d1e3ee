package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import rgwmon.model.BucketInstanceMetadata;

/** Real lab captures around {@code bucket sync disable} (ceph-16.2.15-lab) and synthetic outputs of the same shape. */
class BucketInstanceMetadataParserTest {

    private static final String CAPTURE = "sync-disabled-metadata";
    private static final String INSTANCE = "6a6bfd7f-f00c-4be0-9ec5-01cb68267201.4152.18";

    private final BucketInstanceMetadataParser parser = new BucketInstanceMetadataParser();

    private BucketInstanceMetadata real(String zone, String phase) throws Exception {
        return parser.parse(Fixtures.lab(CAPTURE, zone, "metadata-get__bucket.instance-sync-disabled__" + phase + ".txt"));
    }

    @Test
    void master_shows_flag_8_only_while_bucket_sync_is_disabled() throws Exception {
        assertThat(real("us-east", "before-disable")).isEqualTo(new BucketInstanceMetadata("", "sync-disabled", INSTANCE, 0));
        assertThat(real("us-east", "disabled")).isEqualTo(new BucketInstanceMetadata("", "sync-disabled", INSTANCE, 8));
        assertThat(real("us-east", "disabled").syncDisabled()).isTrue();
        assertThat(real("us-east", "re-enabled").syncDisabled()).isFalse();
    }

    @Test
    void secondary_had_not_pulled_the_flag_yet_so_the_master_is_the_one_to_ask() throws Exception {
        assertThat(real("us-west", "before-disable").syncDisabled()).isFalse();
        assertThat(real("us-west", "disabled").syncDisabled()).isFalse();
        assertThat(real("us-west", "re-enabled").syncDisabled()).isFalse();
    }

    @Test
    void an_unknown_instance_prints_nothing_and_is_rejected_as_empty() {
        assertThat(Fixtures.exitStatus(Fixtures.REAL_LAB.resolve(CAPTURE).resolve("us-east")
                .resolve("metadata-get__bucket.instance-does-not-exist.txt"))).isEqualTo("2");
        assertThatThrownBy(() -> parser.parse(Fixtures.lab(CAPTURE, "us-east", "metadata-get__bucket.instance-does-not-exist.txt")))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessage("cannot parse output of 'radosgw-admin metadata get': empty output");
    }

    @Test
    void bucket_sync_disable_sets_flag_8() throws Exception {
        BucketInstanceMetadata metadata = parser.parse(Fixtures.synthetic("metadata-get",
                "pacific-16.2-bucket-instance-sync-disabled.synthetic.json"));
        assertThat(metadata).isEqualTo(new BucketInstanceMetadata("", "sync-disabled",
                "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.18", 8));
        assertThat(metadata.syncDisabled()).isTrue();
    }

    @Test
    void ordinary_bucket_has_no_flags() throws Exception {
        BucketInstanceMetadata metadata = parser.parse(Fixtures.synthetic("metadata-get",
                "pacific-16.2-bucket-instance.synthetic.json"));
        assertThat(metadata.bucket()).isEqualTo("small-01");
        assertThat(metadata.flags()).isZero();
        assertThat(metadata.syncDisabled()).isFalse();
    }

    @Test
    void the_bucket_entrypoint_is_not_a_bucket_instance() {
        String entrypoint = """
                {
                    "key": "bucket:small-01",
                    "ver": {"tag": "_x", "ver": 1},
                    "mtime": "2026-11-25T13:46:03.199869Z",
                    "data": {"bucket": {"name": "small-01", "marker": "m", "bucket_id": "m", "tenant": ""},
                             "owner": "lab", "creation_time": "2026-11-25T13:46:03.199869Z",
                             "linked": "true", "has_bucket_info": "false"}
                }
                """;
        assertThatThrownBy(() -> parser.parse(entrypoint))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining("'radosgw-admin metadata get': .key: not a bucket instance key")
                .hasMessageContaining("(line 2: ");
    }

    @Test
    void flags_must_be_a_number() {
        String text = Fixtures.synthetic("metadata-get", "pacific-16.2-bucket-instance-sync-disabled.synthetic.json")
                .replace("\"flags\": 8", "\"flags\": \"8\"");
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining(".data.bucket_info.flags: expected an integer, found string \"8\"");
    }
}
