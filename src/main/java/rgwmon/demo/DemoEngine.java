package rgwmon.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.demo.DemoTimeline.Phase;

/**
 * Moves the demo's story forward: on every tick renders the outputs of the moment into the
 * stand-in's data directory, and says in one log line when the story enters a new phase.
 */
public final class DemoEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEngine.class);

    private final DemoRenderer renderer;
    private final DemoDataDir dataDir;
    private final Clock clock;
    private ScheduledExecutorService ticker;
    private Phase lastPhase;

    public DemoEngine(DemoScenario scenario, DemoDataDir dataDir, Clock clock) {
        this.renderer = new DemoRenderer(scenario);
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** Renders the outputs as of now (the clock's now). */
    public synchronized void renderNow() {
        Instant now = clock.instant();
        dataDir.write(renderer.render(now));
        Phase phase = renderer.phase(now);
        if (phase != lastPhase) {
            LOG.info("demo story: {}", describe(phase));
            lastPhase = phase;
        }
    }

    public synchronized void start(Duration tick) {
        renderNow();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rgwmon-demo-engine");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> {
            try {
                renderNow();
            } catch (RuntimeException e) {
                LOG.warn("demo: cannot render the simulated outputs: {}", e.getMessage());
            }
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    static String describe(Phase phase) {
        return switch (phase) {
            case CAUGHT_UP -> "both zones are caught up";
            case BUCKET_BEHIND -> "bucket media-uploads takes a burst of writes and us-west falls behind";
            case SYNC_ERRORS -> "us-west cannot store new objects of video-archive (EFBIG): sync errors, recovering shards";
            case RECOVERED -> "sync recovered; the old errors stay listed until the next cycle";
        };
    }
}
