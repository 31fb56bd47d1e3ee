package rgwmon.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rgwmon.exec.StandInData;
import rgwmon.store.BucketZoneState;
import rgwmon.store.BucketZoneView;
import rgwmon.store.MonitorSettings;
import rgwmon.store.MonitorStore;

/**
 * {@code bucket sync disable}, then {@code bucket sync enable} once the zones have caught up, through
 * the real collector routes, exec route, parsers and store, against the stand-in playing us-east of
 * the real sync-disabled-bucket capture; the stand-in answers {@code metadata get} with the real lab
 * captures of the instance while disabled (flags 8) and after re-enabling (flags 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BucketSyncReenableRoutesTest extends CamelMainTestSupport {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15").toAbsolutePath();
    static final Path LAB = Path.of("src/test/resources/fixtures/ceph-16.2.15-lab/sync-disabled-metadata").toAbsolutePath();

    static final Path data = StandInData.copyOf(FIXTURES.resolve("sync-disabled-bucket"));
    static final MonitorStore store = new MonitorStore(Clock.systemUTC(), MonitorSettings.DEFAULTS);

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withUseOverridePropertiesWithPropertiesComponent(StandInCollectors.overrides(data));
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("monitorStore", store);
    }

    @AfterAll
    void removeData() throws IOException {
        StandInData.delete(data);
    }

    @Test
    void a_re_enabled_bucket_whose_counts_became_equal_ends_synced_not_disabled_forever() throws IOException {
        // disabled: us-west keeps 10 of 35 objects, the master's instance says flags 8
        answerMetadataGetWith("metadata-get__bucket.instance-sync-disabled__disabled.txt");
        template.sendBody("direct:collect-bucket-stats", null);
        template.sendBody("direct:collect-bucket-instances", null);
        assertThat(west("sync-disabled").state()).isEqualTo(BucketZoneState.DISABLED);

        // enabled again and caught up: equal counts, so the bucket is no longer a "looks stuck" candidate
        Files.copy(data.resolve("us-east/bucket-stats.txt"), data.resolve("us-west/bucket-stats.txt"),
                StandardCopyOption.REPLACE_EXISTING);
        answerMetadataGetWith("metadata-get__bucket.instance-sync-disabled__re-enabled.txt");
        template.sendBody("direct:collect-bucket-stats", null);
        assertThat(west("sync-disabled").objectDelta()).isZero();
        template.sendBody("direct:collect-bucket-instances", null);

        BucketZoneView view = west("sync-disabled");
        assertThat(view.disabled()).isFalse();
        assertThat(view.state()).isEqualTo(BucketZoneState.SYNCED);

        // flags 0 ends the re-checks: the next cycle reads nothing
        Files.writeString(data.resolve("calls.log"), "");
        template.sendBody("direct:collect-bucket-instances", null);
        assertThat(Files.readString(data.resolve("calls.log"))).doesNotContain("metadata");
    }

    /** The stand-in's answer to {@code metadata get} of the scenario's sync-disabled instance on us-east. */
    private void answerMetadataGetWith(String labCapture) throws IOException {
        Files.copy(LAB.resolve("us-east/" + labCapture),
                data.resolve("us-east/metadata-get-bucket.instance:sync-disabled:" + CollectionRoutesTest.DISABLED_INSTANCE + ".txt"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private BucketZoneView west(String bucket) {
        return store.snapshot().bucket(bucket).orElseThrow().zones().stream()
                .filter(zone -> zone.zone().equals("us-west")).findFirst().orElseThrow();
    }
}
