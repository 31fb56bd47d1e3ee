package rgwmon.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import rgwmon.model.Zone;
import rgwmon.model.Zonegroup;

/**
 * The multisite as the period describes it. {@code masterZone} is the zone every other zone is
 * compared against; before the first {@code period get} it may still be known from the primary's
 * {@code sync status} (metadata "master"), then the period fields are null.
 */
public record Topology(String realmId, String realmName, String periodId, long epoch, String masterZonegroupId,
                       String masterZoneId, String masterZone, List<Zonegroup> zonegroups) {

    public static final Topology UNKNOWN = new Topology(null, null, null, 0, null, null, null, List.of());

    public boolean discovered() {
        return periodId != null;
    }

    public List<Zone> zones() {
        List<Zone> zones = new ArrayList<>();
        for (Zonegroup zonegroup : zonegroups) {
            zones.addAll(zonegroup.zones() == null ? List.of() : zonegroup.zones());
        }
        return zones;
    }

    public Optional<Zone> zone(String name) {
        return zones().stream().filter(zone -> name.equals(zone.name())).findFirst();
    }
}
