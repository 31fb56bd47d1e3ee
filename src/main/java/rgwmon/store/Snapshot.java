package rgwmon.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/**
 * Everything readers see, immutable: published by the store after every write, never changed afterwards.
 *
 * @param sequence       increases by one on every publish
 * @param buckets        by name, sorted
 * @param errors         every zone's sync errors, newest first
 * @param bucketsDropped buckets seen but not tracked because of the bucket limit
 * @param expectedAgents zones whose agent should push (a push token is configured for them)
 * @param startedAt      when the store was created (an expected agent gets the stale limit from then)
 */
public record Snapshot(long sequence, Instant publishedAt, Topology topology, List<ZoneView> zones,
                       NavigableMap<String, BucketView> buckets, List<ErrorView> errors,
                       Map<String, AgentView> agents, List<PartView> parts, int bucketsDropped,
                       MonitorSettings settings, Set<String> expectedAgents, Instant startedAt) {

    public Optional<ZoneView> zone(String name) {
        return zones.stream().filter(zone -> zone.name().equals(name)).findFirst();
    }

    public Optional<BucketView> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }
}
