package rgwmon.api;

import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import rgwmon.StartupOutcome;
import rgwmon.store.MonitorStore;

/**
 * What the primary adds to the platform-http Vert.x router once Camel has started: the SSE stream
 * ({@code /api/events}), the static dashboard from the packaged {@code dashboard/} folder at
 * {@code /}, a JSON 404 for anything else; and the monitor's gauges on Camel's metrics registry.
 * Does nothing without an HTTP server (the agent role).
 */
public class WebRoutes {

    /** The folder of the static dashboard, on the classpath (the jar) or the working directory. */
    public static final String DASHBOARD_ROOT = "dashboard";

    private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);
    private static final ObjectMapper JSON = JsonMapper.create();

    private final MonitorStore store;
    private final EventStream events;
    private final MonitorMetrics metrics;

    public WebRoutes(MonitorStore store, EventStream events, MonitorMetrics metrics) {
        this.store = store;
        this.events = events;
        this.metrics = metrics;
    }

    /** Exit code of a primary that cannot open its HTTP port. */
    public static final int EXIT_CANNOT_LISTEN = 4;

    /** Call once Camel has fully started: the router exists only when the HTTP server runs. */
    public void start(CamelContext context) {
        if (StartupOutcome.refused(context)) {
            // the pre-flight has refused and Camel is stopping: the server may be gone already
            return;
        }
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry != null) {
            metrics.bindTo(registry);
        }
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        if (server == null) {
            LOG.debug("no HTTP server: dashboard and event stream not mounted");
            return;
        }
        if (!listening(server)) {
            // Vert.x only logs a failed bind; a monitor nobody can reach must not keep running
            StartupOutcome.refuse(context, EXIT_CANNOT_LISTEN, "cannot listen on " + server.getHost() + ":"
                    + server.getConfigurationPort() + " (address in use or not allowed): choose another with --port");
            return;
        }
        Router router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(server.getConfigurationPort()));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(context);
        }
        mount(router, server);
        LOG.info("dashboard, /api/events and /metrics on http://{}:{}/", server.getHost(), server.getPort());
    }

    /** actualPort() reports the requested port even after a failed bind; the server knows better. */
    private static boolean listening(VertxPlatformHttpServer server) {
        return server.getServer() instanceof TCPServerBase tcp ? tcp.isListening() : server.getServer() != null;
    }

    private void mount(Router router, VertxPlatformHttpServer server) {
        events.start(server.getVertx());
        store.addListener(events);
        events.accept(store.snapshot());
        router.get("/api/events").handler(events);
        // only the packaged dashboard folder: no directory listing, no hidden files, no ../;
        // never under /api/, so API paths keep Vert.x's 405 (method) and 415 (content type)
        router.routeWithRegex(HttpMethod.GET, "^/(?!api/).*").handler(StaticHandler
                .create(FileSystemAccess.RELATIVE, DASHBOARD_ROOT)
                .setIndexPage("index.html")
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setCachingEnabled(true)
                .setMaxAgeSeconds(60));
        // unmatched paths end on the server's top router (platform-http mounts a sub-router)
        Handler<HttpServerRequest> top = server.getServer().requestHandler();
        Router outermost = top instanceof Router topRouter ? topRouter : router;
        // answers the HTTP layer gives before any route runs, in the API's error shape (ApiError)
        outermost.errorHandler(404, routing -> jsonError(routing, 404, "Not Found", "no such path"));
        outermost.errorHandler(405, routing -> jsonError(routing, 405, "Method Not Allowed",
                routing.request().method() + " is not allowed on " + routing.request().path()));
        // the body handler refuses bodies beyond camel.server.max-body-size before any route runs
        outermost.errorHandler(413, routing -> jsonError(routing, 413, "Payload Too Large",
                "request body larger than camel.server.max-body-size"));
        outermost.errorHandler(415, routing -> jsonError(routing, 415, "Unsupported Media Type",
                "send the request body as application/json"));
    }

    private static void jsonError(RoutingContext routing, int status, String error, String message) {
        String body;
        try {
            // Jackson, not concatenation: the message may quote the request (method, path)
            body = JSON.writeValueAsString(new ApiError(status, error, null, message));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        routing.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
