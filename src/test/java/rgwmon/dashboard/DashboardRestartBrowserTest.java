package rgwmon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static rgwmon.dashboard.MultisiteScenario.MASTER;

import java.time.Instant;
import java.util.List;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import rgwmon.model.SyncErrorList;
import rgwmon.store.MonitorStore;

/**
 * A primary restart under an open page: the new primary numbers its snapshots from 0 again, so
 * what it announces is lower than what the page shows. The page must follow the new primary (its
 * boot id, snapshot number and values) at once and keep following it, without a reload.
 */
class DashboardRestartBrowserTest extends BrowserAgainstPrimary {

    static final Instant START = Instant.now().minusSeconds(300);
    static final int BUCKETS_BEFORE = 40;
    static final int BUCKETS_AFTER = 12;

    @Override
    void feed(MonitorStore store) {
        new MultisiteScenario(BUCKETS_BEFORE, START).feed(store);
        // a primary that ran a while: far more snapshots than the restarted one will have published
        MultisiteScenario scenario = new MultisiteScenario(BUCKETS_BEFORE, START);
        for (int i = 0; i < 100; i++) {
            store.acceptSyncStatus(MASTER, scenario.masterSyncStatus());
        }
    }

    @Test
    void after_a_primary_restart_the_page_follows_the_new_primary_without_a_reload() throws Exception {
        open("#overview");
        waitUntil(d -> "live".equals(text("#connection")));
        JsonNode before = api("/api/dashboard?last_n=0");
        script("window.__sameDocument = 'yes'");

        Main restarted = startAnotherPrimary("history-after-restart");
        try {
            MonitorStore store = store(restarted.getCamelContext());
            new MultisiteScenario(BUCKETS_AFTER, START).feed(store);
            int port = port(restarted.getCamelContext());
            JsonNode after = api(port, "/api/dashboard?last_n=0");
            assertThat(after.path("snapshot").asLong()).as("numbers start over")
                    .isLessThan(before.path("snapshot").asLong());
            assertThat(after.path("bootId").asText()).isNotBlank().isNotEqualTo(before.path("bootId").asText());
            assertThat(api(port, "/api/health").path("bootId").asText()).isEqualTo(after.path("bootId").asText());

            proxy().retarget(port);

            String snapshot = after.path("snapshot").asText();
            waitUntil(d -> snapshot.equals(text("#snapshot-id")));
            waitUntil(d -> "live".equals(text("#connection")));
            assertThat(text("#summary [data-key=buckets] .stat-value"))
                    .isEqualTo(grouped(after.path("summary").path("buckets").asLong()))
                    .isNotEqualTo(grouped(before.path("summary").path("buckets").asLong()));

            // and it keeps following the new run, whose numbers are still below the old ones
            store.acceptSyncErrors(MASTER, new SyncErrorList(32, List.of(MultisiteScenario.syncError(
                    Instant.now(), "bucket-00004", "after-restart", 5, "recorded after the restart"))));
            String next = api(port, "/api/dashboard?last_n=0").path("snapshot").asText();
            assertThat(Long.parseLong(next)).isLessThan(before.path("snapshot").asLong());
            waitUntil(d -> next.equals(text("#snapshot-id")));
            assertThat(text(".zone.master [data-key=errors] .stat-value")).isEqualTo("1");
            assertThat(script("return window.__sameDocument")).as("no reload").isEqualTo("yes");
        } finally {
            restarted.stop();
        }
    }
}
