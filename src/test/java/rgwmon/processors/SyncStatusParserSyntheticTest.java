package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import rgwmon.model.DataSyncSource;
import rgwmon.model.MetadataSync;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncState;
import rgwmon.model.SyncStatus;

/** The release forms the Pacific lab cannot show, from src/test/resources/fixtures/synthetic/sync-status. */
class SyncStatusParserSyntheticTest {

    private static final String EU_CENTRAL = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    private static final String EU_WEST = "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f";
    private static final String EU_ARCHIVE = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    private final SyncStatusParser parser = new SyncStatusParser();

    private SyncStatus parse(String name) throws RadosgwParseException {
        return parser.parse(Fixtures.synthetic("sync-status", name + ".synthetic.txt"));
    }

    @Test
    void reef_reads_current_time_features_and_an_offset_timestamp() throws Exception {
        SyncStatus status = parse("reef-18.2-current-time-and-features");

        assertThat(status.warnings()).as("the disabled: line is known").isEmpty();
        assertThat(status.currentTime()).isEqualTo(Instant.parse("2024-02-12T17:19:24Z"));
        assertThat(status.zonegroupFeatures()).containsExactly("resharding");
        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.CAUGHT_UP);

        DataSyncSource west = status.dataSources().get(0);
        assertThat(west.zoneId()).isEqualTo(EU_WEST);
        assertThat(west.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(west.behindShards()).containsExactly(17, 94);
        assertThat(west.oldestChange()).isEqualTo(OffsetDateTime.of(2024, 2, 12, 18, 19, 3, 123_456_000, ZoneOffset.ofHours(1)));
        assertThat(west.oldestChangeShard()).isEqualTo(94);
        // lag measured against the cluster's own clock, across the two time zones
        assertThat(Duration.between(west.oldestChange().toInstant(), status.currentTime()))
                .isEqualTo(Duration.ofSeconds(20, 876_544_000));

        DataSyncSource archive = status.dataSources().get(1);
        assertThat(archive).isEqualTo(new DataSyncSource(EU_ARCHIVE, "eu-archive", SyncState.NOT_SYNCING, null, null,
                null, SyncHealth.NOT_SYNCING, 0, List.of(), null, null, 0, List.of(), List.of()));
    }

    @Test
    void reef_archive_source_is_not_syncing_and_not_a_failure() throws Exception {
        SyncStatus status = parse("reef-18.2-archive-not-syncing-from-zone");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.MASTER);
        assertThat(status.dataSources()).extracting(DataSyncSource::zoneName, DataSyncSource::health)
                .containsExactly(tuple("eu-archive", SyncHealth.NOT_SYNCING),
                        tuple("eu-west", SyncHealth.CAUGHT_UP));
        assertThat(status.dataSources().get(0).failures()).isEmpty();
    }

    @Test
    void quincy_reads_features_without_current_time() throws Exception {
        SyncStatus status = parse("quincy-17.2-features-enabled");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.currentTime()).isNull();
        assertThat(status.zonegroupFeatures()).containsExactly("resharding");
        assertThat(status.dataSources()).singleElement()
                .extracting(DataSyncSource::health).isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void quincy_empty_feature_list_is_an_empty_list() throws Exception {
        SyncStatus status = parse("quincy-17.2-empty-feature-list");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.zonegroupFeatures()).isEmpty();
        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void squid_single_site_has_an_empty_realm_and_no_data_section() throws Exception {
        SyncStatus status = parse("squid-19.2-single-site-empty-realm");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.realmId()).isEmpty();
        assertThat(status.realmName()).isEmpty();
        assertThat(status.zonegroupName()).isEqualTo("default");
        assertThat(status.zoneName()).isEqualTo("default");
        assertThat(status.zonegroupFeatures()).containsExactly("notification_v2", "resharding");
        assertThat(status.currentTime()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.MASTER);
        assertThat(status.dataSources()).isEmpty();
    }

    @Test
    void nautilus_old_timestamps_without_shard_are_read_as_utc_with_a_warning() throws Exception {
        SyncStatus status = parse("nautilus-14.2.4-old-timestamp-no-shard-suffix");

        MetadataSync metadata = status.metadataSync();
        assertThat(metadata.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(metadata.behindShards()).containsExactly(31);
        assertThat(metadata.oldestChange()).isEqualTo(OffsetDateTime.parse("2019-06-03T10:20:00.881361Z"));
        assertThat(metadata.oldestChangeShard()).isNull();

        DataSyncSource central = status.dataSources().get(0);
        assertThat(central.oldestChange()).isEqualTo(OffsetDateTime.parse("2019-06-03T10:19:58.000012Z"));
        assertThat(central.oldestChangeShard()).isNull();

        assertThat(status.warnings()).hasSize(2).allSatisfy(warning ->
                assertThat(warning).contains("without UTC offset, read as UTC").contains("oldest incremental change"));
        assertThat(status.warnings().get(0)).startsWith("line 9: ");
        assertThat(status.warnings().get(1)).startsWith("line 16: ");
    }

    @Test
    void nautilus_old_timestamp_with_shard_suffix() throws Exception {
        SyncStatus status = parse("nautilus-14.2.8-old-timestamp-with-shard-suffix");

        DataSyncSource central = status.dataSources().get(0);
        assertThat(central.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(central.behindShards()).containsExactly(7, 64);
        assertThat(central.oldestChange()).isEqualTo(OffsetDateTime.parse("2020-03-22T10:20:00.881361Z"));
        assertThat(central.oldestChangeShard()).isEqualTo(7);
        assertThat(status.warnings()).singleElement().asString().contains("read as UTC");
    }

    @Test
    void nameless_source_is_kept_with_a_null_name_and_zone_not_found_is_a_failure() throws Exception {
        SyncStatus status = parse("pacific-16.2-nameless-data-source");

        assertThat(status.warnings()).isEmpty();
        DataSyncSource unknown = status.dataSources().get(0);
        assertThat(unknown.zoneId()).isEqualTo("54ebd076-3ad1-4d4f-800f-ba16978d189a");
        assertThat(unknown.zoneName()).isNull();
        assertThat(unknown.state()).isEqualTo(SyncState.ZONE_NOT_FOUND);
        assertThat(unknown.health()).isEqualTo(SyncHealth.FAILED);
        assertThat(status.dataSources().get(1).health()).isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void metadata_failed_to_fetch_master_sync_status_is_failed_with_incremental_sync_lost() throws Exception {
        SyncStatus status = parse("pacific-16.2-metadata-failed-to-fetch-master-sync-status");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.metadataSync()).isEqualTo(new MetadataSync(SyncState.SYNCING, new ShardProgress(0, 64), null,
                null, SyncHealth.FAILED, 0, List.of(), null, null,
                List.of("failed to fetch master sync status: (5) Input/output error")));
        assertThat(status.dataSources().get(0).health()).isEqualTo(SyncHealth.FAILED);
        assertThat(status.dataSources().get(0).state()).isEqualTo(SyncState.FAILED);
    }

    @Test
    void master_on_a_different_period_is_not_caught_up_whatever_follows() throws Exception {
        SyncStatus status = parse("pacific-16.2-master-on-different-period");

        MetadataSync metadata = status.metadataSync();
        assertThat(status.warnings()).isEmpty();
        assertThat(metadata.health()).isEqualTo(SyncHealth.FAILED);
        assertThat(metadata.state()).isEqualTo(SyncState.SYNCING);
        assertThat(metadata.incrementalSync()).isEqualTo(new ShardProgress(64, 64));
        assertThat(metadata.failures()).containsExactly("master is on a different period: "
                + "master_period=2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901 local_period=a1b2c3d4-e5f6-4718-829a-0b1c2d3e4f50");
    }

    @Test
    void data_source_ending_after_incremental_sync_is_unknown_not_healthy() throws Exception {
        SyncStatus status = parse("pacific-16.2-data-source-ends-after-incremental-sync");

        DataSyncSource central = status.dataSources().get(0);
        assertThat(status.warnings()).isEmpty();
        assertThat(central.state()).isEqualTo(SyncState.SYNCING);
        assertThat(central.incrementalSync()).isEqualTo(new ShardProgress(128, 128));
        assertThat(central.health()).isEqualTo(SyncHealth.UNKNOWN);
        assertThat(central.failures()).isEmpty();
    }

    @Test
    void main_2026_printed_fetch_failure_after_incremental_sync_is_failed() throws Exception {
        SyncStatus status = parse("main-2026-failed-to-fetch-source-sync-status");

        DataSyncSource central = status.dataSources().get(0);
        assertThat(status.warnings()).isEmpty();
        assertThat(status.zonegroupFeatures()).containsExactly("notification_v2", "resharding");
        assertThat(central.state()).isEqualTo(SyncState.SYNCING);
        assertThat(central.health()).isEqualTo(SyncHealth.FAILED);
        assertThat(central.failures()).containsExactly("failed to fetch source sync status: (5) Input/output error");
    }

    @Test
    void names_keep_spaces_and_nested_parentheses() throws Exception {
        SyncStatus status = parse("pacific-16.2-names-with-spaces-and-parentheses");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.realmName()).isEqualTo("lab (blue) realm");
        assertThat(status.zonegroupName()).isEqualTo("us east");
        assertThat(status.zoneId()).isEqualTo("multi_master-anna");
        assertThat(status.zoneName()).isEqualTo("us-west (dr)");
        assertThat(status.dataSources()).extracting(DataSyncSource::zoneId, DataSyncSource::zoneName)
                .containsExactly(tuple("multi_master-bob", "us east (primary)"),
                        tuple(EU_ARCHIVE, "(archive)"));
    }

    @Test
    void initial_full_sync_reads_remaining_entries_and_buckets() throws Exception {
        SyncStatus status = parse("pacific-16.2-initial-full-sync");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.metadataSync()).isEqualTo(new MetadataSync(SyncState.SYNCING, new ShardProgress(3, 64), 1520L,
                new ShardProgress(61, 64), SyncHealth.BEHIND, 3, List.of(4, 9, 60), null, null, List.of()));
        DataSyncSource central = status.dataSources().get(0);
        assertThat(central.state()).isEqualTo(SyncState.PREPARING);
        assertThat(central.fullSync()).isEqualTo(new ShardProgress(128, 128));
        assertThat(central.fullSyncBuckets()).isEqualTo(42L);
        assertThat(central.incrementalSync()).isEqualTo(new ShardProgress(0, 128));
        assertThat(central.health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(central.behindShards()).containsExactlyElementsOf(IntStream.range(0, 128).boxed().toList());
    }

    @Test
    void metadata_sync_init_failure_is_the_state() throws Exception {
        SyncStatus status = parse("pacific-16.2-metadata-sync-init-failed");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.metadataSync().state()).isEqualTo(SyncState.FAILED);
        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.FAILED);
        assertThat(status.metadataSync().failures())
                .containsExactly("failed to retrieve sync info: sync.init() failed: (13) Permission denied");
        assertThat(status.dataSources().get(0).zoneId()).isEqualTo(EU_CENTRAL);
    }

    @Test
    void verdict_before_incremental_sync_is_read_by_content_not_position() throws Exception {
        SyncStatus status = parse("upstream-doc-caught-up-before-incremental");

        assertThat(status.warnings()).isEmpty();
        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(status.metadataSync().incrementalSync()).isEqualTo(new ShardProgress(64, 64));
        assertThat(status.dataSources().get(0).health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(status.dataSources().get(0).incrementalSync()).isEqualTo(new ShardProgress(128, 128));
    }
}
