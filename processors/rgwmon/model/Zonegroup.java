package rgwmon.model;

import java.util.List;

/** A zonegroup of the period map. */
public record Zonegroup(String id, String name, boolean isMaster, List<String> endpoints, String masterZoneId,
                        List<Zone> zones) {
}
