package rgwmon.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PNGs of each tab and of a bucket's detail, for the README. Used by {@link DashboardBrowserTest}
 * (target/screenshots/) and runnable against any running primary, e.g. the demo:
 * <pre>
 * java -jar target/rgw-multisite-monitor.jar demo &amp;
 * mvn -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) rgwmon.dashboard.DashboardScreenshots \
 *      http://127.0.0.1:5000 docs/screenshots media-uploads
 * </pre>
 */
public final class DashboardScreenshots {

    static final List<String> FILES = List.of("overview.png", "bucket-sync.png", "bucket-detail.png", "errors.png");

    private DashboardScreenshots() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DashboardScreenshots <base url> <output dir> <bucket for the detail view>");
            System.exit(2);
        }
        HeadlessChromium.assumeInstalled();
        try (HeadlessChromium chromium = HeadlessChromium.start(1500, 1000)) {
            shoot(chromium, args[0], Path.of(args[1]), args[2]);
        }
        System.out.println("screenshots written to " + Path.of(args[1]).toAbsolutePath());
    }

    /** Each tab once its content is drawn (and the detail once its chart is). */
    static void shoot(HeadlessChromium chromium, String baseUrl, Path dir, String detailBucket) {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";

        load(driver, base + "#overview");
        wait.until(d -> !d.findElements(By.cssSelector("#summary .stat")).isEmpty());
        chromium.screenshot(dir.resolve(FILES.get(0)));

        load(driver, base + "#buckets");
        wait.until(d -> !d.findElements(By.cssSelector("#bucket-table tbody tr")).isEmpty());
        chromium.screenshot(dir.resolve(FILES.get(1)));

        load(driver, base + "#buckets/" + URLEncoder.encode(detailBucket, StandardCharsets.UTF_8).replace("+", "%20"));
        wait.until(d -> !d.findElements(By.cssSelector("#history .uplot, #history p")).isEmpty());
        chromium.screenshot(dir.resolve(FILES.get(2)));

        load(driver, base + "#errors");
        wait.until(d -> !d.findElements(By.cssSelector("#error-sources .stat")).isEmpty());
        chromium.screenshot(dir.resolve(FILES.get(3)));
    }

    /** A fresh document each time: a hash change alone keeps the page and its state. */
    private static void load(ChromeDriver driver, String url) {
        driver.get("about:blank");
        driver.get(url);
    }
}
