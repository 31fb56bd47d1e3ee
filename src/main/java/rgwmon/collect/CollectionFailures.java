package rgwmon.collect;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.exec.RadosgwCommandException;
import rgwmon.model.CollectionFailure;
import rgwmon.processors.RadosgwParseException;

/**
 * Turns the failure a collection step caught (radosgw-admin could not answer, its output could not
 * be parsed, a zone's admin API refused) into a {@link CollectionFailure} body for
 * {@code monitorStore.recordFailure}, and logs it as ONE line: which part, which zone, why. No stack
 * trace: these are expected operational failures, and the store keeps the last good value.
 *
 * <p>Reads headers {@value #PART} (the store part, see {@code StoreIngest}) and {@value #ZONE} (the
 * zone the data is about; absent for cluster-wide parts).
 */
public class CollectionFailures implements Processor {

    public static final String PART = "RgwCollectPart";
    public static final String ZONE = "RgwCollectZone";

    /** Kind of a failure whose output could not be read (the exec kinds come from the exception). */
    public static final String PARSE = "PARSE";

    private static final Logger LOG = LoggerFactory.getLogger(CollectionFailures.class);
    private static final int MAX_MESSAGE_CHARS = 500;

    private final Clock clock;

    public CollectionFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null) {
            caught = exchange.getException();
        }
        CollectionFailure failure = describe(caught);
        String part = exchange.getMessage().getHeader(PART, "collection", String.class);
        String zone = exchange.getMessage().getHeader(ZONE, String.class);
        LOG.warn("collecting {}{} failed ({}): {}", part, zone == null ? "" : " of zone " + zone,
                failure.kind(), failure.message());
        exchange.getMessage().setBody(failure);
    }

    /** The failure record for an exception a collector caught. */
    public CollectionFailure describe(Throwable caught) {
        if (caught instanceof RadosgwCommandException e) {
            return new CollectionFailure(e.command(), e.kind().name(), oneLine(e.getMessage()), clock.instant());
        }
        if (caught instanceof RadosgwParseException e) {
            return new CollectionFailure(e.command(), PARSE, oneLine(e.getMessage()), clock.instant());
        }
        if (caught instanceof RgwAdminRestException e) {
            return new CollectionFailure(e.request(), e.kind(), oneLine(e.getMessage()), clock.instant());
        }
        String message = caught == null ? "unknown failure" : caught.getClass().getSimpleName() + ": " + caught.getMessage();
        return new CollectionFailure(null, "ERROR", oneLine(message), clock.instant());
    }

    /** radosgw-admin's text is untrusted: one line, printable, bounded. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return flat.length() > MAX_MESSAGE_CHARS ? flat.substring(0, MAX_MESSAGE_CHARS) + "…" : flat;
    }
}
