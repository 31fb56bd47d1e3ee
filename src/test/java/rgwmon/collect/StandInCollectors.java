package rgwmon.collect;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The primary's collector routes alone (no HTTP server), against the stand-in radosgw-admin
 * reading {@code data} as zone us-east, with every timer quiet: tests call the routes themselves.
 */
final class StandInCollectors {

    static final Path STANDIN = Path.of("src/main/resources/standin/radosgw-admin").toAbsolutePath();

    private StandInCollectors() {
    }

    static Properties overrides(Path data) {
        Properties overrides = new Properties();
        overrides.put("camel.main.configuration-classes", "rgwmon.RgwMonitorConfiguration,rgwmon.collect.CollectionConfiguration");
        overrides.put("camel.main.routes-include-pattern",
                "classpath:routes/radosgw-admin.camel.yaml,classpath:routes/collect-*.camel.yaml");
        overrides.put("camel.server.enabled", "false");
        overrides.put("rgw.admin.binary", STANDIN.toString());
        overrides.put("rgw.admin.conf", data.toString());
        overrides.put("rgw.admin.zone", "us-east");
        overrides.put("rgw.admin.timeout-seconds", "20");
        overrides.put("rgw.collect.interval-seconds", "3600");
        overrides.put("rgw.collect.initial-delay-seconds", "3600");
        overrides.put("rgw.collect.bucket-instances.delay-seconds", "3600");
        return overrides;
    }
}
