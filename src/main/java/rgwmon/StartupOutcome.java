package rgwmon;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a role refused to start, told back to the launcher: the one-line reason it prints and the
 * exit code it returns. Bound in the registry as {@value #BEAN_NAME} by the launcher; set by a
 * start-up check (e.g. the primary's pre-flight) that then stops Camel.
 */
public final class StartupOutcome {

    public static final String BEAN_NAME = "startupOutcome";

    private static final Logger LOG = LoggerFactory.getLogger(StartupOutcome.class);

    private volatile String reason;
    private volatile int exitCode;

    public synchronized void fail(int code, String oneLineReason) {
        if (reason == null) {
            this.exitCode = code;
            this.reason = oneLineReason;
        }
    }

    public boolean failed() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }

    public int exitCode() {
        return exitCode;
    }

    /** True once a start-up check refused the start: what starts after it must not (Camel is stopping). */
    public static boolean refused(CamelContext context) {
        StartupOutcome outcome = context.getRegistry().lookupByNameAndType(BEAN_NAME, StartupOutcome.class);
        return (outcome != null && outcome.failed()) || context.isStopping() || context.isStopped();
    }

    /**
     * Refuses to run: records the reason in the launcher's outcome (which prints it once Camel has
     * stopped; without a launcher it is logged) and stops Camel from another thread, because
     * stopping from inside a start-up callback would deadlock the start.
     */
    public static void refuse(CamelContext context, int exitCode, String oneLineReason) {
        StartupOutcome outcome = context.getRegistry().lookupByNameAndType(BEAN_NAME, StartupOutcome.class);
        if (outcome != null) {
            outcome.fail(exitCode, oneLineReason);
        } else {
            LOG.error(oneLineReason);
        }
        Thread stopper = new Thread(() -> {
            try {
                context.stop();
            } catch (RuntimeException e) {
                LOG.debug("stopping after a refused start", e);
            }
        }, "rgwmon-refused-start");
        stopper.start();
    }
}
