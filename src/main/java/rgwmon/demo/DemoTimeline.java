package rgwmon.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * The story the demo tells, over and over, one cycle of configurable length: all caught up (20 %
 * of the cycle) → a bucket falls behind on us-west (25 %) → sync errors appear (25 %) → recovered
 * (30 %). The zone agent is stopped from 75 % to 95 % of the cycle, so it goes stale and comes back.
 */
public record DemoTimeline(Duration cycle) {

    public enum Phase {
        CAUGHT_UP(0.0),
        BUCKET_BEHIND(0.20),
        SYNC_ERRORS(0.45),
        RECOVERED(0.70);

        /** where the phase starts, as a fraction of the cycle */
        final double from;

        Phase(double from) {
            this.from = from;
        }
    }

    static final double AGENT_STOPPED_FROM = 0.75;
    static final double AGENT_STOPPED_UNTIL = 0.95;

    public DemoTimeline {
        if (cycle == null || cycle.toMillis() < 10_000) {
            throw new IllegalArgumentException("the demo cycle must last at least 10 s, was " + cycle);
        }
    }

    /**
     * Where the story is at {@code now}, for a demo started at {@code start}.
     *
     * @param cycleIndex completed cycles before this one
     */
    public record Moment(Instant now, int cycleIndex, Instant cycleStart, Phase phase, boolean agentRunning,
                         DemoTimeline timeline) {

        public Instant phaseStart(Phase p) {
            return timeline.at(cycleStart, p.from);
        }

        public Instant phaseEnd(Phase p) {
            return p.ordinal() + 1 < Phase.values().length
                    ? phaseStart(Phase.values()[p.ordinal() + 1]) : cycleStart.plus(timeline.cycle());
        }

        public boolean reached(Phase p) {
            return phase.compareTo(p) >= 0;
        }
    }

    public Moment at(Instant start, Instant now) {
        long elapsed = Math.max(0, Duration.between(start, now).toMillis());
        long cycleMillis = cycle.toMillis();
        int index = (int) (elapsed / cycleMillis);
        Instant cycleStart = start.plusMillis(index * cycleMillis);
        double fraction = (elapsed % cycleMillis) / (double) cycleMillis;
        Phase phase = Phase.CAUGHT_UP;
        for (Phase p : Phase.values()) {
            if (fraction >= p.from) {
                phase = p;
            }
        }
        boolean agentRunning = fraction < AGENT_STOPPED_FROM || fraction >= AGENT_STOPPED_UNTIL;
        return new Moment(now, index, cycleStart, phase, agentRunning, this);
    }

    /** A time inside {@code phase} of cycle {@code cycleIndex}: {@code share} 0 is its start, 1 its end. */
    public Instant timeIn(Instant start, int cycleIndex, Phase phase, double share) {
        Instant cycleStart = start.plusMillis(cycleIndex * cycle.toMillis());
        double to = phase.ordinal() + 1 < Phase.values().length ? Phase.values()[phase.ordinal() + 1].from : 1.0;
        return at(cycleStart, phase.from + (to - phase.from) * share);
    }

    /** A time while the agent is stopped in cycle {@code cycleIndex}. */
    public Instant agentStoppedTime(Instant start, int cycleIndex) {
        return at(start.plusMillis(cycleIndex * cycle.toMillis()), (AGENT_STOPPED_FROM + AGENT_STOPPED_UNTIL) / 2);
    }

    private Instant at(Instant cycleStart, double fraction) {
        return cycleStart.plusMillis(Math.round(cycle.toMillis() * fraction));
    }
}
