package rgwmon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static rgwmon.dashboard.MultisiteScenario.BUCKET_PROBE;
import static rgwmon.dashboard.MultisiteScenario.CENTRAL;
import static rgwmon.dashboard.MultisiteScenario.MASTER;
import static rgwmon.dashboard.MultisiteScenario.TENANTED;
import static rgwmon.dashboard.MultisiteScenario.WEST;
import static rgwmon.dashboard.MultisiteScenario.XSS_PROBE;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

import rgwmon.model.SyncError;
import rgwmon.store.MonitorStore;

/**
 * The dashboard in real headless Chromium against the real primary fed with a three-zone
 * multisite ({@link MultisiteScenario}, 40 buckets): every tab shows what the API says, the
 * Bucket Sync controls change the list, the detail view opens with history, a new agent push
 * arrives over SSE without a reload, a cut connection is shown and retried, a slow older bucket
 * search does not overwrite a newer one, and text from Ceph that is an HTML tag (an error message,
 * an object, a bucket and a zone name) stays text on every tab.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends BrowserAgainstPrimary {

    static final Instant START = Instant.now().minusSeconds(300);
    final MultisiteScenario scenario = new MultisiteScenario(40, START);

    @Override
    void feed(MonitorStore store) {
        scenario.feed(store);
    }

    @Test
    @Order(1)
    void overview_shows_the_summary_master_and_zone_cards_and_topology_the_api_reports() {
        open("#overview");
        JsonNode d = api("/api/dashboard");
        JsonNode summary = d.path("summary");

        assertThat(text("#summary [data-key=buckets] .stat-value")).isEqualTo(grouped(summary.path("buckets").asLong()));
        assertThat(text("#summary [data-key=fully-synced] .stat-value"))
                .isEqualTo(grouped(summary.path("bucketsByPriority").path("SYNCED").asLong()));
        assertThat(text("#summary [data-key=avg-sync] .stat-value")).isEqualTo(percent(summary.path("avgSyncPercent").asDouble()));
        assertThat(text("#summary [data-key=pending-objects] .stat-value")).isEqualTo(grouped(summary.path("pendingObjects").asLong()));
        assertThat(text("#summary [data-key=errors] .stat-value")).isEqualTo(grouped(summary.path("errors").asLong()));
        assertThat(summary.path("pendingObjects").asLong()).as("the scenario has lagging buckets").isPositive();

        JsonNode master = zone(d, MASTER);
        String masterCard = ".zone.master[data-zone='" + MASTER + "']";
        assertThat(text(masterCard + " [data-key=buckets] .stat-value")).isEqualTo(grouped(master.path("totals").path("buckets").asLong()));
        assertThat(text(masterCard + " [data-key=objects] .stat-value")).isEqualTo(grouped(master.path("totals").path("objects").asLong()));

        JsonNode west = zone(d, WEST);
        String westCard = ".zone[data-zone='" + WEST + "']";
        assertThat(text(westCard + " [data-agent]")).startsWith("AGENT").doesNotContain("STALE");
        assertThat(text(westCard + " [data-key=pending] .stat-value")).isEqualTo(grouped(west.path("buckets").path("pendingObjects").asLong()));
        assertThat(text(westCard + " [data-key=errors] .stat-value")).isEqualTo(grouped(west.path("errorCount").asLong()));
        assertThat(text(westCard + " [data-key=replicated] .stat-value"))
                .isEqualTo(grouped(west.path("buckets").path("byPriority").path("SYNCED").asLong()));
        // the agent's sync status: data from us-east behind on shards 3 and 17, shard 5 recovering
        assertThat(text(westCard + " [data-key=behind-shards] strong")).isEqualTo("2");
        assertThat(text(westCard + " [data-key=recovering-shards] strong")).isEqualTo("1");
        assertThat(text(westCard + " tr[data-source='" + MASTER + "']")).contains("behind").contains("128/128");
        assertThat(text(westCard + " [data-key=lag] .stat-value")).isEqualTo(duration(west.path("sync").path("lagSeconds").asLong()));

        assertThat(text(".zone[data-zone='" + CENTRAL + "'] [data-agent]")).isEqualTo("NO AGENT");
        // no sync status of eu-central: its lag is unknown, not 0, and the card says why
        assertThat(zone(d, CENTRAL).path("sync").isNull()).isTrue();
        assertThat(text(".zone[data-zone='" + CENTRAL + "'] [data-key=lag] .stat-value")).isEqualTo("–");
        assertThat(script("return document.querySelector(arguments[0]).title",
                ".zone[data-zone='" + CENTRAL + "'] [data-key=lag]")).asString().startsWith("lag unknown");

        assertThat(text("#topology-realm")).isEqualTo(d.path("topology").path("realmName").asText()).isEqualTo("gold");
        assertThat(texts("#topology tbody tr td:first-child")).containsExactly(MASTER, WEST, CENTRAL);
        assertThat(driver().findElement(By.id("demo-banner")).isDisplayed()).as("not a demo").isFalse();
    }

    @Test
    @Order(2)
    void bucket_sync_shows_one_page_with_a_bar_delta_and_state_per_zone() {
        open("#buckets");
        waitUntil(d -> !bucketRows().isEmpty());
        JsonNode page = api("/api/buckets?sort=sync&limit=100");
        assertThat(bucketRows()).isEqualTo(names(page));
        int total = 40 + MultisiteScenario.EXTRA_BUCKETS;
        assertThat(page.path("total").asInt()).isEqualTo(total);
        assertThat(text("#page-info")).isEqualTo("1–" + total + " of " + total);
        assertThat(script("return [...document.querySelectorAll('#bucket-table thead th.zone-col')].map(th => th.dataset.zone)"))
                .isEqualTo(List.of(WEST, CENTRAL));

        // bucket-00003 lags on us-west (70 %): HIGH, behind, the delta the API computes
        JsonNode lagging = item(page, "bucket-00003");
        JsonNode westOfLagging = zoneOf(lagging, WEST);
        WebElement row = driver().findElement(By.cssSelector("tr[data-bucket='bucket-00003']"));
        assertThat(row.findElement(By.cssSelector(".chip[data-priority]")).getText()).isEqualTo("HIGH");
        WebElement westCell = row.findElement(By.cssSelector("td.zone-cell[data-zone='" + WEST + "']"));
        assertThat(westCell.findElement(By.cssSelector(".syncbar .value")).getText())
                .isEqualTo(percent(westOfLagging.path("syncPercent").asDouble()));
        assertThat(westCell.getText()).contains("Δ +" + grouped(westOfLagging.path("objectDelta").asLong()))
                .contains("2 shards behind");
        assertThat(westCell.getAttribute("data-state")).isEqualTo(westOfLagging.path("state").asText()).isEqualTo("BEHIND");

        WebElement disabled = driver().findElement(By.cssSelector("tr[data-bucket='" + MultisiteScenario.DISABLED + "']"));
        assertThat(disabled.findElement(By.cssSelector(".chip[data-priority]")).getText()).isEqualTo("DISABLED");
        assertThat(disabled.findElement(By.cssSelector("td.zone-cell[data-zone='" + WEST + "']")).getText()).contains("disabled");
    }

    @Test
    @Order(3)
    void search_priority_filter_and_sort_change_the_list_as_the_api_does() {
        open("#buckets");
        waitUntil(d -> !bucketRows().isEmpty());
        List<String> unfiltered = bucketRows();

        driver().findElement(By.id("bucket-search")).sendKeys("bucket-0001");
        List<String> searched = apiBucketNames("sort=sync&q=bucket-0001");
        waitUntil(d -> bucketRows().equals(searched));
        assertThat(searched).hasSize(10).allMatch(name -> name.contains("bucket-0001"));
        driver().findElement(By.id("bucket-search")).clear();
        driver().findElement(By.id("bucket-search")).sendKeys(" ");
        waitUntil(d -> bucketRows().equals(unfiltered));

        new Select(driver().findElement(By.id("bucket-priority"))).selectByValue("HIGH");
        List<String> high = apiBucketNames("sort=sync&priority=HIGH");
        waitUntil(d -> bucketRows().equals(high));
        assertThat(high).isNotEmpty().hasSizeLessThan(unfiltered.size());
        assertThat(texts("#bucket-table tbody .chip[data-priority]")).containsOnly("HIGH");
        new Select(driver().findElement(By.id("bucket-priority"))).selectByValue("");

        for (String sort : List.of("name", "delta", "errors", "lag", "sync")) {
            new Select(driver().findElement(By.id("bucket-sort"))).selectByValue(sort);
            List<String> expected = apiBucketNames("sort=" + sort);
            waitUntil(d -> bucketRows().equals(expected));
        }
        assertThat(apiBucketNames("sort=name")).isNotEqualTo(apiBucketNames("sort=sync"));
    }

    @Test
    @Order(4)
    void a_slow_answer_to_an_older_search_does_not_overwrite_the_newer_one() {
        open("#buckets");
        waitUntil(d -> !bucketRows().isEmpty());
        proxy().slowDown("q=bucket-0001", Duration.ofSeconds(2));
        try {
            driver().findElement(By.id("bucket-search")).sendKeys("bucket-0001");
            waitUntil(d -> proxy().slowedRequests() > 0);
            driver().findElement(By.id("bucket-search")).clear();
            driver().findElement(By.id("bucket-search")).sendKeys("bucket-0002");
            List<String> newer = apiBucketNames("sort=sync&q=bucket-0002");
            assertThat(newer).isNotEmpty().isNotEqualTo(apiBucketNames("sort=sync&q=bucket-0001"));
            waitUntil(d -> bucketRows().equals(newer));

            // the older answer arrives after the newer one was drawn: the list must stay as it is
            waitUntil(d -> (Boolean) script("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.includes('q=bucket-0001') && e.responseEnd > 0)"));
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> bucketRows().equals(newer));
        } finally {
            proxy().slowDown(null, Duration.ZERO);
        }
    }

    @Test
    @Order(5)
    void the_detail_view_shows_zone_comparison_history_shard_ids_and_the_bucket_errors() {
        open("#buckets");
        waitUntil(d -> !bucketRows().isEmpty());
        click("tr[data-bucket='" + TENANTED + "']");
        waitUntil(d -> d.findElements(By.cssSelector("#zone-comparison-table tbody tr")).size() == 3);
        assertThat(driver().getCurrentUrl()).endsWith("#buckets/acme%2Finvoices");
        JsonNode detail = api("/api/buckets/" + encode(TENANTED));

        assertThat(text("#detail-title")).isEqualTo(TENANTED);
        List<WebElement> rows = driver().findElements(By.cssSelector("#zone-comparison-table tbody tr"));
        assertThat(rows.get(0).getText()).startsWith(MASTER).contains("MASTER")
                .contains(grouped(detail.path("bucket").path("master").path("objects").asLong()));
        JsonNode west = zoneOf(detail.path("bucket"), WEST);
        assertThat(rows.get(1).getText()).startsWith(WEST).contains(grouped(west.path("counts").path("objects").asLong()))
                .contains("+" + grouped(west.path("objectDelta").asLong()));
        assertThat(rows.get(1).findElement(By.cssSelector(".behind-shards")).getText()).isEqualTo(ids(west.path("behindShards")));
        assertThat(rows.get(1).findElement(By.cssSelector(".recovering-shards")).getText())
                .isEqualTo(ids(west.path("recoveringShards"))).isEqualTo("4");

        int historyPoints = detail.path("history").size();
        assertThat(historyPoints).isPositive();
        waitUntil(d -> !d.findElements(By.cssSelector("#history-sync .uplot")).isEmpty());
        assertThat(driver().findElement(By.id("history-range")).getText()).startsWith(grouped(historyPoints) + " points");

        assertThat(texts("#bucket-errors tbody tr")).hasSize(detail.path("errors").size());
        assertThat(texts("#bucket-errors tbody .error-message")).containsExactly(XSS_PROBE);

        click("#bucket-detail button.close");
        waitUntil(d -> !d.findElement(By.id("bucket-detail")).isDisplayed());
        assertThat(driver().getCurrentUrl()).endsWith("#buckets");
    }

    @Test
    @Order(6)
    void errors_are_grouped_by_code_and_bucket_counted_per_zone_and_listed_newest_first() {
        open("#errors");
        waitUntil(d -> !d.findElements(By.cssSelector("#errors-list tbody tr")).isEmpty());
        JsonNode report = api("/api/errors?limit=100");

        assertThat(text("#error-sources [data-key=total] .stat-value")).isEqualTo(grouped(report.path("total").asLong()));
        assertThat(text("#error-sources [data-zone='" + WEST + "'] .stat-value"))
                .isEqualTo(grouped(report.path("byZone").path(WEST).asLong()));
        List<String> codes = new ArrayList<>();
        report.path("byCode").forEach(group -> codes.add(group.path("code").asText()));
        assertThat(texts("#errors-by-code tbody td.code")).isEqualTo(codes).startsWith("27");
        List<String> buckets = new ArrayList<>();
        report.path("byBucket").forEach(group -> buckets.add(group.path("bucket").asText()));
        assertThat(texts("#errors-by-bucket tbody td:first-child")).isEqualTo(buckets);

        List<String> times = texts("#errors-list tbody td:first-child");
        assertThat(times).hasSize(report.path("items").size()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<String> recordedOn = texts("#errors-list tbody td:nth-child(2)");
        List<String> apiZones = new ArrayList<>();
        report.path("items").forEach(item -> apiZones.add(item.path("zone").asText()));
        assertThat(apiZones).contains(WEST, CENTRAL);
        for (int i = 0; i < apiZones.size(); i++) {
            assertThat(recordedOn.get(i)).startsWith(apiZones.get(i));
        }
    }

    @Test
    @Order(7)
    void an_error_message_that_is_markup_stays_text_and_runs_nothing() {
        open("#errors");
        waitUntil(d -> !d.findElements(By.cssSelector("#errors-list tbody .error-message")).isEmpty());
        assertThat(script("return [...document.querySelectorAll('#errors-list tbody .error-message')].map(e => e.textContent)"))
                .asList().contains(XSS_PROBE);
        // the probe's object name too, and the "latest message" of its error code group
        assertThat(texts("#errors-list tbody td.message")).contains(XSS_PROBE);
        assertThat(driver().findElements(By.cssSelector("main img, dialog img"))).isEmpty();
        assertThatThrownBy(() -> driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(chromium().consoleMessages()).noneMatch(line -> line.contains("SEVERE"));
    }

    @Test
    @Order(8)
    void a_bucket_name_and_a_zone_name_that_are_markup_stay_text_on_every_tab() {
        open("#overview");
        assertThat(textContents(".zone[data-zone='" + CENTRAL + "'] .zone-name")).containsExactly(CENTRAL);
        assertThat(textContents("#topology tbody tr td:first-child")).contains(CENTRAL);
        assertMarkupStayedText();

        open("#buckets");
        waitUntil(d -> bucketRows().contains(BUCKET_PROBE));
        assertThat(textContents("#bucket-table thead th.zone-col")).anyMatch(th -> th.startsWith(CENTRAL));
        assertThat(textContents("tr[data-bucket='" + BUCKET_PROBE + "'] td:first-child")).anyMatch(cell -> cell.contains(BUCKET_PROBE));
        assertMarkupStayedText();

        open("#buckets/" + encode(BUCKET_PROBE));
        waitUntil(d -> d.findElements(By.cssSelector("#zone-comparison-table tbody tr")).size() == 3);
        assertThat(textContents("#detail-title")).containsExactly(BUCKET_PROBE);
        assertThat(textContents("#zone-comparison-table tbody tr td:first-child")).anyMatch(cell -> cell.startsWith(CENTRAL));
        assertThat(textContents("#bucket-errors tbody td:nth-child(2)")).anyMatch(cell -> cell.startsWith(CENTRAL));
        assertMarkupStayedText();

        open("#errors");
        waitUntil(d -> !d.findElements(By.cssSelector("#errors-by-bucket tbody tr")).isEmpty());
        assertThat(textContents("#errors-by-bucket tbody td:first-child")).contains(BUCKET_PROBE);
        assertThat(textContents("#errors-by-bucket tbody td:nth-child(3)")).contains(CENTRAL + " 1");
        assertThat(textContents("#error-sources [data-zone='" + CENTRAL + "'] .stat-label")).containsExactly("recorded on " + CENTRAL);
        assertThat(textContents("#errors-list tbody td:nth-child(4)")).contains(BUCKET_PROBE);
        assertMarkupStayedText();
    }

    /** No element made from the probes, no dialog opened, nothing logged as an error. */
    private void assertMarkupStayedText() {
        assertThat(driver().findElements(By.cssSelector("main img, dialog img"))).isEmpty();
        assertThatThrownBy(() -> driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(chromium().consoleMessages()).noneMatch(line -> line.contains("SEVERE") && !line.contains("/api/events"));
    }

    /** textContent, not innerText: what the DOM holds as text, whatever the layout shows. */
    @SuppressWarnings("unchecked")
    private List<String> textContents(String css) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css);
    }

    @Test
    @Order(9)
    void a_new_agent_push_appears_over_sse_without_a_reload() {
        open("#errors");
        waitUntil(d -> !d.findElements(By.cssSelector("#errors-list tbody tr")).isEmpty());
        script("window.__sameDocument = 'yes'");
        assertThat(text("#connection")).isEqualTo("live");
        String fresh = "failed to sync object(16) Device or resource busy – pushed at " + Instant.now();

        List<SyncError> errors = new ArrayList<>(scenario.initialErrors());
        errors.add(MultisiteScenario.syncError(Instant.now(), "bucket-00017", "new-object", 16, fresh));
        store().acceptZoneReport(scenario.westReport(Instant.now(), errors));

        waitUntil(d -> texts("#errors-list tbody .error-message").contains(fresh));
        assertThat(texts("#errors-list tbody tr").get(0)).contains(fresh).contains("bucket-00017");
        assertThat(script("return window.__sameDocument")).as("no reload").isEqualTo("yes");
        String errorCount = grouped(api("/api/dashboard").path("summary").path("errors").asLong());
        waitUntil(d -> errorCount.equals(text("#error-count")));
    }

    @Test
    @Order(10)
    void a_cut_connection_is_shown_and_the_page_reconnects_and_catches_up() {
        open("#overview");
        waitUntil(d -> "live".equals(text("#connection")));
        script("window.__sameDocument = 'yes'");

        proxy().cut();
        waitUntil(d -> text("#connection").startsWith("connection lost – retrying in"));
        assertThat(driver().findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("lost");
        // while disconnected the store moves on: the page must catch up after reconnecting
        store().acceptSyncErrors(MASTER, new rgwmon.model.SyncErrorList(32, List.of(MultisiteScenario.syncError(
                Instant.now(), "bucket-00020", "late", 5, "recorded on the master while the page was offline"))));
        proxy().restore();

        waitUntil(d -> "live".equals(text("#connection")));
        waitForCurrentSnapshot();
        assertThat(text(".zone.master [data-key=errors] .stat-value")).isEqualTo("1");
        assertThat(script("return window.__sameDocument")).as("no reload").isEqualTo("yes");
    }

    @Test
    @Order(11)
    void screenshots_of_each_tab_are_written_for_the_readme() {
        Path dir = Path.of("target/screenshots");
        DashboardScreenshots.shoot(chromium(), pageUrl(""), dir, "bucket-00003");
        assertThat(DashboardScreenshots.FILES).allSatisfy(file -> assertThat(dir.resolve(file)).isNotEmptyFile());
    }

    private static JsonNode zone(JsonNode dashboard, String name) {
        return StreamSupport.stream(dashboard.path("zones").spliterator(), false)
                .filter(zone -> name.equals(zone.path("name").asText())).findFirst().orElseThrow();
    }

    private static JsonNode zoneOf(JsonNode bucket, String zone) {
        return StreamSupport.stream(bucket.path("zones").spliterator(), false)
                .filter(z -> zone.equals(z.path("zone").asText())).findFirst().orElseThrow();
    }

    private static JsonNode item(JsonNode page, String name) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(b -> name.equals(b.path("name").asText())).findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(b -> b.path("name").asText()).toList();
    }

    private static String ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    /** The dashboard's duration format for the lag. */
    private static String duration(long s) {
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s / 3600 + "h " + (s % 3600) / 60 + "m";
    }
}
