package rgwmon.model;

import java.time.Instant;
import java.util.List;

/**
 * {@code radosgw-admin sync status} (text in every release): this zone's pull-side view.
 *
 * @param currentTime       the "current time" line (Reef+), null before Reef
 * @param zonegroupFeatures "zonegroup features enabled:" (Quincy+), empty when absent
 * @param metadataSync      the metadata section
 * @param dataSources       one entry per data sync source block, in printed order (empty on a single zone)
 * @param warnings          lines the parser did not recognise, kept verbatim (never silently dropped)
 */
public record SyncStatus(String realmId, String realmName, String zonegroupId, String zonegroupName,
                         String zoneId, String zoneName, Instant currentTime, List<String> zonegroupFeatures,
                         MetadataSync metadataSync, List<DataSyncSource> dataSources, List<String> warnings) {
}
