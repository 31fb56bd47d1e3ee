package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CephJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void octopus_and_later_utime_is_iso_with_zulu() {
        assertThat(CephJson.utime("2019-12-17T19:47:01.457166Z")).isEqualTo(Instant.parse("2019-12-17T19:47:01.457166Z"));
    }

    @Test
    void pre_octopus_utime_has_a_space_instead_of_t() {
        assertThat(CephJson.utime("2021-02-26 10:04:50.956965Z")).isEqualTo(Instant.parse("2021-02-26T10:04:50.956965Z"));
    }

    @Test
    void nautilus_mtime_without_zone_is_utc() {
        assertThat(CephJson.utime("2019-10-18 08:07:33.331855")).isEqualTo(Instant.parse("2019-10-18T08:07:33.331855Z"));
    }

    @Test
    void current_time_without_fraction_and_text_timestamps_with_offset_are_read() {
        assertThat(CephJson.utime("2024-02-12T17:19:24Z")).isEqualTo(Instant.parse("2024-02-12T17:19:24Z"));
        assertThat(CephJson.utime("2024-04-18T13:09:04.446175+0000")).isEqualTo(Instant.parse("2024-04-18T13:09:04.446175Z"));
        assertThat(CephJson.utime("2019-12-17T14:47:01.457166-0500")).isEqualTo(Instant.parse("2019-12-17T19:47:01.457166Z"));
        assertThat(CephJson.utime("2019-12-17T14:47:01.457166-05:00")).isEqualTo(Instant.parse("2019-12-17T19:47:01.457166Z"));
        assertThat(CephJson.utime("2022-06-16T12:34:56.123456789Z")).isEqualTo(Instant.parse("2022-06-16T12:34:56.123456789Z"));
    }

    @Test
    void zero_utime_means_unset() {
        assertThat(CephJson.utime("0.000000")).isNull();
    }

    @Test
    void small_utime_is_seconds_since_the_epoch_as_ceph_prints_it() {
        assertThat(CephJson.utime("12.500000")).isEqualTo(Instant.ofEpochSecond(12, 500_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "now", "2026-13-01T00:00:00Z", "2026-02-30 10:00:00Z", "2026-11-25T25:00:00Z",
            "2026-11-25", "2017-03-22 10:20:00.0.881361s", "0", "2026-11-25T13:46:07.380809Z junk", " 0.000000"})
    void anything_else_is_not_a_timestamp(String text) {
        assertThatThrownBy(() -> CephJson.utime(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booleans_are_real_from_reef_and_strings_before() throws Exception {
        assertThat(CephJson.bool(json("true"))).isTrue();
        assertThat(CephJson.bool(json("false"))).isFalse();
        assertThat(CephJson.bool(json("\"true\""))).isTrue();
        assertThat(CephJson.bool(json("\"false\""))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"True\"", "\"yes\"", "1", "0", "\"\"", "null", "{}"})
    void other_values_are_not_booleans(String text) {
        assertThatThrownBy(() -> CephJson.bool(json(text))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integers_are_signed_64_bit_and_uint64_wraps_to_its_signed_meaning() throws Exception {
        assertThat(CephJson.integer(json("400"))).isEqualTo(400);
        assertThat(CephJson.integer(json("-1"))).isEqualTo(-1);
        assertThat(CephJson.integer(json("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        // an underflowed uint64 counter (bucket stats after an accounting bug)
        assertThat(CephJson.integer(json("18446744073709551615"))).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551616", "-9223372036854775809", "1.5", "1e3", "\"400\"", "true", "null"})
    void other_values_are_not_integers(String text) {
        assertThatThrownBy(() -> CephJson.integer(json(text))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void small_integers_must_fit_an_int() throws Exception {
        assertThat(CephJson.smallInteger(json("128"))).isEqualTo(128);
        assertThatThrownBy(() -> CephJson.smallInteger(json("2147483648")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> CephJson.smallInteger(json("\"1\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected an integer");
    }
}
