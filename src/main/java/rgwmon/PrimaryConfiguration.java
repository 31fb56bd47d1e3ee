package rgwmon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.PropertyInject;

import com.fasterxml.jackson.databind.ObjectMapper;

import rgwmon.api.AdminAuth;
import rgwmon.api.ApiErrorResponse;
import rgwmon.api.ConfigApi;
import rgwmon.api.EventStream;
import rgwmon.api.JsonMapper;
import rgwmon.api.MonitorApi;
import rgwmon.api.MonitorMetrics;
import rgwmon.api.PushTokens;
import rgwmon.api.RequireBody;
import rgwmon.api.ServerVertx;
import rgwmon.api.WebRoutes;
import rgwmon.api.ZoneAgentPush;
import rgwmon.history.SnapshotHistory;
import rgwmon.processors.ZoneReportValidator;
import rgwmon.store.MonitorSettings;
import rgwmon.store.MonitorStore;

/**
 * The primary's beans: the aggregation store, its history, the API, the push endpoint, metrics and
 * the web routes (dashboard, SSE). Routes in routes/ refer to them by name. Shared beans are built
 * once here (not looked up by type), so the order Camel binds them in does not matter. Nothing
 * opens a file or a socket when constructed: the history database opens on first use, and the web
 * routes mount once Camel has started, only when an HTTP server runs (not in the agent role).
 */
public class PrimaryConfiguration implements CamelConfiguration {

    @PropertyInject(value = "rgw.role", defaultValue = "primary")
    private String role;
    @PropertyInject(value = "camel.server.enabled", defaultValue = "false")
    private boolean httpServer;
    @PropertyInject(value = "rgw.demo", defaultValue = "false")
    private boolean demo;
    @PropertyInject("rgw.sync.behind-after-polls")
    private int behindAfterPolls;
    @PropertyInject("rgw.push.stale-after-seconds")
    private long agentStaleAfterSeconds;
    @PropertyInject("rgw.store.stale-after-seconds")
    private long partStaleAfterSeconds;
    @PropertyInject("rgw.store.max-buckets")
    private int maxBuckets;
    @PropertyInject("rgw.errors.max-per-zone")
    private int maxErrorsPerZone;
    @PropertyInject("rgw.history.path")
    private String historyPath;
    @PropertyInject("rgw.history.retention-hours")
    private long retentionHours;
    @PropertyInject("rgw.history.max-bucket-rows-per-sample")
    private int maxBucketRowsPerSample;
    @PropertyInject("rgw.history.bucket-refresh-minutes")
    private long bucketRefreshMinutes;
    @PropertyInject(value = "rgw.push.token", defaultValue = "")
    private String pushTokenSpec;
    @PropertyInject("rgw.push.max-bytes")
    private long maxPushBytes;
    @PropertyInject("rgw.push.max-clock-skew-seconds")
    private long maxClockSkewSeconds;
    @PropertyInject("rgw.push.max-errors")
    private int maxPushedErrors;
    @PropertyInject(value = "rgw.api.admin.token", defaultValue = "")
    private String adminToken;
    @PropertyInject("rgw.api.events.max-clients")
    private int maxEventClients;
    @PropertyInject("rgw.api.events.keep-alive-seconds")
    private long eventKeepAliveSeconds;
    @PropertyInject("rgw.metrics.max-bucket-series")
    private int maxBucketSeries;

    private final Clock clock = Clock.systemUTC();
    private MonitorStore store;
    private SnapshotHistory history;
    private PushTokens tokens;
    private MonitorMetrics metrics;
    private EventStream events;

    /** The one place state lives; collectors and the push endpoint write, the API reads snapshots. */
    @BindToRegistry
    public synchronized MonitorStore monitorStore() {
        if (store == null) {
            store = new MonitorStore(clock, new MonitorSettings(behindAfterPolls,
                    Duration.ofSeconds(agentStaleAfterSeconds), Duration.ofSeconds(partStaleAfterSeconds),
                    maxBuckets, maxErrorsPerZone));
            store.expectAgents(pushTokens().zones());
        }
        return store;
    }

    @BindToRegistry(destroyMethod = "close")
    public synchronized SnapshotHistory snapshotHistory() {
        if (history == null) {
            history = new SnapshotHistory(monitorStore(), Path.of(historyPath), Duration.ofHours(retentionHours),
                    maxBucketRowsPerSample, Duration.ofMinutes(bucketRefreshMinutes), clock);
        }
        return history;
    }

    /** ISO timestamps, records; used by every API route and the push endpoint. */
    @BindToRegistry
    public ObjectMapper jsonMapper() {
        return JsonMapper.create();
    }

    @BindToRegistry
    public synchronized PushTokens pushTokens() {
        if (tokens == null) {
            tokens = PushTokens.parse(pushTokenSpec);
        }
        return tokens;
    }

    @BindToRegistry
    public ZoneAgentPush zoneAgentPush() {
        return new ZoneAgentPush(pushTokens(), monitorStore(), maxPushBytes);
    }

    @BindToRegistry
    public ZoneReportValidator zoneReportValidator() {
        return new ZoneReportValidator(clock, Duration.ofSeconds(maxClockSkewSeconds), maxBuckets, maxPushedErrors);
    }

    @BindToRegistry
    public AdminAuth adminAuth() {
        return new AdminAuth(adminToken);
    }

    @BindToRegistry
    public RequireBody requireBody() {
        return new RequireBody();
    }

    @BindToRegistry
    public ApiErrorResponse apiErrorResponse() {
        return new ApiErrorResponse();
    }

    @BindToRegistry
    public MonitorApi monitorApi() {
        return new MonitorApi(monitorStore(), snapshotHistory(), pushTokens(), demo);
    }

    @BindToRegistry
    public synchronized MonitorMetrics monitorMetrics() {
        if (metrics == null) {
            metrics = new MonitorMetrics(monitorStore(), maxBucketSeries);
        }
        return metrics;
    }

    @BindToRegistry
    public ConfigApi configApi() {
        return new ConfigApi(monitorStore(), monitorMetrics());
    }

    @BindToRegistry
    public synchronized EventStream eventStream() {
        if (events == null) {
            events = new EventStream(maxEventClients, Duration.ofSeconds(eventKeepAliveSeconds).toMillis(),
                    monitorStore().bootId());
        }
        return events;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        if ("agent".equals(role)) {
            return;
        }
        if (httpServer) {
            ServerVertx.bind(context);
        }
        WebRoutes web = new WebRoutes(monitorStore(), eventStream(), monitorMetrics());
        context.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext camelContext, boolean alreadyStarted) {
                // the HTTP router exists only once everything has started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext camelContext, boolean alreadyStarted) {
                web.start(camelContext);
            }
        });
    }
}
