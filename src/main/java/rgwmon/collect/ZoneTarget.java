package rgwmon.collect;

import java.util.List;

/**
 * A zone of the topology that the primary collects about from afar: its name, the zonegroup it
 * belongs to (the SigV4 region of its admin API) and its RGW endpoints.
 */
public record ZoneTarget(String name, String zonegroup, List<String> endpoints) {

    public ZoneTarget {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }
}
