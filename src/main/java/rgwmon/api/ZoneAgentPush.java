package rgwmon.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.model.ZoneReport;
import rgwmon.store.AgentView;
import rgwmon.store.MonitorStore;
import rgwmon.store.Snapshot;
import rgwmon.store.StoreIngest.PushOutcome;

/**
 * The steps of {@code POST /api/zone-agent/push} (bean {@code zoneAgentPush}), in route order:
 * {@link #authenticate} (the bearer token names the zone, 401 otherwise), {@link #readBody}
 * (gzip or plain, at most {@code maxBytes} once decompressed, 413 otherwise), JSON → ZoneReport and
 * validation in the route, {@link #checkZone} (the report must be for the token's zone, 401), and
 * {@link #apply} (200 "applied", or 200 "ignored" for a report not newer than the last applied one).
 * Either answer carries {@code suspectBuckets}: the buckets whose object count on the pushing zone
 * differs from the master's in the primary's view, which the agent inspects early (see BucketSelector).
 */
public class ZoneAgentPush {

    /** Exchange property (not a header, so a client cannot set it) holding the authenticated zone. */
    public static final String AUTHENTICATED_ZONE = "rgwmon.push.zone";

    private static final Logger LOG = LoggerFactory.getLogger(ZoneAgentPush.class);

    private final PushTokens tokens;
    private final MonitorStore store;
    private final long maxBytes;

    /** At most this many suspect buckets per answer (the agent keeps at most 10,000). */
    static final int MAX_SUSPECT_BUCKETS = 1000;

    /** The JSON answer to a push. */
    public record PushResult(String status, String zone, Instant collectedAt, Instant lastApplied, long snapshot,
                             String message, List<String> suspectBuckets) {
    }

    public ZoneAgentPush(PushTokens tokens, MonitorStore store, long maxBytes) {
        this.tokens = tokens;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    public void authenticate(Exchange exchange) {
        String presented = BearerTokens.presented(exchange);
        if (tokens.isEmpty()) {
            throw ApiException.unauthorized("pushes are disabled: rgw.push.token is not set on the primary");
        }
        if (presented == null) {
            throw ApiException.unauthorized("missing 'Authorization: Bearer <zone push token>'");
        }
        String zone = tokens.zoneOf(presented)
                .orElseThrow(() -> ApiException.unauthorized("unknown push token"));
        exchange.setProperty(AUTHENTICATED_ZONE, zone);
    }

    /** Leaves the (decompressed) JSON bytes as the body. */
    public void readBody(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new ApiException(400, "$", "empty body: expected a zone report (JSON)");
        }
        String encoding = exchange.getMessage().getHeader("Content-Encoding", String.class);
        exchange.getMessage().removeHeader("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            if (body.length > maxBytes) {
                throw tooLarge();
            }
        } else if (encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            body = gunzip(body);
        } else {
            throw new ApiException(415, "Content-Encoding", "Content-Encoding: only gzip is accepted");
        }
        exchange.getMessage().setBody(body);
    }

    private byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, 1 << 20));
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > maxBytes) {
                    // a small gzip body can expand enormously: stop at the limit
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiException(400, "$", "Content-Encoding is gzip but the body is not valid gzip");
        }
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("zone report larger than " + maxBytes + " bytes (rgw.push.max-bytes)");
    }

    public void checkZone(Exchange exchange) {
        ZoneReport report = exchange.getMessage().getBody(ZoneReport.class);
        String zone = exchange.getProperty(AUTHENTICATED_ZONE, String.class);
        if (zone == null || !zone.equals(report.zone())) {
            throw ApiException.unauthorized("the push token is not the token of zone " + report.zone());
        }
    }

    public PushResult apply(ZoneReport report) {
        PushOutcome outcome = store.acceptZoneReport(report);
        Snapshot current = store.snapshot();
        AgentView agent = current.agents().get(report.zone());
        Instant lastApplied = agent == null ? null : agent.collectedAt();
        long snapshot = current.sequence();
        List<String> suspects = suspectBuckets(current, report.zone());
        if (outcome == PushOutcome.APPLIED) {
            LOG.debug("push from zone {} collected at {} applied (snapshot {})", report.zone(), report.collectedAt(), snapshot);
            return new PushResult("applied", report.zone(), report.collectedAt(), lastApplied, snapshot, null, suspects);
        }
        LOG.info("push from zone {} collected at {} ignored: not newer than the last applied report ({})",
                report.zone(), report.collectedAt(), lastApplied);
        return new PushResult("ignored", report.zone(), report.collectedAt(), lastApplied, snapshot,
                "not newer than the last applied report of this zone; nothing changed", suspects);
    }

    /**
     * The buckets with a non-zero object delta (master minus zone) on {@code zone}, largest magnitude
     * first (ties by name), at most {@link #MAX_SUSPECT_BUCKETS}.
     */
    static List<String> suspectBuckets(Snapshot snapshot, String zone) {
        record Suspect(String bucket, long delta) {
        }
        return snapshot.buckets().values().stream()
                .flatMap(bucket -> bucket.zones().stream()
                        .filter(view -> zone.equals(view.zone()) && view.objectDelta() != null && view.objectDelta() != 0)
                        .map(view -> new Suspect(bucket.name(), Math.abs(view.objectDelta()))))
                .sorted(Comparator.comparingLong(Suspect::delta).reversed().thenComparing(Suspect::bucket))
                .limit(MAX_SUSPECT_BUCKETS)
                .map(Suspect::bucket)
                .toList();
    }
}
