package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import rgwmon.model.BucketRef;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncState;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;

/** The release forms the Pacific lab cannot show, from src/test/resources/fixtures/synthetic/bucket-sync-status. */
class BucketSyncStatusParserSyntheticTest {

    private static final String EU_CENTRAL = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    private static final String EU_ARCHIVE = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    private static final String BUCKET_ID = EU_CENTRAL + ".24158.3";
    private static final BucketRef PHOTOS = new BucketRef("", "photos", BUCKET_ID);

    private final BucketSyncStatusParser parser = new BucketSyncStatusParser();

    private BucketSyncStatus parse(String name) throws RadosgwParseException {
        BucketSyncStatus status = parser.parse(Fixtures.synthetic("bucket-sync-status", name + ".synthetic.txt"));
        assertThat(status.warnings()).as(name).isEmpty();
        assertThat(status.zoneName()).isEqualTo("eu-west");
        return status;
    }

    /** A source block in the Quincy+ form, where only the listed fields are printed. */
    private static BucketSyncSource quincySource(BucketSyncState state, Long objectsCompleted, Integer incrementalOn,
                                                 SyncHealth health, List<Integer> behind, List<String> messages) {
        return new BucketSyncSource(EU_CENTRAL, "eu-central", PHOTOS, state, null, objectsCompleted, null, incrementalOn,
                health, behind.size(), behind, messages);
    }

    @Test
    void quincy_incremental_sync_on_shards_caught_up() throws Exception {
        BucketSyncStatus status = parse("quincy-17.2-incremental-sync-on-shards-caught-up");

        assertThat(status.bucket()).isEqualTo(PHOTOS);
        assertThat(status.currentTime()).isNull();
        assertThat(status.sources()).containsExactly(
                quincySource(BucketSyncState.SYNCING, null, 11, SyncHealth.CAUGHT_UP, List.of(), List.of()));
    }

    @Test
    void reef_current_time_and_empty_line_then_behind_shards() throws Exception {
        BucketSyncStatus status = parse("reef-18.2-current-time-behind");

        assertThat(status.currentTime()).isEqualTo(Instant.parse("2024-02-12T17:19:24Z"));
        assertThat(status.sources()).containsExactly(
                quincySource(BucketSyncState.SYNCING, null, 11, SyncHealth.BEHIND, List.of(3, 7), List.of()));
    }

    @Test
    void init_bucket_sync_has_not_started_is_a_state_without_verdict() throws Exception {
        assertThat(parse("squid-19.2-init-not-started").sources()).containsExactly(
                quincySource(BucketSyncState.INIT, null, null, SyncHealth.UNKNOWN, List.of(), List.of()));
    }

    @Test
    void stopped_bucket_sync_is_disabled_is_not_syncing() throws Exception {
        assertThat(parse("squid-19.2-stopped-sync-disabled").sources()).containsExactly(
                quincySource(BucketSyncState.STOPPED, null, null, SyncHealth.NOT_SYNCING, List.of(), List.of()));
    }

    @Test
    void quincy_full_sync_objects_completed_alone_is_full_sync_without_verdict() throws Exception {
        assertThat(parse("quincy-17.2-full-sync-objects-completed").sources()).containsExactly(
                quincySource(BucketSyncState.FULL_SYNC, 1234L, null, SyncHealth.UNKNOWN, List.of(), List.of()));
    }

    @Test
    void tenanted_bucket_in_the_printer_and_key_forms() throws Exception {
        BucketSyncStatus status = parse("tentacle-20.2-tenanted-bucket");

        BucketRef invoices = new BucketRef("acme", "invoices.2024", BUCKET_ID);
        assertThat(status.bucket()).isEqualTo(invoices);
        assertThat(status.bucket().qualifiedName()).isEqualTo("acme/invoices.2024");
        assertThat(status.sources().get(0).sourceBucket()).isEqualTo(invoices);
        assertThat(status.sources().get(0).incrementalShardCount()).isEqualTo(3);
        assertThat(status.sources().get(0).health()).isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void tentacle_error_line_in_a_block_is_a_message_and_the_block_is_unknown() throws Exception {
        assertThat(parse("tentacle-20.2-error-line-in-source-block").sources()).containsExactly(
                quincySource(BucketSyncState.SYNCING, null, 11, SyncHealth.UNKNOWN, List.of(),
                        List.of("failed to read remote log: (5) Input/output error")));
    }

    @Test
    void nautilus_name_marker_without_source_bucket_and_not_in_sync_from() throws Exception {
        BucketSyncStatus status = parse("nautilus-14.2-name-marker-and-not-in-sync-from");

        assertThat(status.bucket()).isEqualTo(new BucketRef("", "BUCKET", "7559751c-34ec-4b5e-a7e5-1f1f2d3e4134.4134.1"));
        assertThat(status.sources()).containsExactly(
                new BucketSyncSource(EU_CENTRAL, "eu-central", null, BucketSyncState.SYNCING, new ShardProgress(0, 4),
                        null, new ShardProgress(4, 4), null, SyncHealth.CAUGHT_UP, 0, List.of(), List.of()),
                new BucketSyncSource(EU_ARCHIVE, "eu-archive", null, BucketSyncState.NOT_A_SOURCE, null, null, null,
                        null, SyncHealth.NOT_SYNCING, 0, List.of(), List.of()));
    }

    @Test
    void nautilus_sync_disabled_has_no_sources() throws Exception {
        BucketSyncStatus status = parse("nautilus-14.2-sync-disabled");

        assertThat(status.syncDisabled()).isTrue();
        assertThat(status.sources()).isEmpty();
        assertThat(status.bucket().name()).isEqualTo("BUCKET");
    }

    @Test
    void octopus_sync_disabled_or_no_sync_sources() throws Exception {
        BucketSyncStatus status = parse("octopus-15.2-sync-disabled-or-no-sync-sources");

        assertThat(status.syncDisabled()).isTrue();
        assertThat(status.sources()).isEmpty();
        assertThat(status.bucket()).isEqualTo(PHOTOS);
    }

    @Test
    void pacific_does_not_sync_from_zone_next_to_a_caught_up_source() throws Exception {
        BucketSyncStatus status = parse("pacific-16.2-does-not-sync-from-zone");

        assertThat(status.sources()).extracting(BucketSyncSource::zoneName, BucketSyncSource::state, BucketSyncSource::health)
                .containsExactly(
                        tuple("eu-archive", BucketSyncState.NOT_A_SOURCE, SyncHealth.NOT_SYNCING),
                        tuple("eu-central", BucketSyncState.SYNCING, SyncHealth.CAUGHT_UP));
        assertThat(status.sources().get(0).sourceBucket()).isNull();
        assertThat(status.sources().get(1).sourceBucket()).isEqualTo(PHOTOS);
    }

    @Test
    void pacific_full_sync_in_progress_suppresses_caught_up_and_stays_unknown() throws Exception {
        assertThat(parse("pacific-16.2-full-sync-in-progress-no-verdict").sources()).containsExactly(
                new BucketSyncSource(EU_CENTRAL, "eu-central", PHOTOS, BucketSyncState.SYNCING, new ShardProgress(3, 11),
                        250L, new ShardProgress(8, 11), null, SyncHealth.UNKNOWN, 0, List.of(), List.of()));
    }
}
