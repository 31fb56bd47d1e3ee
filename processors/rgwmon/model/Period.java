package rgwmon.model;

import java.util.List;

/**
 * {@code radosgw-admin period get}: the topology. {@code masterZoneId} is the metadata master.
 *
 * @param realmName present in older builds only, else null
 */
public record Period(String id, long epoch, String realmId, String realmName, long realmEpoch,
                     String masterZonegroupId, String masterZoneId, List<Zonegroup> zonegroups) {
}
