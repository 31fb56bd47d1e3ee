package rgwmon.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.util.TimeUtils;

/**
 * The zone agent's beans, registered by name for the agent routes (agent-routes/). Loaded only
 * for the agent role, next to {@code rgwmon.RgwMonitorConfiguration} (exec route and parsers).
 * Every tunable is an {@code rgw.agent.*} key of application.properties.
 */
public class AgentConfiguration implements CamelConfiguration {

    // Beans of common types (ObjectMapper, Clock) are injected by name: other roles' configuration
    // classes, loaded next to this one, register their own.

    /**
     * The spool decides when a push is repeated: httpclient's own retry (it re-sends a POST
     * answered 503, after a second) would hide failures from the backoff and send twice.
     */
    @Override
    public void configure(CamelContext camelContext) {
        for (String scheme : new String[] {"http", "https"}) {
            camelContext.getComponent(scheme, HttpComponent.class).setAutomaticRetriesDisabled(true);
        }
    }

    /** Reports go out as the primary reads them: ISO-8601 timestamps, camelCase record fields. */
    @BindToRegistry
    public ObjectMapper agentObjectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @BindToRegistry
    public Clock agentClock() {
        return Clock.systemUTC();
    }

    @BindToRegistry
    public BucketSelector bucketSelector(
            @PropertyInject("rgw.agent.max-buckets") String maxBuckets,
            @PropertyInject("rgw.agent.rotation-share") String rotationShare) {
        double share = number("rgw.agent.rotation-share", rotationShare, "a share between 0 and 1");
        if (!(share >= 0 && share <= 1)) {
            throw new InvalidSettingException("rgw.agent.rotation-share", rotationShare, "a share between 0 and 1");
        }
        return new BucketSelector(atLeastOne("rgw.agent.max-buckets", maxBuckets), share);
    }

    @BindToRegistry
    public PrimaryHints primaryHints(@BeanInject("agentObjectMapper") ObjectMapper agentObjectMapper) {
        return new PrimaryHints(agentObjectMapper);
    }

    @BindToRegistry
    public AgentCollector agentCollector(
            @PropertyInject(value = "rgw.agent.zone", defaultValue = "") String zone,
            @PropertyInject("rgw.agent.recent-error-window") String recentErrorWindow,
            @PropertyInject("rgw.agent.max-shard-details") String maxShardDetails,
            @PropertyInject("rgw.agent.compare-source-bucket-stats") String compareSourceBucketStats,
            @PropertyInject("rgw.agent.read-source-datalog") String readSourceDatalog,
            BucketSelector bucketSelector, PrimaryHints primaryHints, @BeanInject("agentClock") Clock agentClock) {
        return new AgentCollector(new AgentCollector.Settings(zone, agentVersion(),
                duration("rgw.agent.recent-error-window", recentErrorWindow),
                (int) wholeNumber("rgw.agent.max-shard-details", maxShardDetails, 0),
                flag("rgw.agent.compare-source-bucket-stats", compareSourceBucketStats),
                flag("rgw.agent.read-source-datalog", readSourceDatalog)), bucketSelector, primaryHints, agentClock);
    }

    @BindToRegistry
    public RadosgwCallArgs agentArgs() {
        return new RadosgwCallArgs();
    }

    /** Bounds the parallel radosgw-admin calls of a cycle (split EIPs refer to it by name). */
    @BindToRegistry
    public ExecutorService agentExecutor(CamelContext camelContext,
                                         @PropertyInject("rgw.agent.concurrency") String concurrency) {
        return camelContext.getExecutorServiceManager().newFixedThreadPool(this, "agent-radosgw-admin",
                atLeastOne("rgw.agent.concurrency", concurrency));
    }

    @BindToRegistry
    public AgentToken agentToken(
            @PropertyInject(value = "rgw.agent.token", defaultValue = "") String token,
            @PropertyInject(value = "rgw.agent.token-file", defaultValue = "") String tokenFile) {
        return new AgentToken(token, tokenFile);
    }

    @BindToRegistry
    public PushRequest pushRequest(AgentToken agentToken,
                                   @PropertyInject("rgw.agent.push.gzip-min-bytes") String gzipMinBytes) {
        return new PushRequest(agentToken, (int) wholeNumber("rgw.agent.push.gzip-min-bytes", gzipMinBytes, 0));
    }

    @BindToRegistry
    public ReportSpool reportSpool(
            @PropertyInject("rgw.agent.spool.dir") String dir,
            @PropertyInject("rgw.agent.spool.max-bytes") String maxBytes,
            @PropertyInject("rgw.agent.spool.max-age") String maxAge,
            @BeanInject("agentClock") Clock agentClock) {
        return new ReportSpool(Path.of(dir), wholeNumber("rgw.agent.spool.max-bytes", maxBytes, 1),
                positiveDuration("rgw.agent.spool.max-age", maxAge), agentClock);
    }

    @BindToRegistry
    public ReportDelivery reportDelivery(CamelContext camelContext, ReportSpool reportSpool, PrimaryHints primaryHints,
                                         @BeanInject("agentObjectMapper") ObjectMapper agentObjectMapper,
                                         @PropertyInject("rgw.agent.push.backoff-initial") String backoffInitial,
                                         @PropertyInject("rgw.agent.push.backoff-max") String backoffMax,
                                         @BeanInject("agentClock") Clock agentClock) {
        return new ReportDelivery(camelContext, reportSpool, primaryHints, agentObjectMapper,
                positiveDuration("rgw.agent.push.backoff-initial", backoffInitial),
                positiveDuration("rgw.agent.push.backoff-max", backoffMax), agentClock);
    }

    @BindToRegistry
    public ReportPrinter reportPrinter(@BeanInject("agentObjectMapper") ObjectMapper agentObjectMapper) {
        return new ReportPrinter(agentObjectMapper, System.out);
    }

    static String agentVersion() {
        String version = AgentConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    // --- settings read as text and checked here, so a bad value names its key (InvalidSettingException)

    private static final Pattern DURATION = Pattern.compile("\\d+|(\\d+(d|h|m|s|ms))+");
    private static final String DURATION_FORMS = "a duration such as 500ms, 30s, 5m, 1h30m, 2d (a bare number is milliseconds)";

    /** Durations as Camel writes them: "500ms", "5s", "1m30s", "24h"; a bare number is milliseconds. */
    static Duration duration(String key, String text) {
        String value = text == null ? "" : text.trim();
        if (!DURATION.matcher(value).matches()) {
            throw new InvalidSettingException(key, value, DURATION_FORMS);
        }
        return Duration.ofMillis(TimeUtils.toMilliSeconds(value));
    }

    static Duration positiveDuration(String key, String text) {
        Duration duration = duration(key, text);
        if (duration.isZero()) {
            throw new InvalidSettingException(key, text, "a positive " + DURATION_FORMS);
        }
        return duration;
    }

    static long wholeNumber(String key, String text, long min) {
        long value;
        try {
            value = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, text, "a whole number of at least " + min);
        }
        if (value < min) {
            throw new InvalidSettingException(key, text, "a whole number of at least " + min);
        }
        return value;
    }

    static int atLeastOne(String key, String text) {
        long value = wholeNumber(key, text, 1);
        if (value > Integer.MAX_VALUE) {
            throw new InvalidSettingException(key, text, "a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    static double number(String key, String text, String expected) {
        try {
            return Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, text, expected);
        }
    }

    static boolean flag(String key, String text) {
        String value = text == null ? "" : text.trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(key, text, "true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
