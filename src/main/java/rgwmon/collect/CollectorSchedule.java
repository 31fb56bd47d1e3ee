package rgwmon.collect;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the collection intervals at runtime (POST /api/config). The collector timers (routes of
 * group {@value PrimaryStartupGate#COLLECTORS}) take their period from {@code {{...}}} placeholders
 * in routes/collect-*.camel.yaml; a change becomes an override property, each timer's period is
 * re-resolved from its route's own URI, and a timer whose period changed is restarted with it: its
 * next tick comes one new interval after the change. Timers the start-up gate has not started yet
 * keep waiting for it, with the new period.
 */
public class CollectorSchedule {

    /** The default the per-collector interval keys refer to in application.properties. */
    public static final String DEFAULT_INTERVAL = "rgw.collect.interval-seconds";

    private static final Logger LOG = LoggerFactory.getLogger(CollectorSchedule.class);
    private static final Pattern PERIOD_KEY = Pattern.compile("period=\\{\\{([^}]+)}}");

    /**
     * The interval keys a running primary accepts: the default and the key each collector timer's
     * period names. Empty where no collector is loaded (the agent role).
     */
    public Set<String> intervalKeys(CamelContext context) {
        Set<String> keys = new TreeSet<>();
        for (Route timer : collectorTimers(context)) {
            Matcher key = PERIOD_KEY.matcher(rawUri(context, timer));
            if (key.find()) {
                keys.add(key.group(1));
                keys.add(DEFAULT_INTERVAL);
            }
        }
        return keys;
    }

    /**
     * Sets each key to its seconds (as override properties, so GET /api/config and every later
     * placeholder see them) and restarts the collector timers whose period changed.
     *
     * @return the ids of the timer routes given a new period
     */
    public synchronized List<String> change(CamelContext context, Map<String, Integer> secondsByKey) throws Exception {
        secondsByKey.forEach((key, seconds) -> context.getPropertiesComponent().addOverrideProperty(key, String.valueOf(seconds)));
        List<String> rescheduled = new ArrayList<>();
        for (Route timer : collectorTimers(context)) {
            TimerEndpoint endpoint = (TimerEndpoint) timer.getEndpoint();
            long period = resolvedPeriodMillis(context, timer);
            if (period != endpoint.getPeriod()) {
                reschedule(context, timer.getRouteId(), endpoint, period);
                rescheduled.add(timer.getRouteId());
            }
        }
        return rescheduled;
    }

    private static void reschedule(CamelContext context, String routeId, TimerEndpoint endpoint, long period) throws Exception {
        boolean running = context.getRouteController().getRouteStatus(routeId).isStarted();
        if (running) {
            context.getRouteController().stopRoute(routeId);
        }
        endpoint.setPeriod(period);
        // after a change the first tick comes one new interval later, not all collectors at once
        endpoint.setDelay(period);
        if (running) {
            context.getRouteController().startRoute(routeId);
        }
        LOG.info("collector timer {} now runs every {} s{}", routeId, period / 1000, running ? " (restarted)" : "");
    }

    private static List<Route> collectorTimers(CamelContext context) {
        return context.getRoutes().stream()
                .filter(route -> PrimaryStartupGate.COLLECTORS.equals(route.getGroup()))
                .filter(route -> route.getEndpoint() instanceof TimerEndpoint)
                .toList();
    }

    /** The route's from-URI as written, placeholders unresolved. */
    private static String rawUri(CamelContext context, Route route) {
        RouteDefinition definition = context.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition(route.getRouteId());
        return definition.getInput().getEndpointUri();
    }

    private static long resolvedPeriodMillis(CamelContext context, Route timer) throws URISyntaxException {
        String uri = context.resolvePropertyPlaceholders(rawUri(context, timer));
        Object period = URISupport.parseQuery(URISupport.extractQuery(uri)).get("period");
        return period == null ? ((TimerEndpoint) timer.getEndpoint()).getPeriod() : TimeUtils.toMilliSeconds(period.toString());
    }
}
