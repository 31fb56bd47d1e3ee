package rgwmon.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import rgwmon.model.Period;
import rgwmon.model.SyncStatus;
import rgwmon.model.Zone;
import rgwmon.model.Zonegroup;

/**
 * What the collectors need to know about the topology: which zone the primary runs on (the
 * "local" zone its radosgw-admin answers for) and which other zones to ask about. Updated by the
 * topology collector on every {@code period get}, so a new zone or a new period epoch is picked
 * up without a restart.
 *
 * <p>The local zone is, in order: the configured {@code rgw.admin.zone}; the zone named by the
 * last {@code sync status} (radosgw-admin's own view); the period's metadata master zone (the
 * primary is deployed on the master zone).
 */
public class CollectionPlan {

    private final String configuredZone;
    private final boolean askOtherZonesForBucketStats;
    private volatile Period period;
    private volatile String reportedZone;

    /**
     * @param askOtherZonesForBucketStats whether other zones' bucket stats are collected at all (REST
     *                                    mode, or --rgw-zone calls where the zones share a cluster)
     */
    public CollectionPlan(String configuredZone, boolean askOtherZonesForBucketStats) {
        this.configuredZone = configuredZone == null || configuredZone.isBlank() ? null : configuredZone.trim();
        this.askOtherZonesForBucketStats = askOtherZonesForBucketStats;
    }

    /** Takes the latest topology; returns it unchanged so a route can pass it on to the store. */
    public Period acceptPeriod(Period latest) {
        this.period = Objects.requireNonNull(latest, "period");
        return latest;
    }

    /** Learns the local zone's name from what radosgw-admin reports; returns the status unchanged. */
    public SyncStatus acceptSyncStatus(SyncStatus status) {
        if (status != null && status.zoneName() != null && !status.zoneName().isBlank()) {
            this.reportedZone = status.zoneName();
        }
        return status;
    }

    public boolean knowsTopology() {
        return period != null;
    }

    /** The zone local radosgw-admin calls answer for; null before the first topology is known. */
    public String localZone() {
        if (configuredZone != null) {
            return configuredZone;
        }
        if (reportedZone != null) {
            return reportedZone;
        }
        return masterZone();
    }

    /** Name of the period's metadata master zone, null when unknown. */
    public String masterZone() {
        Period current = period;
        if (current == null || current.masterZoneId() == null) {
            return null;
        }
        return zones(current).stream()
                .filter(z -> current.masterZoneId().equals(z.zone().id()))
                .map(z -> z.zone().name())
                .findFirst().orElse(null);
    }

    /** Every zone of the topology except the local one, in the period's order. */
    public List<ZoneTarget> otherZones() {
        Period current = period;
        if (current == null) {
            return List.of();
        }
        String local = localZone();
        List<ZoneTarget> targets = new ArrayList<>();
        for (ZoneInGroup z : zones(current)) {
            if (z.zone().name() != null && !z.zone().name().equals(local)) {
                targets.add(new ZoneTarget(z.zone().name(), z.group().name(), z.zone().endpoints()));
            }
        }
        return targets;
    }

    /** The other zones whose bucket stats are collected: all of them, or none when that is switched off. */
    public List<ZoneTarget> zonesToAskForBucketStats() {
        return askOtherZonesForBucketStats ? otherZones() : List.of();
    }

    private record ZoneInGroup(Zonegroup group, Zone zone) {
    }

    private static List<ZoneInGroup> zones(Period period) {
        List<ZoneInGroup> all = new ArrayList<>();
        if (period.zonegroups() != null) {
            for (Zonegroup group : period.zonegroups()) {
                if (group.zones() != null) {
                    group.zones().forEach(zone -> all.add(new ZoneInGroup(group, zone)));
                }
            }
        }
        return all;
    }
}
