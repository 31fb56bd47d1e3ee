package rgwmon.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on 127.0.0.1 between the browser and the primary, so a test can cut the network:
 * {@link #cut()} drops every open connection (the SSE stream too) and refuses new ones until
 * {@link #restore()}; {@link #retarget(int)} sends new connections to another primary, as after a
 * restart; {@link #slowDown(String, Duration)} holds back requests that contain a marker, as a slow
 * server would. Everything else passes through byte for byte.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private volatile int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile String slowMarker;
    private volatile Duration slowBy = Duration.ZERO;
    private final AtomicInteger slowed = new AtomicInteger();

    CuttableProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Browser connections open now (each one is two sockets). */
    int openConnections() {
        return open.size() / 2;
    }

    /** Drops every connection now and refuses (closes at once) any new one. */
    void cut() {
        cut = true;
        open.forEach(CuttableProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    /** From now on, a request whose bytes contain {@code marker} reaches the primary only after {@code delay}. */
    void slowDown(String marker, Duration delay) {
        slowBy = delay;
        slowMarker = marker;
    }

    /** Requests held back by {@link #slowDown} so far. */
    int slowedRequests() {
        return slowed.get();
    }

    /** Drops every connection, as a stopping primary does, and forwards new ones to {@code port}. */
    void retarget(int port) {
        targetPort = port;
        open.forEach(CuttableProxy::closeQuietly);
        open.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream, true);
                pipe(upstream, client, false);
            } catch (IOException e) {
                // server closed, or the primary refused: the browser sees a dropped connection
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean requests) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    String marker = slowMarker;
                    if (requests && marker != null
                            && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(marker)) {
                        slowed.incrementAndGet();
                        holdBack(slowBy);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    /** The slow server of {@link #slowDown}: this pipe's thread waits, the others go on. */
    private static void holdBack(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
