package rgwmon.store;

import java.time.Duration;

/**
 * The store's tunables (application.properties, some changeable at runtime through POST /api/config).
 *
 * @param behindAfterObservations consecutive observations a bucket or zone must stay behind before it is flagged
 * @param agentStaleAfter         an agent without a push for this long is STALE
 * @param partStaleAfter          a collected part without a success for this long is stale even when nothing failed
 * @param maxBuckets              buckets tracked at most (memory bound); the rest are counted as dropped
 * @param maxErrorsPerZone        newest sync errors kept per zone (memory bound)
 */
public record MonitorSettings(int behindAfterObservations, Duration agentStaleAfter, Duration partStaleAfter,
                              int maxBuckets, int maxErrorsPerZone) {

    public static final MonitorSettings DEFAULTS =
            new MonitorSettings(2, Duration.ofMinutes(5), Duration.ofMinutes(10), 100_000, 1_000);

    public MonitorSettings {
        requireAtLeast("behindAfterObservations", behindAfterObservations, 1);
        requireAtLeast("maxBuckets", maxBuckets, 1);
        requireAtLeast("maxErrorsPerZone", maxErrorsPerZone, 0);
        if (agentStaleAfter == null || agentStaleAfter.isNegative() || agentStaleAfter.isZero()) {
            throw new IllegalArgumentException("agentStaleAfter must be positive");
        }
        if (partStaleAfter == null || partStaleAfter.isNegative() || partStaleAfter.isZero()) {
            throw new IllegalArgumentException("partStaleAfter must be positive");
        }
    }

    public MonitorSettings withBehindAfterObservations(int value) {
        return new MonitorSettings(value, agentStaleAfter, partStaleAfter, maxBuckets, maxErrorsPerZone);
    }

    public MonitorSettings withAgentStaleAfter(Duration value) {
        return new MonitorSettings(behindAfterObservations, value, partStaleAfter, maxBuckets, maxErrorsPerZone);
    }

    public MonitorSettings withPartStaleAfter(Duration value) {
        return new MonitorSettings(behindAfterObservations, agentStaleAfter, value, maxBuckets, maxErrorsPerZone);
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
    }
}
