package rgwmon.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import rgwmon.exec.StandInData;
import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStatsList;
import rgwmon.model.CollectionFailure;
import rgwmon.model.Period;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;

/**
 * The primary's collection routes (routes/collect-*.camel.yaml) with the real exec route and
 * parsers, against the stand-in radosgw-admin playing the master zone us-east of the real
 * sync-disabled-bucket capture. Timers are set far apart: each test drives a collector directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollectionRoutesTest extends CamelMainTestSupport {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15").toAbsolutePath();
    static final Path LAB = Path.of("src/test/resources/fixtures/ceph-16.2.15-lab/sync-disabled-metadata").toAbsolutePath();
    /** the sync-disabled bucket's instance in the sync-disabled-bucket capture */
    static final String DISABLED_INSTANCE = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.18";

    static final Path data = StandInData.copyOf(FIXTURES.resolve("sync-disabled-bucket"));
    static final RecordingStore store = new RecordingStore();

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withUseOverridePropertiesWithPropertiesComponent(StandInCollectors.overrides(data));
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("monitorStore", store);
    }

    /** what the store received while Camel started (before any test drove a collector) */
    static List<RecordingStore.Call> startupCalls;

    @BeforeEach
    void freshDataAndTopology() throws IOException {
        if (startupCalls == null) {
            startupCalls = List.copyOf(store.calls);
        }
        StandInData.delete(data);
        Files.createDirectories(data);
        StandInData.copyInto(FIXTURES.resolve("sync-disabled-bucket"), data);
        template.sendBody("direct:collect-topology", null);
        store.clear();
    }

    @AfterAll
    void removeData() throws IOException {
        StandInData.delete(data);
    }

    @Test
    @Order(1)
    void the_topology_is_read_at_start_and_only_then_the_collector_timers_run() {
        assertThat(startupCalls).extracting(RecordingStore.Call::method).containsExactly("acceptPeriod");
        assertThat(((Period) startupCalls.get(0).value()).epoch()).isEqualTo(2);
        assertThat(context.getRegistry().lookupByNameAndType("collectionPlan", CollectionPlan.class).otherZones())
                .extracting(ZoneTarget::name).containsExactly("us-west");
        assertThat(List.of("collect-topology-timer", "collect-sync-status-timer", "collect-sync-errors-timer",
                "collect-bucket-stats-timer", "collect-bucket-instances-timer"))
                .allSatisfy(id -> assertThat(context.getRouteController().getRouteStatus(id)).isEqualTo(ServiceStatus.Started));
    }

    @Test
    void a_full_cycle_stores_each_part_under_the_zone_it_describes() {
        template.sendBody("direct:collect-now", null);

        SyncStatus status = (SyncStatus) store.calls("acceptSyncStatus", "us-east").get(0).value();
        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.MASTER);
        assertThat(status.dataSources()).extracting(s -> s.zoneName()).containsExactly("us-west");

        BucketStatsList east = (BucketStatsList) store.calls("acceptBucketStats", "us-east").get(0).value();
        BucketStatsList west = (BucketStatsList) store.calls("acceptBucketStats", "us-west").get(0).value();
        assertThat(objects(east, "sync-disabled")).isEqualTo(35);
        assertThat(objects(west, "sync-disabled")).isEqualTo(10);

        SyncErrorList errors = (SyncErrorList) store.calls("acceptSyncErrors", "us-east").get(0).value();
        assertThat(errors.shardCount()).isEqualTo(32);
        assertThat(store.calls.stream().filter(c -> c.method().startsWith("recordFailure:bucket-stats"))).isEmpty();
    }

    @Test
    void a_bucket_whose_counts_differ_gets_its_instance_flags_read_on_the_local_zone() throws IOException {
        // the stand-in answers the metadata get with the real capture of a bucket while its sync is disabled
        Files.copy(LAB.resolve("us-east/metadata-get__bucket.instance-sync-disabled__disabled.txt"),
                data.resolve("us-east/metadata-get-bucket.instance:sync-disabled:" + DISABLED_INSTANCE + ".txt"));
        Files.writeString(data.resolve("calls.log"), "");
        template.sendBody("direct:collect-bucket-stats", null);
        template.sendBody("direct:collect-bucket-instances", null);

        BucketInstanceMetadata metadata = (BucketInstanceMetadata) store.calls("acceptBucketInstance", "us-east").get(0).value();
        assertThat(metadata.bucket()).isEqualTo("sync-disabled");
        assertThat(metadata.syncDisabled()).isTrue();
        assertThat(Files.readAllLines(data.resolve("calls.log")))
                .containsSubsequence("--rgw-zone", "us-east", "metadata", "get",
                        "bucket.instance:sync-disabled:" + DISABLED_INSTANCE, "--");
    }

    @Test
    void a_zone_whose_bucket_stats_fail_is_that_zones_failure_only() throws IOException {
        Files.delete(data.resolve("us-west/bucket-stats.txt"));
        template.sendBody("direct:collect-bucket-stats", null);

        assertThat(store.calls("acceptBucketStats", "us-east")).hasSize(1);
        assertThat(store.calls("acceptBucketStats", "us-west")).isEmpty();
        CollectionFailure failure = (CollectionFailure) store.calls("recordFailure:bucket-stats", "us-west").get(0).value();
        assertThat(failure.kind()).isEqualTo("EXIT_CODE");
        assertThat(failure.command()).isEqualTo("bucket stats");
        assertThat(failure.message()).contains("nothing recorded for 'bucket-stats' in zone 'us-west'");
        assertThat(store.calls("recordFailure:bucket-stats", "us-east")).isEmpty();
    }

    @Test
    void unreadable_output_is_one_logged_parse_failure_and_the_other_collectors_go_on() throws IOException {
        Files.writeString(data.resolve("us-east/sync-status.txt"), "this is not what radosgw-admin prints\n");
        try (LogCapture log = new LogCapture()) {
            template.sendBody("direct:collect-now", null);

            CollectionFailure failure = (CollectionFailure) store.calls("recordFailure:sync-status", "us-east").get(0).value();
            assertThat(failure.kind()).isEqualTo(CollectionFailures.PARSE);
            assertThat(failure.command()).isEqualTo("sync status");
            assertThat(store.calls("acceptSyncStatus")).isEmpty();
            assertThat(store.calls("acceptBucketStats", "us-east")).hasSize(1);
            assertThat(store.calls("acceptSyncErrors", "us-east")).hasSize(1);

            assertThat(log.messagesFrom(CollectionFailures.class))
                    .filteredOn(line -> line.contains("sync-status"))
                    .singleElement().asString().startsWith("collecting sync-status of zone us-east failed (PARSE)");
            assertThat(log.withThrowable()).isEmpty();
        }
    }

    @Test
    void a_failing_radosgw_admin_call_is_logged_once_without_a_stack_trace() throws IOException {
        Files.writeString(data.resolve("us-east/sync-error-list.rc"), "1");
        Files.writeString(data.resolve("us-east/sync-error-list.stderr"),
                "failed to fetch mon config (--no-mon-config to skip)\n");
        try (LogCapture log = new LogCapture()) {
            template.sendBody("direct:collect-sync-errors", null);

            CollectionFailure failure = (CollectionFailure) store.calls("recordFailure:sync-errors", "us-east").get(0).value();
            assertThat(failure.kind()).isEqualTo("EXIT_CODE");
            assertThat(failure.message()).contains("exit code 1").contains("failed to fetch mon config");
            assertThat(log.events).filteredOn(e -> e.getLevel().isMoreSpecificThan(org.apache.logging.log4j.Level.WARN))
                    .singleElement().satisfies(e -> assertThat(e.getLoggerName()).isEqualTo(CollectionFailures.class.getName()));
            assertThat(log.withThrowable()).isEmpty();
        }
    }

    @Test
    void a_new_zone_in_the_period_is_collected_without_a_restart() throws IOException {
        Path period = data.resolve("us-east/period-get.txt");
        String zonesEnd = "\n                ],\n                \"placement_targets\"";
        String newZone = ",{\"id\": \"0c3a4f9e-0000-4000-8000-00000000eu01\", \"name\": \"eu-central\","
                + " \"endpoints\": [\"http://127.0.0.1:8002\"], \"log_meta\": \"false\", \"log_data\": \"true\","
                + " \"bucket_index_max_shards\": 11, \"read_only\": \"false\", \"tier_type\": \"\","
                + " \"sync_from_all\": \"true\", \"sync_from\": [], \"redirect_zone\": \"\"}";
        String original = Files.readString(period);
        assertThat(original).contains(zonesEnd);
        Files.writeString(period, original.replace("\"epoch\": 2,", "\"epoch\": 3,").replace(zonesEnd, newZone + zonesEnd));
        template.sendBody("direct:collect-topology", null);
        template.sendBody("direct:collect-bucket-stats", null);

        assertThat(((Period) store.calls("acceptPeriod").get(0).value()).epoch()).isEqualTo(3);
        assertThat(store.calls("acceptBucketStats", "us-west")).hasSize(1);
        // the stand-in has no outputs for the new zone: collected, failed, recorded for that zone
        assertThat(store.calls("recordFailure:bucket-stats", "eu-central")).hasSize(1);
    }

    private static long objects(BucketStatsList stats, String bucket) {
        return stats.buckets().stream().filter(b -> b.bucket().equals(bucket)).findFirst().orElseThrow().numObjects();
    }
}
