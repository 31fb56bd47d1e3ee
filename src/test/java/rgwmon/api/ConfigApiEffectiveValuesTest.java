package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import rgwmon.store.MonitorSettings;
import rgwmon.store.MonitorStore;

/**
 * GET /api/config shows what the monitor runs with: values given as override properties (the
 * launcher's command-line options) and as -D system properties win over the
 * packaged application.properties, {{placeholders}} are resolved, and secrets stay masked.
 */
class ConfigApiEffectiveValuesTest {

    static final String ADMIN_TOKEN = "admin-token-from-the-command-line";
    /** Only this test sets it, and removes it again: a -D that application.properties does not name. */
    static final String SYSTEM_ONLY_KEY = "rgw.config-api-test.only-as-system-property";

    DefaultCamelContext context;
    ConfigApi api;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setLocation("classpath:application.properties");
        Properties overrides = new Properties();
        overrides.setProperty("rgw.collect.interval-seconds", "42");
        overrides.setProperty("rgw.collect.rest.secret-key", "s3cr3t-key-value");
        properties.setOverrideProperties(overrides);
        // as -Drgw.api.admin.token=… would: the token that works for auth must not show as ""
        System.setProperty("rgw.api.admin.token", ADMIN_TOKEN);
        System.setProperty("rgw.history.retention-hours", "72");
        System.setProperty(SYSTEM_ONLY_KEY, "7");
        MonitorStore store = new MonitorStore(Clock.systemUTC(), MonitorSettings.DEFAULTS);
        api = new ConfigApi(store, new MonitorMetrics(store, 100));
        api.setCamelContext(context);
        context.start();
    }

    @AfterEach
    void stop() {
        System.clearProperty("rgw.api.admin.token");
        System.clearProperty("rgw.history.retention-hours");
        System.clearProperty(SYSTEM_ONLY_KEY);
        context.stop();
    }

    @Test
    void secrets_given_as_system_property_or_override_are_shown_masked_not_empty() {
        Map<String, String> shown = api.view().properties();

        assertThat(shown.get("rgw.api.admin.token")).isEqualTo("********");
        assertThat(shown.get("rgw.collect.rest.secret-key")).isEqualTo("********");
        assertThat(shown.values()).noneMatch(value -> value.contains(ADMIN_TOKEN) || value.contains("s3cr3t"));
    }

    @Test
    void overrides_and_system_properties_win_over_the_file_and_placeholders_are_resolved() {
        Map<String, String> shown = api.view().properties();

        assertThat(shown.get("rgw.collect.interval-seconds")).isEqualTo("42");
        // application.properties: rgw.collect.sync-status.interval-seconds = {{rgw.collect.interval-seconds}}
        assertThat(shown.get("rgw.collect.sync-status.interval-seconds")).isEqualTo("42");
        assertThat(shown.get("rgw.history.retention-hours")).isEqualTo("72");
        assertThat(shown.get(SYSTEM_ONLY_KEY)).isEqualTo("7");
        assertThat(shown.values()).noneMatch(value -> value.contains("{{"));
    }

    @Test
    void an_empty_secret_stays_visibly_empty() {
        Map<String, String> shown = api.view().properties();

        // not configured is worth seeing: it explains a 401 from the push endpoint
        assertThat(shown.get("rgw.push.token")).isEmpty();
    }
}
