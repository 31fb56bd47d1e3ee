package rgwmon;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import rgwmon.agent.AgentConfigFile;
import rgwmon.agent.AgentExit;
import rgwmon.agent.AgentRun;
import rgwmon.agent.InvalidSettingException;

/**
 * The zone agent: runs where sync runs, parses what radosgw-admin says there, pushes it to the
 * primary. Settings, lowest to highest precedence: packaged application.properties, a
 * --properties file, environment variables (e.g. RGW_AGENT_TOKEN), the --config YAML file, options.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RgwMonitorApplication.Version.class,
        description = "Collect sync state on this zone and push it to the primary.",
        footer = {"", "Exit codes: 0 ok, 1 unexpected failure, 2 invalid command line, 3 invalid configuration,",
            "4 radosgw-admin not runnable, 5 no cluster access, 6 --once: primary unreachable, 7 zone not detected,",
            "8 --once: report kept in the spool, 9 --once: report refused by the primary."})
class AgentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-u", "--primary-url"}, paramLabel = "URL",
            description = "URL of the primary, e.g. http://primary-node:5000.")
    String primaryUrl;

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS",
            description = "Seconds between collection cycles (default: 60).")
    Integer interval;

    @Option(names = {"-z", "--zone"}, paramLabel = "ZONE",
            description = "Zone name (default: auto-detect from sync status); also passed to radosgw-admin as --rgw-zone.")
    String zone;

    @Option(names = "--max-buckets", paramLabel = "N",
            description = "bucket sync status calls per cycle (default: 500).")
    Integer maxBuckets;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Agent config YAML file.")
    Path config;

    @Option(names = "--properties", paramLabel = "FILE",
            description = "Properties file read before the packaged application.properties (any rgw.* key).")
    Path properties;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "This zone's bearer token (visible to local users: prefer --token-file).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding this zone's bearer token.")
    Path tokenFile;

    @Option(names = "--once", description = "Run one cycle and exit (for cron or testing).")
    boolean once;

    @Option(names = "--dry-run", description = "Collect and print the report on stdout; push nothing.")
    boolean dryRun;

    @Option(names = {"-v", "--verbose"}, description = "INFO-level logging of everything (startup, routes).")
    boolean verbose;

    @Option(names = {"-d", "--debug"}, description = "DEBUG-level logging: each radosgw-admin call's argv, picks, pushes.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        validate();
        configureLogging();
        RoleLauncher launcher = RoleLauncher.agent().configFile(properties);
        if (config != null) {
            Map<String, String> fromFile;
            try {
                fromFile = AgentConfigFile.read(config);
            } catch (AgentConfigFile.InvalidConfigException e) {
                System.err.println("rgw-multisite-monitor agent: " + e.getMessage());
                return AgentExit.CONFIG.code();
            }
            fromFile.forEach(launcher::set);
        }
        AgentRun run = new AgentRun(once, dryRun);
        launcher.listener(run)
                .set("camel.server.enabled", false)
                .set("rgw.agent.primary-url", primaryUrl == null ? null : stripTrailingSlashes(primaryUrl))
                .set("rgw.agent.interval", interval == null ? null : interval + "s")
                .set("rgw.agent.zone", zone)
                .set("rgw.admin.zone", zone)
                .set("rgw.agent.max-buckets", maxBuckets)
                .set("rgw.agent.token", token)
                .set("rgw.agent.token-file", tokenFile)
                // the command line wins over the files: a --token must not lose to a token_file (which
                // AgentToken prefers), nor a --token-file to a token
                .set("rgw.agent.token-file", token != null ? "" : null)
                .set("rgw.agent.token", tokenFile != null ? "" : null)
                .set("rgw.agent.dry-run", dryRun);
        int camelExit;
        try {
            camelExit = launcher.run();
        } catch (RoleLauncher.UnreadableConfigException e) {
            System.err.println("rgw-multisite-monitor agent: " + e.getMessage());
            return AgentExit.CONFIG.code();
        } catch (Exception e) {
            // Camel wraps what a bean factory threw: a bad rgw.agent.* value is one line, not a stack trace
            InvalidSettingException invalid = invalidSetting(e);
            if (invalid == null) {
                throw e;
            }
            System.err.println("rgw-multisite-monitor agent: " + invalid.getMessage());
            return AgentExit.CONFIG.code();
        }
        return run.exit() != AgentExit.OK ? run.exit().code() : camelExit;
    }

    private void validate() {
        if (interval != null && interval < 1) {
            throw new ParameterException(spec.commandLine(), "--interval must be at least 1 second, not " + interval);
        }
        if (maxBuckets != null && maxBuckets < 1) {
            throw new ParameterException(spec.commandLine(), "--max-buckets must be at least 1, not " + maxBuckets);
        }
        if (token != null && tokenFile != null) {
            throw new ParameterException(spec.commandLine(), "give --token or --token-file, not both");
        }
        if (primaryUrl != null) {
            URI uri;
            try {
                uri = URI.create(primaryUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--primary-url is not a URL: " + primaryUrl);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null) {
                throw new ParameterException(spec.commandLine(),
                        "--primary-url must be http(s)://host[:port][/path], not " + primaryUrl);
            }
        }
    }

    /** Quiet by default (the agent's own INFO lines only), --verbose for everything, --debug for the details. */
    private void configureLogging() {
        Configurator.setRootLevel(verbose || debug ? Level.INFO : Level.WARN);
        if (debug) {
            Configurator.setLevel("rgwmon", Level.DEBUG);
        }
    }

    private static InvalidSettingException invalidSetting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static String stripTrailingSlashes(String url) {
        return url.replaceAll("/+$", "");
    }
}
