package rgwmon.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import rgwmon.model.CollectionFailure;
import rgwmon.model.Coverage;

/**
 * What the primary knows about one zone agent: its last applied push and the counters of its pushes.
 *
 * @param lastPush         when the last applied report arrived (primary clock)
 * @param collectedAt      when the agent finished collecting it (agent clock)
 * @param bucketsReported  bucket sync statuses in the last report
 * @param failures         what the agent could not collect in its last report
 * @param reportsApplied   reports applied since the primary started
 * @param reportsIgnored   reports not applied because they were not newer than the last applied one
 */
public record AgentView(String zone, String zoneId, String agentVersion, Instant lastPush, Instant collectedAt,
                        int bucketsReported, Coverage coverage, long droppedReports, List<CollectionFailure> failures,
                        long reportsApplied, long reportsIgnored) {

    public long ageSeconds(Instant now) {
        return Math.max(0, Duration.between(lastPush, now).toSeconds());
    }

    public boolean staleAt(Instant now, Duration staleAfter) {
        return Duration.between(lastPush, now).compareTo(staleAfter) > 0;
    }
}
