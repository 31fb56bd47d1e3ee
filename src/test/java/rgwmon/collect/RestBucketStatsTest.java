package rgwmon.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import rgwmon.exec.StandInData;
import rgwmon.model.BucketStatsList;
import rgwmon.model.CollectionFailure;

/**
 * REST mode for other zones' bucket stats: the primary asks us-west's RGW admin API (a JDK
 * HttpServer on 127.0.0.1 that checks the AWS SigV4 signature the way RGW does and answers with the
 * real us-west bucket stats), while the local zone still comes from radosgw-admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestBucketStatsTest extends CamelMainTestSupport {

    static final String ACCESS_KEY = "MONITORACCESSKEY0001";
    static final String SECRET_KEY = "monitor-secret-never-in-logs-0123456789";
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15").toAbsolutePath();

    static final Path data = StandInData.copyOf(FIXTURES.resolve("sync-disabled-bucket"));
    static final RecordingStore store = new RecordingStore();
    static final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    static final HttpServer rgw = startRgw();
    static volatile String answerSecret = SECRET_KEY;

    static HttpServer startRgw() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/admin/bucket", RestBucketStatsTest::answer);
            server.start();
            // the period names us-west's endpoint: point it at this server
            Path period = data.resolve("us-east/period-get.txt");
            Files.writeString(period, Files.readString(period)
                    .replace("http://127.0.0.1:8001", "http://127.0.0.1:" + server.getAddress().getPort()));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = Map.of(
                "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                "host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")),
                "x-amz-date", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Date")),
                "x-amz-content-sha256", String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-content-sha256")),
                "query", String.valueOf(exchange.getRequestURI().getRawQuery()));
        requests.add(headers);
        boolean valid;
        try {
            valid = SigV4Check.valid(headers.get("authorization"), exchange.getRequestURI().getRawPath(),
                    headers.get("query"), headers, ACCESS_KEY, answerSecret);
        } catch (Exception e) {
            valid = false;
        }
        byte[] body = valid
                ? Files.readAllBytes(FIXTURES.resolve("sync-disabled-bucket/us-west/bucket-stats.txt"))
                : "{\"Code\":\"SignatureDoesNotMatch\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(valid ? 200 : 403, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = StandInCollectors.overrides(data);
        overrides.put("rgw.collect.rest.enabled", "true");
        overrides.put("rgw.collect.rest.access-key", ACCESS_KEY);
        overrides.put("rgw.collect.rest.secret-key", SECRET_KEY);
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("monitorStore", store);
    }

    @BeforeEach
    void reset() {
        store.clear();
        requests.clear();
        answerSecret = SECRET_KEY;
    }

    @AfterAll
    void stop() throws IOException {
        rgw.stop(0);
        StandInData.delete(data);
    }

    @Test
    void other_zones_bucket_stats_come_from_their_admin_api_with_a_valid_sigv4_signature() {
        try (LogCapture log = new LogCapture()) {
            template.sendBody("direct:collect-bucket-stats", null);

            assertThat(requests).singleElement().satisfies(request -> {
                assertThat(request.get("query")).isEqualTo("stats=true");
                assertThat(request.get("authorization")).matches(SigV4Check.AUTHORIZATION)
                        .contains("Credential=" + ACCESS_KEY + "/").contains("/us/s3/aws4_request")
                        .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date");
            });
            BucketStatsList west = (BucketStatsList) store.calls("acceptBucketStats", "us-west").get(0).value();
            assertThat(west.buckets()).extracting(b -> b.bucket()).contains("sync-disabled");
            assertThat(store.calls("acceptBucketStats", "us-east")).hasSize(1);
            assertThat(log.events).noneMatch(e -> e.getMessage().getFormattedMessage().contains(SECRET_KEY));
        }
    }

    @Test
    void a_refused_request_is_that_zones_failure_and_never_shows_the_secret() {
        answerSecret = "another-secret";
        try (LogCapture log = new LogCapture()) {
            template.sendBody("direct:collect-bucket-stats", null);

            CollectionFailure failure = (CollectionFailure) store.calls("recordFailure:bucket-stats", "us-west").get(0).value();
            assertThat(failure.kind()).isEqualTo("HTTP_STATUS");
            assertThat(failure.message()).contains("HTTP 403").contains("SignatureDoesNotMatch")
                    .contains("/admin/bucket?stats=true").doesNotContain(SECRET_KEY);
            assertThat(store.calls("acceptBucketStats", "us-east")).hasSize(1);
            assertThat(log.events).noneMatch(e -> e.getMessage().getFormattedMessage().contains(SECRET_KEY));
        }
    }

    @Test
    void the_settings_never_print_the_secret() {
        RgwAdminRestClient.Settings settings = new RgwAdminRestClient.Settings(true, ACCESS_KEY, SECRET_KEY, true, "", 5);
        assertThat(settings.toString()).doesNotContain(SECRET_KEY).contains(ACCESS_KEY);
    }
}
