package rgwmon.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long each phase of the suite took, printed as it goes and as a table at the end (and
 * written to target/e2e-logs/phase-timings.txt), so CI shows where the minutes went.
 */
final class PhaseClock {

    interface Phase {
        void run() throws Exception;
    }

    private record Timing(String phase, Duration took, String outcome) {
    }

    private final List<Timing> timings = new ArrayList<>();
    private final long suiteStart = System.nanoTime();

    void time(String phase, Phase body) throws Exception {
        long start = System.nanoTime();
        System.out.printf("[e2e] >>> %s%n", phase);
        String outcome = "FAILED";
        try {
            body.run();
            outcome = "ok";
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            timings.add(new Timing(phase, took, outcome));
            System.out.printf("[e2e] <<< %s: %s in %.1f s%n", phase, outcome, took.toMillis() / 1000.0);
        }
    }

    String table() {
        StringBuilder out = new StringBuilder("phase timings (end-to-end suite)\n");
        for (Timing t : timings) {
            out.append(String.format("  %-72s %7.1f s  %s%n", t.phase(), t.took().toMillis() / 1000.0, t.outcome()));
        }
        out.append(String.format("  %-72s %7.1f s%n", "total", Duration.ofNanos(System.nanoTime() - suiteStart).toMillis() / 1000.0));
        return out.toString();
    }

    void report(Path file) {
        String table = table();
        System.out.println("[e2e] " + table);
        ExternalCommand.appendToLog(file, table);
    }
}
