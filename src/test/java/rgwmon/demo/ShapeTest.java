package rgwmon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import rgwmon.processors.BucketStatsParser;
import rgwmon.processors.SyncStatusParser;

/** The shape comparison the demo output tests rely on does tell different situations apart. */
class ShapeTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15");

    @Test
    void a_sync_status_without_its_verdict_line_does_not_have_the_caught_up_shape() throws Exception {
        String real = Files.readString(FIXTURES.resolve("caught-up/us-west/sync-status.txt"));
        String cut = real.replace("                        data is caught up with source\n", "");

        assertThat(Shape.differences(Shape.of(new SyncStatusParser().parse(cut)), Shape.of(new SyncStatusParser().parse(real))))
                .singleElement().asString().contains("SyncHealth.UNKNOWN where the fixture has SyncHealth.CAUGHT_UP");
    }

    @Test
    void a_missing_field_shows_as_null_where_the_capture_has_a_value() throws Exception {
        String real = Files.readString(FIXTURES.resolve("caught-up/us-east/bucket-stats__bucket-multipart.txt"));
        String cut = real.replace("    \"num_shards\": 11,\n", "");

        assertThat(Shape.differences(Shape.of(new BucketStatsParser().parse(cut)), Shape.of(new BucketStatsParser().parse(real))))
                .singleElement().asString().contains("BucketStats.numShards: null where the fixture has Integer");
    }

    @Test
    void the_same_situation_on_another_lab_run_has_the_same_shape() throws Exception {
        // recovered and caught-up: different times, counts and markers, same situation
        String recovered = Files.readString(FIXTURES.resolve("recovered/us-west/sync-status.txt"));
        String caughtUp = Files.readString(FIXTURES.resolve("caught-up/us-west/sync-status.txt"));

        assertThat(Shape.differences(Shape.of(new SyncStatusParser().parse(recovered)),
                Shape.of(new SyncStatusParser().parse(caughtUp)))).isEmpty();
    }
}
