package rgwmon.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Freshness of one collected part ({@link StoreIngest#TOPOLOGY}, {@link StoreIngest#BUCKET_STATS}, …) for one
 * zone (null for cluster-wide parts), collected by the primary or pushed by an agent ({@code origin}).
 * A failing part keeps its last good value; {@code failingSince} is the first failure of the current run.
 */
public record PartView(String part, String zone, String origin, Instant lastSuccess, Instant lastAttempt,
                       boolean failing, String reason, String failureKind, String command, Instant failingSince,
                       int consecutiveFailures, long totalFailures) {

    /** Failing now, never succeeded, or no success for longer than {@code staleAfter}. */
    public boolean staleAt(Instant now, Duration staleAfter) {
        return failing || lastSuccess == null || Duration.between(lastSuccess, now).compareTo(staleAfter) > 0;
    }

    /** Why the part is stale at {@code now}, null when it is fresh. */
    public String staleReason(Instant now, Duration staleAfter) {
        if (failing) {
            return reason;
        }
        if (lastSuccess == null) {
            return "never collected";
        }
        if (staleAt(now, staleAfter)) {
            return "no update for " + Duration.between(lastSuccess, now).toSeconds() + " s";
        }
        return null;
    }
}
