package rgwmon.model;

import java.util.List;

/** A zone of a zonegroup, as in {@code period get} / {@code zonegroup get}. Booleans accept "true"/"false" strings (pre-Reef). */
public record Zone(String id, String name, List<String> endpoints, boolean logMeta, boolean logData, boolean readOnly,
                   String tierType, boolean syncFromAll, List<String> syncFrom) {
}
