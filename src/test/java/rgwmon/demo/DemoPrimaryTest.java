package rgwmon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rgwmon.collect.RecordingStore;
import rgwmon.demo.DemoTimeline.Phase;
import rgwmon.exec.StandInData;
import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;

/**
 * The demo's primary configuration (demo.properties, the stand-in extracted as the demo does it)
 * collecting on its timers from what the scenario engine renders: as the engine's clock moves
 * through the story, what the primary stores moves with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPrimaryTest extends CamelMainTestSupport {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final DemoTimeline TIMELINE = new DemoTimeline(Duration.ofSeconds(240));
    static final DemoScenario SCENARIO = new DemoScenario(new DemoCluster(), TIMELINE, START);
    static final SettableClock CLOCK = new SettableClock(START.plusSeconds(10));
    static final Path WORK = createWork();
    static final DemoEngine ENGINE = new DemoEngine(SCENARIO, new DemoDataDir(WORK.resolve("data")), CLOCK);
    static final RecordingStore store = new RecordingStore();

    static Path createWork() {
        try {
            Path work = Files.createTempDirectory("rgwmon-demo-test-");
            rgwmon.DemoCommandAccess.extractStandIn(work.resolve("bin"));
            return work;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:demo.properties,classpath:application.properties";
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        ENGINE.renderNow(); // the pre-flight reads the topology at start
        Properties overrides = new Properties();
        overrides.put("camel.main.configuration-classes", "rgwmon.RgwMonitorConfiguration,rgwmon.collect.CollectionConfiguration");
        overrides.put("camel.main.routes-include-pattern",
                "classpath:routes/radosgw-admin.camel.yaml,classpath:routes/collect-*.camel.yaml");
        overrides.put("camel.server.enabled", "false");
        overrides.put("rgw.admin.binary", WORK.resolve("bin/radosgw-admin").toString());
        overrides.put("rgw.admin.conf", WORK.resolve("data").toString());
        // faster than the demo's 5 s so the test is short; everything else as in the demo
        overrides.put("rgw.collect.interval-seconds", "1");
        overrides.put("rgw.collect.bucket-instances.delay-seconds", "1");
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("monitorStore", store);
    }

    @AfterAll
    void removeWork() throws IOException {
        StandInData.delete(WORK);
    }

    @Test
    void the_demo_configuration_is_the_demo() {
        assertThat(context.getPropertiesComponent().resolveProperty("rgw.demo")).hasValue("true");
        assertThat(context.getPropertiesComponent().resolveProperty("rgw.admin.zone")).hasValue("us-east");
    }

    @Test
    void the_primary_sees_the_story_move_through_its_phases() {
        for (int cycle = 0; cycle < 2; cycle++) {
            for (Phase phase : Phase.values()) {
                CLOCK.set(TIMELINE.timeIn(START, cycle, phase, 0.5));
                ENGINE.renderNow();
                Phase expected = phase;
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Map<String, Long> missing = missingOnUsWest();
                    assertThat(missing.get("media-uploads") > 0).as("media-uploads behind")
                            .isEqualTo(expected == Phase.BUCKET_BEHIND);
                    assertThat(missing.get("video-archive")).isEqualTo(expected == Phase.SYNC_ERRORS ? 5L : 0L);
                    assertThat(missing.get("legacy-exports")).isPositive();
                    missing.forEach((bucket, n) -> {
                        if (!List.of("media-uploads", "video-archive", "legacy-exports").contains(bucket)) {
                            assertThat(n).as(bucket).isZero();
                        }
                    });
                });
            }
        }
        // the master's own view stays caught up (active-active: it pulls from us-west too)
        SyncStatus east = (SyncStatus) last("acceptSyncStatus", "us-east");
        assertThat(east.metadataSync().health()).isEqualTo(SyncHealth.MASTER);
        assertThat(east.dataSources()).singleElement().extracting(s -> s.health()).isEqualTo(SyncHealth.CAUGHT_UP);
        // counts differ for the disabled bucket: its instance flags were read and say "disabled on purpose"
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.calls("acceptBucketInstance", "us-east"))
                .extracting(c -> (BucketInstanceMetadata) c.value())
                .anySatisfy(m -> {
                    assertThat(m.bucket()).isEqualTo("legacy-exports");
                    assertThat(m.syncDisabled()).isTrue();
                }));
        assertThat(store.calls.stream().filter(c -> c.method().startsWith("recordFailure"))).isEmpty();
    }

    /** us-east's object count minus us-west's, per bucket, from the latest bucket stats of each zone. */
    private Map<String, Long> missingOnUsWest() {
        Map<String, BucketStats> east = byName((BucketStatsList) last("acceptBucketStats", "us-east"));
        Map<String, BucketStats> west = byName((BucketStatsList) last("acceptBucketStats", "us-west"));
        Map<String, Long> missing = new java.util.TreeMap<>();
        east.forEach((name, stats) -> missing.put(name, stats.numObjects() - west.get(name).numObjects()));
        return missing;
    }

    private static Object last(String method, String zone) {
        List<RecordingStore.Call> calls = store.calls(method, zone);
        assertThat(calls).as("%s of %s", method, zone).isNotEmpty();
        return calls.get(calls.size() - 1).value();
    }

    private static Map<String, BucketStats> byName(BucketStatsList stats) {
        Map<String, BucketStats> map = new java.util.LinkedHashMap<>();
        stats.buckets().forEach(b -> map.put(b.qualifiedName(), b));
        return map;
    }

    /** The engine's clock, moved by the test from phase to phase. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
