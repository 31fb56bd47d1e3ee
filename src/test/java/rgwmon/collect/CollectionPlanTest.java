package rgwmon.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import rgwmon.model.Period;
import rgwmon.processors.PeriodParser;
import rgwmon.processors.SyncStatusParser;

/** Which zone is local and which are asked about from afar, on the real lab topology. */
class CollectionPlanTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15/caught-up");

    static Period period() throws Exception {
        return new PeriodParser().parse(Files.readString(FIXTURES.resolve("us-east/period-get.txt")));
    }

    @Test
    void without_a_configured_zone_the_master_zone_is_local_until_sync_status_names_it() throws Exception {
        CollectionPlan plan = new CollectionPlan("", true);
        assertThat(plan.localZone()).isNull();
        assertThat(plan.otherZones()).isEmpty();

        plan.acceptPeriod(period());
        assertThat(plan.localZone()).isEqualTo("us-east");
        assertThat(plan.otherZones()).singleElement().satisfies(z -> {
            assertThat(z.name()).isEqualTo("us-west");
            assertThat(z.zonegroup()).isEqualTo("us");
            assertThat(z.endpoints()).containsExactly("http://127.0.0.1:8001");
        });

        // radosgw-admin on this host answers for us-west: that is the local zone then
        plan.acceptSyncStatus(new SyncStatusParser().parse(Files.readString(FIXTURES.resolve("us-west/sync-status.txt"))));
        assertThat(plan.localZone()).isEqualTo("us-west");
        assertThat(plan.otherZones()).extracting(ZoneTarget::name).containsExactly("us-east");
    }

    @Test
    void a_configured_zone_wins() throws Exception {
        CollectionPlan plan = new CollectionPlan("us-west", true);
        plan.acceptPeriod(period());
        plan.acceptSyncStatus(new SyncStatusParser().parse(Files.readString(FIXTURES.resolve("us-east/sync-status.txt"))));

        assertThat(plan.localZone()).isEqualTo("us-west");
        assertThat(plan.masterZone()).isEqualTo("us-east");
    }

    @Test
    void other_zones_are_not_asked_for_bucket_stats_when_neither_rest_nor_rgw_zone_calls_are_allowed() throws Exception {
        CollectionPlan plan = new CollectionPlan("us-east", false);
        plan.acceptPeriod(period());

        assertThat(plan.otherZones()).extracting(ZoneTarget::name).containsExactly("us-west");
        assertThat(plan.zonesToAskForBucketStats()).isEmpty();
    }
}
