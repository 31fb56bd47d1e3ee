package rgwmon.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.collect.CollectorSchedule;
import rgwmon.store.MonitorStore;

/**
 * {@code GET/POST /api/config} (bean {@code configApi}). GET shows the effective {@code rgw.*} and
 * server settings with every secret masked; POST (admin token) changes the settings that can change
 * without a restart and answers with the new view: the store and metrics settings below, and the
 * collection intervals (the collector timers restart with the new period, see
 * {@link CollectorSchedule}). Anything else is refused with 400 naming the key.
 */
public class ConfigApi implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigApi.class);
    private static final Pattern SECRET_KEY = Pattern.compile("(token|secret|password|passwd|access-key|credential)");
    private static final String MASK = "********";
    /** Collection intervals are whole seconds, at least one. */
    private static final int MIN_INTERVAL_SECONDS = 1;

    private final MonitorStore store;
    private final MonitorMetrics metrics;
    private final CollectorSchedule schedule = new CollectorSchedule();
    private CamelContext camelContext;

    /** A setting that can change at runtime: its key, smallest value, how to read and write it. */
    private record RuntimeSetting(String key, int min, ToIntFunction<ConfigApi> current, Applier apply) {
    }

    private interface Applier {
        void apply(ConfigApi api, int value);
    }

    private static final List<RuntimeSetting> RUNTIME = List.of(
            new RuntimeSetting("rgw.sync.behind-after-polls", 1,
                    api -> api.store.settings().behindAfterObservations(),
                    (api, value) -> api.store.updateSettings(s -> s.withBehindAfterObservations(value))),
            new RuntimeSetting("rgw.push.stale-after-seconds", 1,
                    api -> (int) api.store.settings().agentStaleAfter().toSeconds(),
                    (api, value) -> api.store.updateSettings(s -> s.withAgentStaleAfter(Duration.ofSeconds(value)))),
            new RuntimeSetting("rgw.store.stale-after-seconds", 1,
                    api -> (int) api.store.settings().partStaleAfter().toSeconds(),
                    (api, value) -> api.store.updateSettings(s -> s.withPartStaleAfter(Duration.ofSeconds(value)))),
            new RuntimeSetting("rgw.metrics.max-bucket-series", 0,
                    api -> api.metrics.maxBucketSeries(),
                    (api, value) -> api.metrics.setMaxBucketSeries(value)));

    /**
     * @param properties every rgw.*, camel.server.* and camel.metrics.* setting, secrets masked,
     *                   runtime settings at their current value
     * @param runtime    the keys POST /api/config accepts
     */
    public record ConfigView(Map<String, String> properties, List<String> runtime) {
    }

    public ConfigApi(MonitorStore store, MonitorMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public ConfigView view() {
        PropertiesComponent resolver = camelContext.getPropertiesComponent();
        Map<String, String> properties = new TreeMap<>();
        for (String key : shownKeys(resolver)) {
            properties.put(key, mask(key, effectiveValue(resolver, key)));
        }
        for (RuntimeSetting setting : RUNTIME) {
            properties.put(setting.key(), String.valueOf(setting.current().applyAsInt(this)));
        }
        return new ConfigView(properties, runtimeKeys());
    }

    private List<String> runtimeKeys() {
        List<String> keys = new ArrayList<>(RUNTIME.stream().map(RuntimeSetting::key).toList());
        keys.addAll(schedule.intervalKeys(camelContext));
        return keys;
    }

    private static boolean shown(String key) {
        return key.startsWith("rgw.") || key.startsWith("camel.server.") || key.startsWith("camel.metrics.");
    }

    /**
     * The keys Camel loads (properties files, initial and override properties such as the launcher's
     * options), plus -D system properties of the shown prefixes. An environment variable (RGW_API_ADMIN_TOKEN)
     * changes the value of a known key; its name alone cannot tell dots from dashes, so it adds none.
     */
    private static Set<String> shownKeys(PropertiesComponent resolver) {
        Set<String> keys = new TreeSet<>(resolver.loadProperties(ConfigApi::shown).stringPropertyNames());
        System.getProperties().stringPropertyNames().stream().filter(ConfigApi::shown).forEach(keys::add);
        return keys;
    }

    /**
     * What the monitor runs with: Camel resolves the key as the routes and beans see it (override
     * properties, then -D and environment over the files, nested {{placeholders}} resolved).
     */
    private static String effectiveValue(PropertiesComponent resolver, String key) {
        try {
            return resolver.resolveProperty(key).orElse("");
        } catch (RuntimeException unresolvable) {
            // e.g. a placeholder naming a key nobody set: say so instead of failing the whole view
            return "(unresolvable: " + unresolvable.getMessage() + ")";
        }
    }

    /** Validates every key and value first, then applies them all. */
    public ConfigView update(Map<String, Object> changes) throws Exception {
        if (changes == null || changes.isEmpty()) {
            throw new ApiException(400, "$", "expected a JSON object of setting → value, e.g. {\"rgw.sync.behind-after-polls\": 3}");
        }
        Set<String> intervalKeys = schedule.intervalKeys(camelContext);
        Map<RuntimeSetting, Integer> accepted = new LinkedHashMap<>();
        Map<String, Integer> intervals = new LinkedHashMap<>();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String key = change.getKey();
            if (intervalKeys.contains(key)) {
                intervals.put(key, integer(key, MIN_INTERVAL_SECONDS, change.getValue()));
                continue;
            }
            RuntimeSetting setting = RUNTIME.stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new ApiException(400, key, key
                            + ": not changeable at runtime; set it in application.properties and restart. Changeable: "
                            + runtimeKeys()));
            accepted.put(setting, integer(key, setting.min(), change.getValue()));
        }
        accepted.forEach((setting, value) -> {
            setting.apply().apply(this, value);
            LOG.info("setting {} changed to {} through POST /api/config", setting.key(), value);
        });
        if (!intervals.isEmpty()) {
            List<String> rescheduled = schedule.change(camelContext, intervals);
            LOG.info("collection intervals {} changed through POST /api/config; timers given a new period: {}",
                    intervals, rescheduled);
        }
        return view();
    }

    private static int integer(String key, int min, Object value) {
        try {
            int parsed = value instanceof Number number && number.doubleValue() == number.intValue()
                    ? number.intValue() : Integer.parseInt(String.valueOf(value).trim());
            if (parsed < min) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ApiException(400, key, key + ": must be an integer of at least " + min);
        }
    }

    /** Secrets never leave the process: keys naming a token, secret, password or key are masked. */
    static String mask(String key, String value) {
        if (value == null || value.isEmpty() || !SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find()) {
            return value;
        }
        if (key.equals("rgw.push.token")) {
            // show which zones have a token, not the tokens
            StringBuilder zones = new StringBuilder();
            for (String pair : value.split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    zones.append(zones.isEmpty() ? "" : ",").append(pair, 0, colon).append(':').append(MASK);
                }
            }
            return zones.toString();
        }
        return MASK;
    }
}
