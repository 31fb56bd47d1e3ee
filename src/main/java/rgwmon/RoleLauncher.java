package rgwmon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListener;

/**
 * Starts camel-main for one role: which route folders it loads, which properties files it reads
 * (an operator's file first, then the packaged application.properties), and the command-line
 * options of the role as override properties (they win over files and environment).
 */
final class RoleLauncher {

    static final String PRIMARY_ROUTES = "classpath:routes/*.camel.yaml";
    static final String AGENT_ROUTES = "classpath:agent-routes/*.camel.yaml,classpath:routes/radosgw-admin.camel.yaml";

    private final String role;
    private final String routes;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final List<CamelConfiguration> configurations = new ArrayList<>();
    private final List<MainListener> listeners = new ArrayList<>();
    private Path configFile;

    RoleLauncher(String role, String routes) {
        this.role = role;
        this.routes = routes;
    }

    RoleLauncher configFile(Path file) {
        this.configFile = file;
        return this;
    }

    /** Beans of this role only, next to those of camel.main.configuration-classes. */
    RoleLauncher configuration(CamelConfiguration configuration) {
        configurations.add(configuration);
        return this;
    }

    /** Called by camel-main around start and stop (e.g. the agent's pre-flight checks after start). */
    RoleLauncher listener(MainListener listener) {
        listeners.add(listener);
        return this;
    }

    /** A command-line value for a property; null means "not given" and keeps the file's value. */
    RoleLauncher set(String key, Object value) {
        if (value != null) {
            overrides.put(key, String.valueOf(value));
        }
        return this;
    }

    Main build() {
        Main main = new Main();
        if (configFile != null) {
            if (!Files.isReadable(configFile)) {
                throw new IllegalArgumentException("cannot read configuration file " + configFile);
            }
            main.setPropertyPlaceholderLocations("file:" + configFile.toAbsolutePath() + ",classpath:application.properties");
        }
        main.addOverrideProperty("rgw.role", role);
        main.addOverrideProperty("camel.main.routes-include-pattern", routes);
        overrides.forEach(main::addOverrideProperty);
        configurations.forEach(main.configure()::addConfiguration);
        listeners.forEach(main::addMainListener);
        return main;
    }

    int run() throws Exception {
        Main main = build();
        main.run();
        return main.getExitCode();
    }
}
