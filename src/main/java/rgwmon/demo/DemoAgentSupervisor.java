package rgwmon.demo;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo's zone agent as a separate process (a JVM of its own, as a real agent on another
 * host) and stops it while the story wants the agent silent, so the primary really stops hearing
 * from it and shows it stale; then starts it again. The agent's output goes to a log file.
 *
 * <p>Why a child process and not a second Camel in this JVM: stopping it is exactly what happens
 * when a real agent dies; the two roles keep separate JMX names, properties and logs.
 */
public final class DemoAgentSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAgentSupervisor.class);
    /** after an unexpected exit, wait this long before starting again */
    static final Duration RESTART_BACKOFF = Duration.ofSeconds(10);

    private final List<String> command;
    private final Path logFile;
    private final DemoScenario scenario;
    private final Clock clock;
    private final BooleanSupplier primaryReady;
    private ScheduledExecutorService checker;
    private Process process;
    private Instant nextStart = Instant.MIN;

    public DemoAgentSupervisor(List<String> command, Path logFile, DemoScenario scenario, Clock clock,
                               BooleanSupplier primaryReady) {
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.scenario = scenario;
        this.clock = clock;
        this.primaryReady = primaryReady;
    }

    public synchronized void start(Duration every) {
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rgwmon-demo-agent");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("demo: cannot supervise the zone agent: {}", e.getMessage());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts or stops the agent as the story wants it now. */
    public synchronized void check() {
        Instant now = clock.instant();
        boolean wanted = scenario.moment(now).agentRunning();
        boolean alive = process != null && process.isAlive();
        if (wanted && !alive) {
            if (process != null) {
                LOG.warn("demo: the zone agent exited with code {}; see {}", process.exitValue(), logFile);
                process = null;
            }
            if (!now.isBefore(nextStart) && primaryReady.getAsBoolean()) {
                launch(now);
            }
        } else if (!wanted && alive) {
            LOG.info("demo story: the zone agent of us-west stops for a while: it goes stale on the primary, then comes back");
            stop();
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    private void launch(Instant now) {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .start();
            nextStart = now.plus(RESTART_BACKOFF);
            LOG.info("demo: zone agent of us-west started (pid {}, log {})", process.pid(), logFile);
        } catch (IOException e) {
            nextStart = now.plus(RESTART_BACKOFF);
            LOG.warn("demo: cannot start the zone agent: {}", e.getMessage());
        }
    }

    private void stop() {
        Process running = process;
        process = null;
        running.destroy();
        try {
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
