package rgwmon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as an operator starts it: {@code java [-Dkey=value...] -jar
 * rgw-multisite-monitor.jar ROLE [options]}, a separate OS process whose stdout and stderr go to
 * target/e2e-logs/NAME.log.
 */
final class MonitorProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private MonitorProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static MonitorProcess start(String name, Path jar, List<String> systemProperties, List<String> roleAndOptions,
            Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the suite runs the packaged jar (mvn verify builds it)");
        }
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(systemProperties);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.addAll(roleAndOptions);
        Path log = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            Files.writeString(log, "$ " + String.join(" ", argv) + "\n");
            Process process = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return new MonitorProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name, e);
        }
    }

    /** A port nobody listens on right now (an external process cannot be told to take port 0 and report it). */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** "pid 1234, running" or "pid 1234, exited 1": for assertion messages. */
    String state() {
        return "pid " + process.pid() + ", " + (process.isAlive() ? "running" : "exited " + process.exitValue());
    }

    /**
     * SIGTERM (camel-main shuts down gracefully), SIGKILL if it has not exited 30 s later; a
     * radosgw-admin it was running when it stopped does not outlive it either.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
