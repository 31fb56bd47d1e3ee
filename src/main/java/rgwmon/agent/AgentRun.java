package rgwmon.agent;

import java.io.IOException;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent does once Camel has started: the pre-flight checks, then either one cycle
 * (--once: collect, deliver or print, exit) or the cycle timer and the spool retry (the daemon).
 * The exit code of a run is {@link #exit()}.
 */
public final class AgentRun extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRun.class);
    static final String CYCLE_TIMER_ROUTE = "agent-cycle-timer";
    static final String SPOOL_RETRY_ROUTE = "agent-spool-retry";

    private final boolean once;
    private final boolean dryRun;
    private volatile AgentExit exit = AgentExit.OK;

    public AgentRun(boolean once, boolean dryRun) {
        this.once = once;
        this.dryRun = dryRun;
    }

    public AgentExit exit() {
        return exit;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        try {
            Optional<AgentPreflight.Failure> failure = new AgentPreflight(context, dryRun, once).run();
            if (failure.isPresent()) {
                LOG.error("Pre-flight failed: {} (exit {})", failure.get().reason(), failure.get().exit().code());
                finish(main, failure.get().exit());
            } else if (once) {
                finish(main, runOnce(context, dryRun));
            } else {
                startContinuous(context, dryRun);
            }
        } catch (Exception e) {
            LOG.error("Agent failed: {}: {}", e.getClass().getSimpleName(), e.getMessage());
            finish(main, AgentExit.FAILURE);
        }
    }

    /** The daemon: a cycle every --interval, and (unless --dry-run) the spool retry. */
    public static void startContinuous(CamelContext context, boolean dryRun) throws Exception {
        if (!dryRun) {
            context.getRouteController().startRoute(SPOOL_RETRY_ROUTE);
        }
        context.getRouteController().startRoute(CYCLE_TIMER_ROUTE);
    }

    /** --once: one cycle; then the report (and whatever waited before it) is delivered now, or not. */
    public static AgentExit runOnce(CamelContext context, boolean dryRun) throws IOException {
        ReportDelivery delivery = context.getRegistry().lookupByNameAndType("reportDelivery", ReportDelivery.class);
        long refusedBefore = delivery.refusedCount();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            Exchange cycle = template.send("direct:agent-cycle", e -> { });
            if (cycle.getException() != null) {
                LOG.error("Cycle failed: {}: {}", cycle.getException().getClass().getSimpleName(),
                        cycle.getException().getMessage());
                return AgentExit.FAILURE;
            }
        }
        if (dryRun) {
            return AgentExit.OK;
        }
        // at most one attempt in all: the drain nudged by the cycle may have tried (and backed off) already
        delivery.drain();
        ReportSpool spool = context.getRegistry().lookupByNameAndType("reportSpool", ReportSpool.class);
        if (!spool.isEmpty()) {
            LOG.warn("{} report(s) wait in {}; the next run sends them first", spool.size(), spool.directory());
            return AgentExit.UNDELIVERED;
        }
        return delivery.refusedCount() > refusedBefore ? AgentExit.REFUSED : AgentExit.OK;
    }

    private void finish(BaseMainSupport main, AgentExit result) {
        exit = result;
        ((MainSupport) main).completed();
    }
}
