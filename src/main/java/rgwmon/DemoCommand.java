package rgwmon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import rgwmon.demo.DemoAgentSupervisor;
import rgwmon.demo.DemoCluster;
import rgwmon.demo.DemoDataDir;
import rgwmon.demo.DemoEngine;
import rgwmon.demo.DemoScenario;
import rgwmon.demo.DemoTimeline;

/**
 * The embedded demo: the primary and a zone agent, both running radosgw-admin through the same
 * exec route as in production, against the stand-in radosgw-admin whose answers a scenario engine
 * renders in the real Ceph 16.2.15 formats for a simulated two-zone multisite whose state moves.
 * Everything lives in a temporary directory that is removed on exit.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = RgwMonitorApplication.Version.class,
        description = "Run the monitor on a simulated two-zone multisite (no Ceph needed): the data is NOT real.")
class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    /** how often the simulated outputs are re-rendered */
    static final Duration TICK = Duration.ofSeconds(2);
    static final String STANDIN_RESOURCE = "standin/radosgw-admin";

    @Option(names = {"-p", "--port"}, defaultValue = "5000", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--cycle-seconds", defaultValue = "240",
            description = "Length of one round of the story (caught up, behind, errors, recovered), at least 10 s (default ${DEFAULT-VALUE}).")
    int cycleSeconds;

    @Option(names = "--interval", defaultValue = "5",
            description = "Seconds between the agent's collection cycles in the demo (default ${DEFAULT-VALUE}).")
    int agentIntervalSeconds;

    @Option(names = "--no-agent", description = "Run the primary only.")
    boolean noAgent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 1-65535");
        }
        if (cycleSeconds < 10) {
            throw new ParameterException(spec.commandLine(), "--cycle-seconds must be at least 10");
        }
        if (agentIntervalSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--interval must be at least 1");
        }
        Path work = Files.createTempDirectory("rgwmon-demo-");
        DemoScenario scenario = new DemoScenario(new DemoCluster(),
                new DemoTimeline(Duration.ofSeconds(cycleSeconds)), Instant.now());
        Path data = work.resolve("data");
        Path standIn = extractStandIn(work.resolve("bin"));
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        Path tokenFile = writePrivate(work.resolve("agent.token"), token);
        DemoEngine engine = new DemoEngine(scenario, new DemoDataDir(data), Clock.systemUTC());
        DemoAgentSupervisor agent = new DemoAgentSupervisor(agentCommand(standIn, data, tokenFile, work),
                work.resolve("agent.log"), scenario, Clock.systemUTC(), this::primaryListening);
        // Ctrl-C / SIGTERM ends the JVM before the main thread gets back here: stop the agent JVM and
        // remove the temporary files from a shutdown hook as well
        Thread cleanup = new Thread(() -> cleanUp(agent, engine, work), "rgwmon-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            engine.start(TICK);
            if (!noAgent) {
                agent.start(Duration.ofSeconds(1));
            }
            LOG.info("DEMO: a SIMULATED two-zone multisite (realm demo: us-east master, us-west secondary), not a real "
                    + "cluster. Dashboard: http://{}:{}/ ; outputs in {} ; agent log {}", host, port, data, work.resolve("agent.log"));
            return new RoleLauncher("demo", RoleLauncher.PRIMARY_ROUTES)
                    .defaults("classpath:demo.properties")
                    .set("rgw.demo", true)
                    .set("rgw.admin.binary", standIn)
                    .set("rgw.admin.conf", data)
                    .set("rgw.push.token", DemoCluster.SECONDARY + ":" + token)
                    // the agent is silent for 20 % of the cycle: it must read STALE well within that
                    .set("rgw.push.stale-after-seconds", Math.max(2 * agentIntervalSeconds + 1, cycleSeconds / 10))
                    .set("rgw.history.path", work.resolve("history"))
                    .set("camel.server.port", port)
                    .set("camel.server.host", host)
                    .run();
        } finally {
            cleanUp(agent, engine, work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private static synchronized void cleanUp(DemoAgentSupervisor agent, DemoEngine engine, Path work) {
        agent.close();
        engine.close();
        if (Files.exists(work)) {
            deleteTree(work);
        }
    }

    /** The agent: the same jar (class path) in a JVM of its own, pointed at the stand-in and this primary. */
    private List<String> agentCommand(Path standIn, Path data, Path tokenFile, Path work) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Drgw.demo=true");
        command.add("-Drgw.admin.binary=" + standIn);
        command.add("-Drgw.admin.conf=" + data);
        command.add("-Drgw.admin.zone=" + DemoCluster.SECONDARY);
        command.add("-Drgw.admin.timeout-seconds=15");
        command.add("-Drgw.agent.zone=" + DemoCluster.SECONDARY);
        command.add("-Drgw.agent.token-file=" + tokenFile);
        command.add("-Drgw.agent.interval=" + agentIntervalSeconds + "s");
        command.add("-Drgw.agent.spool.dir=" + work.resolve("agent-spool"));
        command.add("-cp");
        command.add(ChildJvm.classPath());
        command.add(RgwMonitorApplication.class.getName());
        command.add("agent");
        command.add("--primary-url");
        command.add("http://" + connectHost() + ":" + port);
        return command;
    }

    private boolean primaryListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(connectHost(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String connectHost() {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    }

    /** The stand-in ships inside the jar; a resource has no exec bit, so it is copied out and made executable. */
    static Path extractStandIn(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("radosgw-admin");
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(STANDIN_RESOURCE)) {
            if (in == null) {
                throw new IOException("the stand-in radosgw-admin (" + STANDIN_RESOURCE + ") is missing from the class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        return target;
    }

    private static Path writePrivate(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
