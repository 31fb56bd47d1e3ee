package rgwmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static rgwmon.fixtures.ModelRecords.EAST;
import static rgwmon.fixtures.ModelRecords.WEST;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rgwmon.fixtures.LogCapture;
import rgwmon.history.SnapshotHistory;
import rgwmon.store.MonitorStore;

/**
 * The whole primary, started the way {@code java -jar … primary} starts it (RoleLauncher, packaged
 * application.properties and routes, collectors against the stand-in radosgw-admin), stopped, and
 * started again on the same history file: the history the timer route wrote in the first run is
 * served by the second. Also checks, from the very
 * first log line, that configured tokens are never logged.
 */
class PrimaryRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUSH_TOKEN = "restart-push-token-0123456789";
    private static final String ADMIN_TOKEN = "restart-admin-token-0123456789";
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Main start(Path history) throws Exception {
        Main main = new RoleLauncher("primary", RoleLauncher.PRIMARY_ROUTES)
                .set("camel.server.host", "127.0.0.1")
                .set("camel.server.port", 0)
                .set("rgw.history.path", history.toString())
                .set("rgw.history.sample-interval-seconds", 1)
                // the collectors run on their timers against the stand-in and the real "errors" outputs
                .set("rgw.admin.binary", Path.of("src/main/resources/standin/radosgw-admin").toAbsolutePath())
                .set("rgw.admin.conf", Path.of("src/test/resources/fixtures/ceph-16.2.15/errors").toAbsolutePath())
                .set("rgw.admin.zone", EAST)
                .set("rgw.collect.interval-seconds", 1)
                .set("rgw.push.token", "us-west:" + PUSH_TOKEN)
                .set("rgw.api.admin.token", ADMIN_TOKEN)
                .build();
        main.start();
        return main;
    }

    private JsonNode get(CamelContext context, String path) throws IOException, InterruptedException {
        int port = context.hasService(VertxPlatformHttpServer.class).getPort();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void history_written_by_one_run_is_served_after_a_restart_on_the_same_file() throws Exception {
        Path history = dir.resolve("data/history");
        List<String> firstRunSamples = new ArrayList<>();

        LogCapture logs = new LogCapture();
        Main first = start(history);
        try {
            CamelContext context = first.getCamelContext();
            MonitorStore store = context.getRegistry().lookupByNameAndType("monitorStore", MonitorStore.class);
            SnapshotHistory snapshotHistory = context.getRegistry().lookupByNameAndType("snapshotHistory", SnapshotHistory.class);
            // collected bucket stats of both zones, then two samples written by the history-sample timer route
            await().atMost(Duration.ofSeconds(30)).until(() -> store.snapshot().zone(WEST)
                    .map(zone -> zone.totals() != null).orElse(false));
            long collectedBy = snapshotHistory.sampleCount();
            await().atMost(Duration.ofSeconds(30)).until(() -> snapshotHistory.sampleCount() >= collectedBy + 2);
            for (JsonNode sample : get(context, "/api/sync-status?last_n=1000").get("history")) {
                firstRunSamples.add(sample.get("at").asText());
            }
        } finally {
            first.stop();
        }
        assertThat(firstRunSamples).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.exists(Path.of(history + ".mv.db"))).isTrue();

        Main second = start(history);
        try {
            CamelContext context = second.getCamelContext();
            JsonNode samples = get(context, "/api/sync-status?last_n=1000").get("history");
            List<String> times = new ArrayList<>();
            samples.forEach(sample -> times.add(sample.get("at").asText()));
            assertThat(times).containsAll(firstRunSamples);
            // the first run's last sample: us-west lacks 5 objects of sync-errors (10 on us-east, 5 there)
            JsonNode lastOfFirstRun = samples.get(times.indexOf(firstRunSamples.get(firstRunSamples.size() - 1)));
            JsonNode west = null;
            for (JsonNode zone : lastOfFirstRun.get("zones")) {
                if (zone.get("zone").asText().equals(WEST)) {
                    west = zone;
                }
            }
            assertThat(west).isNotNull();
            assertThat(west.get("pendingObjects").asLong()).isEqualTo(5);
            assertThat(west.get("buckets").asInt()).isEqualTo(21);
            assertThat(get(context, "/api/dashboard?last_n=100").get("history").size())
                    .isGreaterThanOrEqualTo(firstRunSamples.size());
        } finally {
            second.stop();
            logs.close();
        }
        // Camel's startup summary lists every property: the tokens must show masked there too
        assertThat(logs.lines()).anyMatch(line -> line.contains("rgw.push.token"));
        assertThat(logs.lines()).noneMatch(line -> line.contains(PUSH_TOKEN) || line.contains(ADMIN_TOKEN));
    }
}
