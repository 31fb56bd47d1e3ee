package rgwmon.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Everything readers see, immutable: published by the store after every write, never changed afterwards.
 *
 * @param sequence       increases by one on every publish
 * @param buckets        by name, sorted
 * @param errors         every zone's sync errors, newest first
 * @param bucketsDropped buckets seen but not tracked because of the bucket limit
 */
public record Snapshot(long sequence, Instant publishedAt, Topology topology, List<ZoneView> zones,
                       NavigableMap<String, BucketView> buckets, List<ErrorView> errors,
                       Map<String, AgentView> agents, List<PartView> parts, int bucketsDropped,
                       MonitorSettings settings) {

    public Optional<ZoneView> zone(String name) {
        return zones.stream().filter(zone -> zone.name().equals(name)).findFirst();
    }

    public Optional<BucketView> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }
}
