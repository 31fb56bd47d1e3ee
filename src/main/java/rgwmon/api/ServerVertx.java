package rgwmon.api;

import java.net.BindException;

import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Vertx;

/**
 * The Vert.x instance of the primary's HTTP server, bound in the registry (platform-http uses the
 * one it finds there) so that its unhandled-exception handler is ours: a port that cannot be bound
 * is reported once, as one line, by {@link WebRoutes} (exit 4), not also as an ERROR with two
 * stack traces from Vert.x. Any other unhandled exception is logged as Vert.x would. Closed once
 * Camel has stopped, as platform-http closes the instance it creates itself.
 */
public final class ServerVertx {

    public static final String BEAN_NAME = "vertx";

    private static final Logger LOG = LoggerFactory.getLogger(ServerVertx.class);

    private ServerVertx() {
    }

    public static Vertx bind(CamelContext context) {
        Vertx vertx = Vertx.vertx();
        vertx.exceptionHandler(ServerVertx::unhandled);
        context.getRegistry().bind(BEAN_NAME, Vertx.class, vertx);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                vertx.close();
            }
        });
        return vertx;
    }

    static void unhandled(Throwable failure) {
        if (isBindFailure(failure)) {
            LOG.debug("HTTP server could not bind (reported by the start-up check)", failure);
        } else {
            LOG.error("Unhandled exception", failure);
        }
    }

    static boolean isBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
