package rgwmon.store;

import java.time.Instant;
import java.util.List;

/**
 * One bucket on one non-master zone, compared with the master zone.
 *
 * @param counts            the zone's {@code bucket stats} of the bucket, null when absent or not collected
 * @param objectDelta       master objects minus zone objects (negative: the zone has more, e.g. deletes pending), null when unknown
 * @param byteDelta         same for logical bytes
 * @param syncPercent       min/max of the two object counts × 100 (100 when both are 0), null when unknown
 * @param caughtUp          every source of the agent's {@code bucket sync status} caught up; null when no agent report
 * @param behindShards      bucket index shards behind, from the agent
 * @param recoveringShards  bucket index shards in the zone's retry queue, from the agent's shard drill-down
 * @param lagSeconds        largest lag of the datalog shards that list this bucket as pending or recovering
 * @param countBehindStreak consecutive {@code bucket stats} polls of the zone whose counts differed from the master's
 * @param shardBehindStreak consecutive agent reports with shards behind
 * @param parserWarnings    lines of the agent's {@code bucket sync status} the parser did not
 *                          recognise (outside the source blocks), at most {@value SnapshotBuilder#MAX_PARSER_LINES};
 *                          the source blocks' own lines are in each source's {@code messages}
 */
public record BucketZoneView(String zone, BucketCounts counts, Long objectDelta, Long byteDelta, Double syncPercent,
                             Priority priority, BucketZoneState state, Boolean caughtUp, List<Integer> behindShards,
                             List<Integer> recoveringShards, List<BucketSourceView> sources, boolean disabled,
                             String disabledReason, Long lagSeconds, Instant shardsObservedAt, int countBehindStreak,
                             int shardBehindStreak, List<String> parserWarnings) {

    /** The agent's bucket sync status of this bucket had lines its parser did not fully read. */
    public boolean hasParserWarnings() {
        return !parserWarnings.isEmpty() || sources.stream().anyMatch(source -> !source.messages().isEmpty());
    }
}
