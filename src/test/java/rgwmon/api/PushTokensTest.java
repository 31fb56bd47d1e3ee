package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PushTokensTest {

    @Test
    void a_token_authenticates_only_its_own_zone() {
        PushTokens tokens = PushTokens.parse(" us-west:abc:def-0123456789abcdef , us-west-2:other-0123456789abcdef ");
        assertThat(tokens.zoneOf("abc:def-0123456789abcdef")).contains("us-west");
        assertThat(tokens.zoneOf("other-0123456789abcdef")).contains("us-west-2");
        assertThat(tokens.zoneOf("abc:def-0123456789abcde")).isEmpty();
        assertThat(tokens.zoneOf(null)).isEmpty();
        assertThat(tokens.zones()).containsExactlyInAnyOrder("us-west", "us-west-2");
        assertThat(tokens.toString()).doesNotContain("0123456789");
    }

    @Test
    void no_tokens_means_no_zone_and_a_malformed_entry_is_refused() {
        assertThat(PushTokens.parse("").isEmpty()).isTrue();
        assertThat(PushTokens.parse(null).zoneOf("anything")).isEmpty();
        assertThatThrownBy(() -> PushTokens.parse("us-west")).hasMessageContaining("zone:token");
        assertThatThrownBy(() -> PushTokens.parse("us-west:")).hasMessageContaining("zone:token");
        assertThatThrownBy(() -> PushTokens.parse("a:x-0123456789abcdef,a:y-0123456789abcdef")).hasMessageContaining("twice");
    }

    @Test
    void config_masking_shows_zones_but_no_secret() {
        assertThat(ConfigApi.mask("rgw.push.token", "us-west:abc,us-east2:def")).isEqualTo("us-west:********,us-east2:********");
        assertThat(ConfigApi.mask("rgw.api.admin.token", "s3cret")).isEqualTo("********");
        assertThat(ConfigApi.mask("rgw.rest.secret-key", "s3cret")).isEqualTo("********");
        assertThat(ConfigApi.mask("rgw.rest.access-key", "AKIA")).isEqualTo("********");
        assertThat(ConfigApi.mask("rgw.api.admin.token", "")).isEmpty();
        assertThat(ConfigApi.mask("rgw.history.path", "./data/history")).isEqualTo("./data/history");
    }
}
