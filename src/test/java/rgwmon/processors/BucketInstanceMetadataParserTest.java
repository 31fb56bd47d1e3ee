package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import rgwmon.model.BucketInstanceMetadata;

/** No real capture yet (a later lab task adds one): synthetic outputs in the Pacific RGWBucketInfo shape. */
class BucketInstanceMetadataParserTest {

    private final BucketInstanceMetadataParser parser = new BucketInstanceMetadataParser();

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
