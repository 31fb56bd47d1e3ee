package rgwmon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import rgwmon.DemoCommandAccess;
import rgwmon.demo.DemoCluster;
import rgwmon.demo.DemoDataDir;
import rgwmon.demo.DemoEngine;
import rgwmon.demo.DemoScenario;
import rgwmon.demo.DemoTimeline;
import rgwmon.demo.DemoTimeline.Phase;
import rgwmon.fixtures.MutableClock;
import rgwmon.store.MonitorStore;

/**
 * The dashboard on the embedded demo's data: the demo's primary configuration (demo.properties,
 * every route including the collectors) running radosgw-admin against the demo's stand-in, whose
 * outputs the scenario engine renders at a moment the test chooses. The page says DEMO, shows what
 * the API says, and follows the story live when the engine moves on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDashboardBrowserTest extends BrowserAgainstPrimary {

    static final Instant START = Instant.now().minusSeconds(3600);
    static final DemoTimeline TIMELINE = new DemoTimeline(Duration.ofSeconds(240));
    static final String BURST_BUCKET = "media-uploads";
    static final String DISABLED_BUCKET = "legacy-exports";

    // static, and no initialiser for engine: configure() runs from the support's constructor
    static final MutableClock clock = new MutableClock(TIMELINE.timeIn(START, 0, Phase.CAUGHT_UP, 0.5));
    private DemoEngine engine;

    @Override
    String propertiesFiles() {
        return "classpath:demo.properties,classpath:application.properties";
    }

    @Override
    void configure(Properties overrides) {
        try {
            DemoCommandAccess.extractStandIn(work().resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine = new DemoEngine(new DemoScenario(new DemoCluster(), TIMELINE, START),
                new DemoDataDir(work().resolve("data")), clock);
        engine.renderNow(); // the pre-flight reads the topology at start
        overrides.put("camel.main.configuration-classes",
                "rgwmon.RgwMonitorConfiguration,rgwmon.collect.CollectionConfiguration,rgwmon.PrimaryConfiguration");
        overrides.put("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
        // what the demo command sets (DemoCommand), with collection every second to keep the test short
        overrides.put("rgw.role", "demo");
        overrides.put("rgw.demo", "true");
        overrides.put("rgw.admin.binary", work().resolve("bin/radosgw-admin").toString());
        overrides.put("rgw.admin.conf", work().resolve("data").toString());
        overrides.put("rgw.collect.interval-seconds", "1");
        overrides.put("rgw.collect.bucket-instances.delay-seconds", "1");
    }

    /** The collectors feed the store: wait for their first round. */
    @Override
    void feed(MonitorStore store) {
        await().atMost(WAIT).until(() -> store.snapshot().bucket(BURST_BUCKET).isPresent()
                && store.snapshot().bucket(DISABLED_BUCKET).map(b -> b.disabled()).orElse(false));
    }

    @AfterAll
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void the_demo_is_labelled_shows_the_api_values_and_follows_the_story_live() {
        open("#overview");
        assertThat(driver().findElement(By.id("demo-banner")).isDisplayed()).isTrue();
        assertThat(text("#demo-banner")).startsWith("DEMO");
        JsonNode dashboard = api("/api/dashboard");
        assertThat(dashboard.path("demo").asBoolean()).isTrue();
        assertThat(text("#summary [data-key=buckets] .stat-value"))
                .isEqualTo(grouped(dashboard.path("summary").path("buckets").asLong()));
        assertThat(text("#realm")).isEqualTo("realm " + dashboard.path("topology").path("realmName").asText());
        assertThat(texts("#topology tbody tr td:first-child")).containsExactly(DemoCluster.MASTER, DemoCluster.SECONDARY);

        open("#buckets");
        waitUntil(d -> bucketRows().contains(BURST_BUCKET));
        assertThat(bucketRows()).isEqualTo(apiBucketNames("sort=sync&limit=100"));
        assertThat(text("tr[data-bucket='" + DISABLED_BUCKET + "'] .chip[data-priority]")).isEqualTo("DISABLED");
        assertThat(text("tr[data-bucket='" + BURST_BUCKET + "'] .chip[data-priority]")).isEqualTo("SYNCED");
        script("window.__sameDocument = 'yes'");

        // the story moves on: a burst of writes on media-uploads that us-west replicates only in part
        clock.set(TIMELINE.timeIn(START, 0, Phase.BUCKET_BEHIND, 0.5));
        engine.renderNow();
        waitUntil(d -> !"SYNCED".equals(text("tr[data-bucket='" + BURST_BUCKET + "'] .chip[data-priority]")));
        String westCell = text("tr[data-bucket='" + BURST_BUCKET + "'] td.zone-cell[data-zone='" + DemoCluster.SECONDARY + "']");
        assertThat(westCell).contains("Δ +");
        assertThat(script("return window.__sameDocument")).as("no reload").isEqualTo("yes");
        assertThat(bucketRows().get(0)).as("worst first").isIn(BURST_BUCKET, DISABLED_BUCKET);
    }

    /**
     * Without the demo's zone agent (a child JVM; not run here) us-west's error list is not
     * collected: the Errors tab shows exactly what the API has, and a bucket detail compares both zones.
     */
    @Test
    @Order(2)
    void the_errors_tab_and_a_bucket_detail_show_the_demo_data_the_api_reports() {
        open("#errors");
        JsonNode report = api("/api/errors?limit=200");
        waitUntil(d -> text("#error-sources [data-key=total] .stat-value") != null);
        assertThat(text("#error-sources [data-key=total] .stat-value")).isEqualTo(grouped(report.path("total").asLong()));
        if (report.path("total").asInt() == 0) {
            assertThat(text("#tab-errors")).contains("No sync errors on any zone.");
        } else {
            assertThat(texts("#errors-list tbody tr")).hasSize(report.path("items").size());
        }

        open("#buckets/" + encode(BURST_BUCKET));
        waitUntil(d -> BURST_BUCKET.equals(text("#detail-title")));
        waitUntil(d -> d.findElements(By.cssSelector("#zone-comparison-table tbody tr")).size() == 2);
        JsonNode detail = api("/api/buckets/" + encode(BURST_BUCKET));
        assertThat(texts("#zone-comparison-table tbody tr td:first-child"))
                .satisfiesExactly(master -> assertThat(master).startsWith(DemoCluster.MASTER),
                        west -> assertThat(west).startsWith(DemoCluster.SECONDARY));
        assertThat(text("#zone-comparison-table tbody tr:first-child"))
                .contains(grouped(detail.path("bucket").path("master").path("objects").asLong()));
        JsonNode west = detail.path("bucket").path("zones").get(0);
        assertThat(west.path("zone").asText()).isEqualTo(DemoCluster.SECONDARY);
        assertThat(text("#zone-comparison-table tbody tr:nth-child(2)"))
                .contains(grouped(west.path("counts").path("objects").asLong()));
        waitUntil(d -> !d.findElements(By.cssSelector("#history-sync .uplot")).isEmpty());
    }
}
