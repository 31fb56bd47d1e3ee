package rgwmon.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import rgwmon.store.Snapshot;

/**
 * {@code GET /api/events}: Server-Sent Events, one {@code snapshot} event per store publish
 * ({@code data: {"snapshot":N,"boot":"…","at":"…","message":"snapshot N ready"}}), the current one
 * first, and a comment line every keep-alive interval so proxies keep the connection. A Vert.x handler on the
 * platform-http router: a Camel route would end the response after one message. Clients that
 * cannot keep up (full write queue) are dropped; at most {@code maxClients} at a time (503 beyond).
 * {@code boot} is the store's boot id: it changes when the primary restarts and N starts over.
 */
public class EventStream implements Handler<RoutingContext>, Consumer<Snapshot> {

    private final int maxClients;
    private final long keepAliveMillis;
    private final String bootId;
    private final Map<HttpServerResponse, Context> clients = new ConcurrentHashMap<>();
    private volatile Snapshot latest;

    public EventStream(int maxClients, long keepAliveMillis, String bootId) {
        this.maxClients = maxClients;
        this.keepAliveMillis = keepAliveMillis;
        this.bootId = bootId;
    }

    /** Starts the keep-alive timer on the server's Vert.x. */
    public void start(Vertx vertx) {
        vertx.setPeriodic(keepAliveMillis, id -> broadcast(": keep-alive\n\n"));
    }

    public int clients() {
        return clients.size();
    }

    @Override
    public void handle(RoutingContext routing) {
        HttpServerResponse response = routing.response();
        if (clients.size() >= maxClients) {
            response.setStatusCode(503).putHeader("Content-Type", "application/json")
                    .end("{\"status\":503,\"error\":\"Service Unavailable\",\"field\":null,"
                            + "\"message\":\"too many event stream clients\"}");
            return;
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        clients.put(response, Vertx.currentContext());
        response.closeHandler(ignored -> clients.remove(response));
        response.exceptionHandler(ignored -> clients.remove(response));
        response.write("retry: 5000\n\n");
        Snapshot current = latest;
        if (current != null) {
            response.write(event(current));
        }
    }

    @Override
    public void accept(Snapshot snapshot) {
        latest = snapshot;
        broadcast(event(snapshot));
    }

    private String event(Snapshot snapshot) {
        // the boot id is a UUID the store made: nothing to escape
        return "event: snapshot\nid: " + snapshot.sequence() + "\ndata: {\"snapshot\":" + snapshot.sequence()
                + ",\"boot\":\"" + bootId + "\",\"at\":\"" + snapshot.publishedAt() + "\",\"message\":\"snapshot " + snapshot.sequence()
                + " ready\"}\n\n";
    }

    private void broadcast(String text) {
        clients.forEach((response, context) -> context.runOnContext(ignored -> {
            if (response.closed() || response.ended()) {
                clients.remove(response);
            } else if (response.writeQueueFull()) {
                clients.remove(response);
                response.reset();
            } else {
                response.write(text);
            }
        }));
    }
}
