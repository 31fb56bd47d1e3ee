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

import rgwmon.agent.AgentConfiguration;

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
    private String defaults;

    /** The agent role: its routes and its own beans (AgentConfiguration), which only it loads. */
    static RoleLauncher agent() {
        return new RoleLauncher("agent", AGENT_ROUTES).configuration(new AgentConfiguration());
    }

    /** The --config file cannot be read: the role prints the message (one line) and exits with its own code. */
    static final class UnreadableConfigException extends IllegalArgumentException {
        UnreadableConfigException(String message) {
            super(message);
        }
    }

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

    /**
     * A properties file of the role's own defaults (e.g. {@code classpath:demo.properties}): read after
     * the operator's --config file and before the packaged application.properties.
     */
    RoleLauncher defaults(String location) {
        this.defaults = location;
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
        List<String> locations = new ArrayList<>();
        if (configFile != null) {
            checkReadable(configFile);
            locations.add("file:" + configFile.toAbsolutePath());
        }
        if (defaults != null) {
            locations.add(defaults);
        }
        if (!locations.isEmpty()) {
            // the first location that has a key wins
            locations.add("classpath:application.properties");
            main.setPropertyPlaceholderLocations(String.join(",", locations));
        }
        main.addOverrideProperty("rgw.role", role);
        main.addOverrideProperty("camel.main.routes-include-pattern", routes);
        overrides.forEach(main::addOverrideProperty);
        configurations.forEach(main.configure()::addConfiguration);
        listeners.forEach(main::addMainListener);
        return main;
    }

    /** A missing, unreadable or non-regular file: one line saying which and why. */
    static void checkReadable(Path file) {
        String why = !Files.exists(file) ? "it does not exist"
                : !Files.isRegularFile(file) ? "it is not a regular file"
                : !Files.isReadable(file) ? "permission denied for this user" : null;
        if (why != null) {
            throw new UnreadableConfigException("cannot read configuration file " + file + ": " + why);
        }
    }

    /**
     * Runs the role until it stops. A start-up check that refused to start (e.g. the primary's
     * pre-flight) makes this print its one-line reason on stderr and return its exit code.
     */
    int run() throws Exception {
        Main main = build();
        StartupOutcome outcome = new StartupOutcome();
        main.bind(StartupOutcome.BEAN_NAME, outcome);
        main.run();
        if (outcome.failed()) {
            System.err.println(outcome.reason());
            return outcome.exitCode();
        }
        return main.getExitCode();
    }
}
