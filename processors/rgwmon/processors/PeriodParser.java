package rgwmon.processors;

import java.util.ArrayList;
import java.util.List;

import rgwmon.model.Period;
import rgwmon.model.Zone;
import rgwmon.model.Zonegroup;

/**
 * {@code radosgw-admin period get}: the realm's topology. Booleans are the strings
 * {@code "true"}/{@code "false"} before Reef and real JSON booleans from Reef on; both are read.
 * {@code realm_name} is printed by older builds only (null otherwise). A period whose map holds no
 * zonegroup (a realm whose first period was never committed) is rejected: there is nothing to
 * monitor, and an empty topology must not look like "all zones fine".
 */
public class PeriodParser extends JsonRadosgwParser<Period> {

    @Override
    public String command() {
        return "period get";
    }

    @Override
    protected Period read(JsonCursor document) throws RadosgwParseException {
        JsonCursor periodMap = document.field("period_map");
        List<Zonegroup> zonegroups = new ArrayList<>();
        for (JsonCursor zonegroup : periodMap.field("zonegroups").nonEmptyElements("no zonegroups in the period map")) {
            zonegroups.add(zonegroup(zonegroup));
        }
        JsonCursor realmName = document.optionalField("realm_name");
        return new Period(document.text("id"), document.integer("epoch"), document.text("realm_id"),
                realmName == null ? null : realmName.text(), document.integer("realm_epoch"),
                document.text("master_zonegroup"), document.text("master_zone"), List.copyOf(zonegroups));
    }

    private static Zonegroup zonegroup(JsonCursor zonegroup) throws RadosgwParseException {
        List<Zone> zones = new ArrayList<>();
        for (JsonCursor zone : zonegroup.field("zones").elements()) {
            zones.add(zone(zone));
        }
        return new Zonegroup(zonegroup.text("id"), zonegroup.text("name"), zonegroup.bool("is_master"),
                zonegroup.texts("endpoints"), zonegroup.text("master_zone"), List.copyOf(zones));
    }

    private static Zone zone(JsonCursor zone) throws RadosgwParseException {
        return new Zone(zone.text("id"), zone.text("name"), zone.texts("endpoints"), zone.bool("log_meta"),
                zone.bool("log_data"), zone.bool("read_only"), zone.text("tier_type"), zone.bool("sync_from_all"),
                zone.texts("sync_from"));
    }
}
