package rgwmon.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rgwmon.history.SnapshotHistory;
import rgwmon.store.MonitorStore;

/**
 * The real primary booted in-process (application.properties, the configuration classes, the API
 * and history routes, the packaged dashboard) on 127.0.0.1 and a free port, with the collectors left
 * out: the test feeds the store through {@link rgwmon.store.StoreIngest} as they would. One headless
 * Chromium per class talks to it through a {@link CuttableProxy}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserAgainstPrimary extends CamelMainTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    // configureContext runs from the support's constructor, before field initialisers
    private Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HeadlessChromium chromium;
    private CuttableProxy proxy;
    private int apiPort;

    /** What the collectors and agents would have delivered before the page is opened. */
    abstract void feed(MonitorStore store);

    int windowHeight() {
        return 1000;
    }

    /** Properties files, first wins; the demo test reads demo.properties first, as the demo does. */
    String propertiesFiles() {
        return "classpath:application.properties";
    }

    /** What a test class changes in the configuration (after the defaults of this class). */
    void configure(Properties overrides) {
    }

    @BeforeAll
    void requireChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return propertiesFiles();
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = new Properties();
        primaryProperties(overrides, "history");
        configure(overrides);
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    /** What every in-process primary of these tests runs with; each keeps its history in its own file. */
    private void primaryProperties(Properties overrides, String historyFile) {
        overrides.put("camel.main.configuration-classes", "rgwmon.RgwMonitorConfiguration,rgwmon.PrimaryConfiguration");
        overrides.put("camel.main.routes-include-pattern",
                "classpath:routes/api-*.camel.yaml,classpath:routes/history.camel.yaml");
        overrides.put("camel.server.host", "127.0.0.1");
        overrides.put("camel.server.port", "0");
        overrides.put("camel.main.jmx-enabled", "false");
        overrides.put("rgw.history.path", work().resolve(historyFile).toString());
        // the test records history samples itself (SnapshotHistory.recordLatest) at known moments
        overrides.put("rgw.history.sample-interval-seconds", "3600");
    }

    /**
     * Another primary in this JVM, as a restarted one would be: same configuration, a new store
     * (snapshot numbers from 0, a new boot id), its own port and history file. The caller stops it.
     */
    Main startAnotherPrimary(String historyFile) throws Exception {
        Properties overrides = new Properties();
        primaryProperties(overrides, historyFile);
        Main main = new Main();
        main.setPropertyPlaceholderLocations(propertiesFiles());
        overrides.forEach((key, value) -> main.addOverrideProperty((String) key, (String) value));
        main.start();
        return main;
    }

    static int port(CamelContext primary) {
        return primary.hasService(VertxPlatformHttpServer.class).getPort();
    }

    static MonitorStore store(CamelContext primary) {
        return primary.getRegistry().lookupByNameAndType("monitorStore", MonitorStore.class);
    }

    Path work() {
        if (work == null) {
            try {
                work = Files.createTempDirectory("rgwmon-browser-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return work;
    }

    /** Once per class, after the context started (the support starts it before each test). */
    @BeforeEach
    void startBrowser() {
        if (chromium != null) {
            return;
        }
        apiPort = port(context);
        feed(store());
        history().recordLatest();
        proxy = new CuttableProxy(apiPort);
        chromium = HeadlessChromium.start(1500, windowHeight());
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        try (var files = Files.walk(work())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }


    MonitorStore store() {
        return store(context);
    }

    SnapshotHistory history() {
        return context.getRegistry().lookupByNameAndType("snapshotHistory", SnapshotHistory.class);
    }

    HeadlessChromium chromium() {
        return chromium;
    }

    ChromeDriver driver() {
        return chromium.driver();
    }

    CuttableProxy proxy() {
        return proxy;
    }

    /** The page as the browser sees it (through the proxy). */
    String pageUrl(String hash) {
        return "http://127.0.0.1:" + proxy.port() + "/" + hash;
    }

    /** Straight to the primary, not through the proxy: what the API says right now. */
    JsonNode api(String pathAndQuery) {
        return api(apiPort, pathAndQuery);
    }

    /** Straight to the primary on {@code port}. */
    JsonNode api(int port, String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Loads the page afresh on a tab and waits until it shows the store's current snapshot. */
    void open(String hash) {
        // a change of the hash alone would keep the document (and its filters): start from blank
        driver().get("about:blank");
        driver().get(pageUrl(hash));
        waitForCurrentSnapshot();
    }

    void waitForCurrentSnapshot() {
        String snapshot = api("/api/dashboard?last_n=0").path("snapshot").asText();
        waitUntil(d -> snapshot.equals(text("#snapshot-id")));
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver(), WAIT, Duration.ofMillis(50)).until(condition::apply);
        } catch (TimeoutException e) {
            Path shot = Path.of("target/screenshots/failed-" + System.currentTimeMillis() + ".png");
            chromium.screenshot(shot);
            throw new AssertionError("page did not reach the expected state; url " + driver().getCurrentUrl()
                    + ", connection '" + text("#connection") + "', load error '" + text("#load-error")
                    + "', open connections " + proxy.openConnections() + ", screenshot " + shot + ", console " + chromium.consoleMessages(), e);
        }
    }

    /**
     * The rendered text of the first match, null when none. Read in one script: the page replaces
     * a tab's content as a whole on every update, so element handles go stale between calls.
     */
    String text(String css) {
        return (String) script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null", css);
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", css);
    }

    /** Clicks the first match inside the page: no element handle to go stale between find and click. */
    void click(String css) {
        waitUntil(d -> (Boolean) script("const e = document.querySelector(arguments[0]); if (e) e.click(); return !!e", css));
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(javascript, args);
    }

    /** The names of the Bucket Sync rows in page order. */
    @SuppressWarnings("unchecked")
    List<String> bucketRows() {
        // read in one script: the rows are replaced as a whole on every load
        return (List<String>) script("return [...document.querySelectorAll('#bucket-table tbody tr.bucket-row')]"
                + ".map(row => row.dataset.bucket)");
    }

    /** The bucket names the API lists for a query. */
    List<String> apiBucketNames(String query) {
        JsonNode page = api("/api/buckets?" + query);
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("name").asText()).toList();
    }

    static String grouped(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** The dashboard's percent format: floored to one decimal (99.95 % must not read as 100.0 %). */
    static String percent(double p) {
        return String.format(Locale.US, "%.1f %%", Math.floor(p * 10) / 10);
    }
}
