package rgwmon.collect;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.StartupOutcome;
import rgwmon.exec.RadosgwCommandException;

/**
 * The primary's pre-flight: once Camel is up, reads the topology ({@code period get}) one time. If
 * radosgw-admin cannot be found or run, or the cluster has no realm to report, the primary stops
 * with a one-line reason (pointing at the demo for a look without Ceph) and a non-zero exit code:
 * it never shows invented data. Only when the topology was read do the collector timers (routes of
 * group {@value #COLLECTORS}, {@code autoStartup: false}) start, so every collector already knows
 * the zones.
 *
 * <p>Does nothing where the primary's collection routes are not loaded (the agent role).
 */
public class PrimaryStartupGate implements ExtendedStartupListener {

    public static final String COLLECTORS = "collectors";
    /** The route that reads the topology and lets a failure through (no catch). */
    public static final String READ_TOPOLOGY = "read-topology";

    /** Exit codes of a refused start: radosgw-admin cannot run at all / it runs but gives no topology. */
    public static final int EXIT_NO_RADOSGW_ADMIN = 2;
    public static final int EXIT_NO_TOPOLOGY = 3;

    static final String DEMO_HINT = "to look at the monitor without Ceph, run: java -jar target/rgw-multisite-monitor.jar demo";

    private static final Logger LOG = LoggerFactory.getLogger(PrimaryStartupGate.class);

    private final boolean preflightEnabled;
    private final CollectionFailures failures;

    public PrimaryStartupGate(boolean preflightEnabled, CollectionFailures failures) {
        this.preflightEnabled = preflightEnabled;
        this.failures = failures;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // everything happens once all routes are up, see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        if (context.getRoute(READ_TOPOLOGY) == null) {
            return;
        }
        if (preflightEnabled) {
            Exchange result;
            try (ProducerTemplate template = context.createProducerTemplate()) {
                result = template.request("direct:" + READ_TOPOLOGY, exchange -> { });
            }
            if (result.getException() != null) {
                refuse(context, result.getException());
                return;
            }
        }
        for (Route route : context.getRoutes()) {
            if (COLLECTORS.equals(route.getGroup())) {
                context.getRouteController().startRoute(route.getRouteId());
            }
        }
        LOG.info("collection started{}", preflightEnabled ? " (topology read)" : " (pre-flight disabled)");
    }

    private void refuse(CamelContext context, Exception cause) {
        int exitCode = cause instanceof RadosgwCommandException e && e.kind() == RadosgwCommandException.Kind.NOT_FOUND
                ? EXIT_NO_RADOSGW_ADMIN : EXIT_NO_TOPOLOGY;
        StartupOutcome.refuse(context, exitCode, reason(cause, exitCode));
    }

    /** One line: what failed, a hint at the likely cause, and the demo command. */
    String reason(Exception cause, int exitCode) {
        String what = failures.describe(cause).message();
        String hint = exitCode == EXIT_NO_RADOSGW_ADMIN
                ? "install radosgw-admin or set rgw.admin.binary"
                : "this host must reach a Ceph cluster whose RGW is part of a multisite realm";
        return "primary cannot start: " + what + " (" + hint + "); " + DEMO_HINT;
    }
}
