package rgwmon.agent;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.model.ZoneReport;

/**
 * Sends spooled reports to the primary, oldest first, one at a time, through the push route
 * ({@code direct:agent-push}, camel-http). A report leaves the spool only when the primary
 * accepted it (2xx) or refused it for good (4xx other than 408/425/429: logged once per distinct
 * reason, dropped and counted). Unreachable, 5xx, 408/425/429 or a redirect: the report stays,
 * the next attempt waits an exponential backoff, and the failure is one log line.
 *
 * <p>Every send goes through {@link #drain()}, which is synchronized: reports cannot overtake
 * each other or be sent twice, whichever thread (cycle, retry timer, --once) asks.
 */
public class ReportDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);
    public static final String PUSH_ENDPOINT = "direct:agent-push";
    /** Set by the push route when the call did not produce an HTTP answer. */
    public static final String PUSH_ERROR = "AgentPushError";
    private static final int MAX_REASON_CHARS = 300;

    /** What a drain ended with. */
    public enum DrainResult { EMPTY, RETRY_LATER, BACKING_OFF }

    enum Verdict { ACCEPTED, REJECTED, RETRY }

    private final CamelContext camelContext;
    private final ReportSpool spool;
    private final PrimaryHints hints;
    private final ObjectMapper json;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Clock clock;
    private final Set<String> loggedRejections = new HashSet<>();
    private ProducerTemplate template;
    private long refused;
    private int consecutiveFailures;
    private Instant notBefore = Instant.MIN;

    public ReportDelivery(CamelContext camelContext, ReportSpool spool, PrimaryHints hints, ObjectMapper json,
                          Duration backoffInitial, Duration backoffMax, Clock clock) {
        this.camelContext = camelContext;
        this.spool = spool;
        this.hints = hints;
        this.json = json;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.clock = clock;
    }

    /** Queues a report behind the ones already waiting, as the JSON the primary gets. */
    public void enqueue(ZoneReport report) throws IOException {
        spool.append(json.writeValueAsBytes(report), report.collectedAt());
    }

    /** Sends what is spooled, oldest first, until the spool is empty or the primary fails. */
    public synchronized DrainResult drain() throws IOException {
        if (clock.instant().isBefore(notBefore)) {
            return DrainResult.BACKING_OFF;
        }
        while (true) {
            Optional<ReportSpool.Entry> next = spool.oldest();
            if (next.isEmpty()) {
                return DrainResult.EMPTY;
            }
            ReportSpool.Entry entry = next.get();
            long dropped = spool.dropped();
            byte[] body;
            try {
                body = withDroppedReports(spool.read(entry), dropped);
            } catch (IOException unreadable) {
                LOG.error("Spooled report {} cannot be read as a JSON report ({}); dropped", entry.file().getFileName(),
                        unreadable.getClass().getSimpleName());
                spool.drop(entry);
                continue;
            }
            Exchange answer = template().send(PUSH_ENDPOINT, e -> e.getMessage().setBody(body));
            Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            String error = failureOf(answer);
            String text = error == null ? answer.getMessage().getBody(String.class) : null;
            switch (verdict(status, error)) {
                case ACCEPTED -> {
                    spool.remove(entry);
                    spool.acknowledgeDropped(dropped);
                    hints.update(text);
                    if (consecutiveFailures > 0) {
                        LOG.info("Primary reachable again after {} failed attempt(s): delivering spooled reports",
                                consecutiveFailures);
                    }
                    consecutiveFailures = 0;
                    notBefore = Instant.MIN;
                    loggedRejections.clear();
                    LOG.debug("Report collected at {} accepted ({})", entry.collectedAt(), status);
                }
                case REJECTED -> {
                    spool.drop(entry);
                    refused++;
                    String reason = status + " " + reason(text);
                    if (loggedRejections.add(reason)) {
                        LOG.error("Primary refused the report collected at {}: {}; report dropped "
                                + "(the same refusal is not logged again until a push succeeds)", entry.collectedAt(), reason);
                    } else {
                        LOG.debug("Primary refused the report collected at {}: {}", entry.collectedAt(), reason);
                    }
                }
                case RETRY -> {
                    consecutiveFailures++;
                    Duration wait = backoff(consecutiveFailures);
                    notBefore = clock.instant().plus(wait);
                    LOG.warn("Push to the primary failed ({}); {} report(s) kept in {}, next attempt in {} s",
                            error != null ? error : "HTTP " + status + " " + reason(text), spool.size(),
                            spool.directory(), String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0));
                    return DrainResult.RETRY_LATER;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Reports the primary refused (4xx) since the start. */
    public synchronized long refusedCount() {
        return refused;
    }

    static Verdict verdict(Integer status, String error) {
        if (error != null || status == null) {
            return Verdict.RETRY;
        }
        if (status >= 200 && status < 300) {
            return Verdict.ACCEPTED;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429) {
            return Verdict.REJECTED;
        }
        return Verdict.RETRY;
    }

    /** initial × 2^(failures−1), capped. */
    Duration backoff(int failures) {
        Duration wait = backoffInitial;
        for (int i = 1; i < failures && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }

    /** The count of dropped reports is set when the report leaves, not when it was collected. */
    private byte[] withDroppedReports(byte[] report, long dropped) throws IOException {
        JsonNode tree = json.readTree(report);
        if (!(tree instanceof ObjectNode object)) {
            throw new IOException("not a JSON object");
        }
        object.put("droppedReports", dropped);
        return json.writeValueAsBytes(object);
    }

    private static String failureOf(Exchange answer) {
        if (answer.getException() != null) {
            return answer.getException().getClass().getSimpleName() + ": " + answer.getException().getMessage();
        }
        return answer.getProperty(PUSH_ERROR, String.class);
    }

    /** The primary's reason: its JSON "error"/"message" field or the body text, printable and short. */
    private String reason(String body) {
        if (body == null || body.isBlank()) {
            return "(no reason given)";
        }
        String reason = body;
        try {
            JsonNode tree = json.readTree(body);
            for (String field : new String[] {"error", "message", "reason"}) {
                if (tree != null && tree.hasNonNull(field)) {
                    reason = tree.get(field).asText();
                    break;
                }
            }
        } catch (IOException notJson) {
            // keep the body text
        }
        String printable = reason.replaceAll("[\\p{Cntrl}]", " ").strip();
        return printable.length() > MAX_REASON_CHARS ? printable.substring(0, MAX_REASON_CHARS) + "…" : printable;
    }

    private ProducerTemplate template() {
        if (template == null) {
            template = camelContext.createProducerTemplate();
        }
        return template;
    }
}
