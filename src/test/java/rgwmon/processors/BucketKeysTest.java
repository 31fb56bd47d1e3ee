package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import rgwmon.model.BucketShardKey;

class BucketKeysTest {

    private static final String INSTANCE = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.20";

    @Test
    void bucket_shard_error_name_is_split() {
        assertThat(BucketKeys.errorName("sync-errors:" + INSTANCE + ":8"))
                .isEqualTo(new BucketKeys.Parts("", "sync-errors", INSTANCE, 8, null));
    }

    @Test
    void object_error_name_keeps_everything_after_the_first_slash_after_the_shard() {
        assertThat(BucketKeys.errorName("sync-errors:" + INSTANCE + ":1/dir/sub:dir/a:b.bin"))
                .isEqualTo(new BucketKeys.Parts("", "sync-errors", INSTANCE, 1, "dir/sub:dir/a:b.bin"));
    }

    @Test
    void tenanted_names_carry_the_tenant_before_the_first_slash() {
        assertThat(BucketKeys.errorName("acme/photos:" + INSTANCE + ":3/2019/img:01.jpg"))
                .isEqualTo(new BucketKeys.Parts("acme", "photos", INSTANCE, 3, "2019/img:01.jpg"));
    }

    @Test
    void unsharded_bucket_keys_have_no_shard() {
        assertThat(BucketKeys.errorName("legacy:" + INSTANCE + "/docs/readme.txt"))
                .isEqualTo(new BucketKeys.Parts("", "legacy", INSTANCE, null, "docs/readme.txt"));
    }

    @Test
    void object_names_may_be_empty_or_contain_newlines() {
        assertThat(BucketKeys.errorName("b:" + INSTANCE + ":0/")).extracting(BucketKeys.Parts::object).isEqualTo("");
        assertThat(BucketKeys.errorName("b:" + INSTANCE + ":0/line1\nline2"))
                .extracting(BucketKeys.Parts::object).isEqualTo("line1\nline2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab", "acme/photos", "", ":", "b::1", ":i:1", "b:i:x", "b:i:1:2", "b:i:12345678901",
            "t/b/c:i:1", "b\u0000:i:1", "b:i\ufffd:1"})
    void names_that_are_no_bucket_key_are_not_split(String name) {
        assertThat(BucketKeys.errorName(name)).isNull();
    }

    @Test
    void shard_keys_keep_the_raw_text_and_split_when_they_fit() {
        assertThat(BucketKeys.shardKey("acme/photos:" + INSTANCE + ":0"))
                .isEqualTo(new BucketShardKey("acme/photos:" + INSTANCE + ":0", "acme", "photos", INSTANCE, 0));
        assertThat(BucketKeys.shardKey("buk3:a145516f-4998-4343-9037-9018c9e396d4.4120.3"))
                .isEqualTo(new BucketShardKey("buk3:a145516f-4998-4343-9037-9018c9e396d4.4120.3", "", "buk3",
                        "a145516f-4998-4343-9037-9018c9e396d4.4120.3", null));
    }

    @Test
    void binary_shard_keys_are_kept_raw_without_parts() {
        String garbage = "\ufffd\u0001\u0001Z\u0000\u0000\u0000\n\nG\u0000testbucket\u0000f48cfc12.4190.1\ufffd:\u0002";
        assertThat(BucketKeys.shardKey(garbage)).isEqualTo(new BucketShardKey(garbage, null, null, null, null));
        // an object part is not allowed in a shard key
        assertThat(BucketKeys.shardKey("b:" + INSTANCE + ":1/obj").bucket()).isNull();
    }
}
