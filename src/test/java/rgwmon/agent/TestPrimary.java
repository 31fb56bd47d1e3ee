package rgwmon.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays the primary in agent tests: a JDK HttpServer on 127.0.0.1 answering
 * {@code POST /api/zone-agent/push} and {@code GET /api/health} as the test says, and recording
 * every push (headers, raw body, JSON after gunzip). Can be stopped and started again on the same
 * port to simulate an outage.
 */
final class TestPrimary implements AutoCloseable {

    /** One push as received. */
    record Push(String authorization, String contentType, String contentEncoding, byte[] rawBody, String json,
                int answeredWith) {
    }

    /** What to answer: status and body. */
    record Answer(int status, String body) {
        static Answer accepted() {
            return new Answer(202, "{\"status\":\"accepted\"}");
        }
    }

    final List<Push> pushes = new CopyOnWriteArrayList<>();
    volatile Function<Push, Answer> pushAnswer = push -> Answer.accepted();
    volatile int healthStatus = 200;
    final AtomicInteger healthCalls = new AtomicInteger();
    private HttpServer server;
    private int port;

    TestPrimary start() {
        bind(0);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Pushes the primary answered 2xx, in arrival order. */
    List<Push> accepted() {
        return pushes.stream().filter(p -> p.answeredWith() / 100 == 2).toList();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Comes back on the same port (retrying while the kernel still holds it). */
    void restart() throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                bind(port);
                return;
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof BindException) || attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    void restartIfStopped() throws InterruptedException {
        if (server == null) {
            restart();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void bind(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/api/zone-agent/push", this::push);
        server.createContext("/api/health", exchange -> {
            healthCalls.incrementAndGet();
            respond(exchange, healthStatus, "{\"status\":\"UP\"}");
        });
        server.start();
    }

    private void push(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        String json;
        try (InputStream in = "gzip".equalsIgnoreCase(encoding)
                ? new GZIPInputStream(new ByteArrayInputStream(raw)) : new ByteArrayInputStream(raw)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Push received = new Push(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), encoding, raw, json, 0);
        Answer answer = pushAnswer.apply(received);
        pushes.add(new Push(received.authorization(), received.contentType(), encoding, raw, json, answer.status()));
        respond(exchange, answer.status(), answer.body());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
