package rgwmon.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

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
            @PropertyInject("rgw.agent.max-buckets") int maxBuckets,
            @PropertyInject("rgw.agent.rotation-share") double rotationShare) {
        return new BucketSelector(maxBuckets, rotationShare);
    }

    @BindToRegistry
    public PrimaryHints primaryHints(@BeanInject("agentObjectMapper") ObjectMapper agentObjectMapper) {
        return new PrimaryHints(agentObjectMapper);
    }

    @BindToRegistry
    public AgentCollector agentCollector(
            @PropertyInject(value = "rgw.agent.zone", defaultValue = "") String zone,
            @PropertyInject("rgw.agent.recent-error-window") String recentErrorWindow,
            @PropertyInject("rgw.agent.max-shard-details") int maxShardDetails,
            @PropertyInject("rgw.agent.compare-source-bucket-stats") boolean compareSourceBucketStats,
            @PropertyInject("rgw.agent.read-source-datalog") boolean readSourceDatalog,
            BucketSelector bucketSelector, PrimaryHints primaryHints, @BeanInject("agentClock") Clock agentClock) {
        return new AgentCollector(new AgentCollector.Settings(zone, agentVersion(), duration(recentErrorWindow),
                maxShardDetails, compareSourceBucketStats, readSourceDatalog), bucketSelector, primaryHints, agentClock);
    }

    @BindToRegistry
    public RadosgwCallArgs agentArgs() {
        return new RadosgwCallArgs();
    }

    /** Bounds the parallel radosgw-admin calls of a cycle (split EIPs refer to it by name). */
    @BindToRegistry
    public ExecutorService agentExecutor(CamelContext camelContext,
                                         @PropertyInject("rgw.agent.concurrency") int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("rgw.agent.concurrency must be at least 1, was " + concurrency);
        }
        return camelContext.getExecutorServiceManager().newFixedThreadPool(this, "agent-radosgw-admin", concurrency);
    }

    @BindToRegistry
    public AgentToken agentToken(
            @PropertyInject(value = "rgw.agent.token", defaultValue = "") String token,
            @PropertyInject(value = "rgw.agent.token-file", defaultValue = "") String tokenFile) {
        return new AgentToken(token, tokenFile);
    }

    @BindToRegistry
    public PushRequest pushRequest(AgentToken agentToken,
                                   @PropertyInject("rgw.agent.push.gzip-min-bytes") int gzipMinBytes) {
        return new PushRequest(agentToken, gzipMinBytes);
    }

    @BindToRegistry
    public ReportSpool reportSpool(
            @PropertyInject("rgw.agent.spool.dir") String dir,
            @PropertyInject("rgw.agent.spool.max-bytes") long maxBytes,
            @PropertyInject("rgw.agent.spool.max-age") String maxAge,
            @BeanInject("agentClock") Clock agentClock) {
        return new ReportSpool(Path.of(dir), maxBytes, duration(maxAge), agentClock);
    }

    @BindToRegistry
    public ReportDelivery reportDelivery(CamelContext camelContext, ReportSpool reportSpool, PrimaryHints primaryHints,
                                         @BeanInject("agentObjectMapper") ObjectMapper agentObjectMapper,
                                         @PropertyInject("rgw.agent.push.backoff-initial") String backoffInitial,
                                         @PropertyInject("rgw.agent.push.backoff-max") String backoffMax,
                                         @BeanInject("agentClock") Clock agentClock) {
        return new ReportDelivery(camelContext, reportSpool, primaryHints, agentObjectMapper,
                duration(backoffInitial), duration(backoffMax), agentClock);
    }

    @BindToRegistry
    public ReportPrinter reportPrinter(@BeanInject("agentObjectMapper") ObjectMapper agentObjectMapper) {
        return new ReportPrinter(agentObjectMapper, System.out);
    }

    static String agentVersion() {
        String version = AgentConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Durations as Camel writes them: "500ms", "5s", "1m30s", "24h"; a bare number is milliseconds. */
    static Duration duration(String text) {
        return Duration.ofMillis(TimeUtils.toMilliSeconds(text.trim()));
    }
}
