package rgwmon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rgwmon.api.WebRoutes;
import rgwmon.collect.PrimaryStartupGate;
import rgwmon.exec.StandInData;

/**
 * The primary refuses to start without a readable topology or its HTTP port: the real launcher, in
 * a child JVM, exits non-zero and its stderr ends with one line that says why (and names the demo
 * command), with no stack trace or ERROR log before it. It never starts collecting.
 */
class PrimaryPreflightTest {

    static final Path STANDIN = Path.of("src/main/resources/standin/radosgw-admin").toAbsolutePath();
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15").toAbsolutePath();

    @TempDir
    Path dir;
    Path data;

    @AfterEach
    void removeData() throws IOException, InterruptedException {
        if (data != null) {
            StandInData.delete(data);
        }
    }

    /** What a primary run left behind: its exit code and every non-blank line of its stderr. */
    record Run(int exitCode, List<String> stderrLines) {

        /** The one-line reason: the last line, with no stack trace or exception log before it. */
        String reason() {
            assertThat(stderrLines).as("stderr").isNotEmpty();
            assertThat(stderrLines).as("no stack trace on stderr")
                    .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"))
                    .noneMatch(line -> line.contains(" ERROR "));
            return stderrLines.get(stderrLines.size() - 1);
        }
    }

    /**
     * Runs the real launcher ({@code RgwMonitorApplication primary --config FILE}) in a child JVM on
     * the test classpath, so its stderr is exactly what an operator sees, logging included.
     */
    Run primary(String... properties) throws IOException, InterruptedException {
        Path config = dir.resolve("primary.properties");
        String base = String.join("\n",
                "camel.server.enabled = true",
                "camel.server.port = 0",
                "camel.main.jmx-enabled = false",
                // a store that records calls stands in for the aggregation store (tested on its own)
                "camel.beans.monitorStore = #class:rgwmon.collect.RecordingStore",
                "rgw.admin.timeout-seconds = 10",
                "rgw.admin.kill-after-seconds = 1",
                "");
        Files.writeString(config, base + String.join("\n", properties) + "\n");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ChildJvm.classPath(),
                RgwMonitorApplication.class.getName(), "primary", "--config", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the primary did not exit within 60 s; stderr:\n" + Files.readString(stderr));
        }
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return new Run(process.exitValue(), lines);
    }

    @Test
    void a_missing_config_file_is_one_line_and_exit_5_not_a_stack_trace() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = RgwMonitorApplication.run("primary", "--config", dir.resolve("primary.properties").toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(PrimaryCommand.CONFIG_UNREADABLE);
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList())
                .singleElement().asString()
                .isEqualTo("rgw-multisite-monitor primary: cannot read configuration file "
                        + dir.resolve("primary.properties") + ": it does not exist");
    }

    @Test
    void a_primary_that_cannot_run_radosgw_admin_exits_with_one_line_naming_the_demo() throws IOException, InterruptedException {
        Run run = primary("rgw.admin.binary = /nonexistent/bin/radosgw-admin");

        assertThat(run.exitCode()).as("%s", run.stderrLines()).isEqualTo(PrimaryStartupGate.EXIT_NO_RADOSGW_ADMIN);
        assertThat(run.reason())
                .contains("radosgw-admin period get")
                .contains("/nonexistent/bin/radosgw-admin")
                .endsWith("java -jar target/rgw-multisite-monitor.jar demo");
    }

    @Test
    void a_primary_on_a_cluster_without_a_realm_exits_with_one_line_naming_the_demo() throws IOException, InterruptedException {
        data = StandInData.copyOf(FIXTURES.resolve("caught-up"));
        // synthetic: `period get` failing with ENOENT as on a cluster where no realm was ever created
        Files.delete(data.resolve("us-east/period-get.txt"));
        Files.writeString(data.resolve("us-east/period-get.rc"), "2");
        Files.writeString(data.resolve("us-east/period-get.stderr"),
                "synthetic stand-in stderr: no realm (ENOENT)\n");

        Run run = primary("rgw.admin.binary = " + STANDIN, "rgw.admin.conf = " + data, "rgw.admin.zone = us-east");

        assertThat(run.exitCode()).as("%s", run.stderrLines()).isEqualTo(PrimaryStartupGate.EXIT_NO_TOPOLOGY);
        assertThat(run.reason())
                .contains("radosgw-admin period get: exit code 2: synthetic stand-in stderr: no realm (ENOENT)")
                .contains("multisite realm")
                .endsWith("java -jar target/rgw-multisite-monitor.jar demo");
    }

    @Test
    void output_that_is_not_a_topology_is_refused_too() throws IOException, InterruptedException {
        data = StandInData.copyOf(FIXTURES.resolve("caught-up"));
        // the real `realm get` answer where `period get` was expected: valid JSON, not a period
        Files.copy(data.resolve("us-east/realm-get.txt"), data.resolve("us-east/period-get.txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run run = primary("rgw.admin.binary = " + STANDIN, "rgw.admin.conf = " + data, "rgw.admin.zone = us-east");

        assertThat(run.exitCode()).as("%s", run.stderrLines()).isEqualTo(PrimaryStartupGate.EXIT_NO_TOPOLOGY);
        assertThat(run.reason())
                .contains("cannot parse output of 'radosgw-admin period get'")
                .endsWith("java -jar target/rgw-multisite-monitor.jar demo");
    }

    @Test
    void a_primary_whose_port_is_taken_exits_with_one_line_instead_of_running_unreachable() throws IOException, InterruptedException {
        data = StandInData.copyOf(FIXTURES.resolve("caught-up"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = primary("rgw.admin.binary = " + STANDIN, "rgw.admin.conf = " + data, "rgw.admin.zone = us-east",
                    "camel.server.host = 127.0.0.1", "camel.server.port = " + taken.getLocalPort());

            assertThat(run.exitCode()).as("%s", run.stderrLines()).isEqualTo(WebRoutes.EXIT_CANNOT_LISTEN);
            assertThat(run.reason())
                    .isEqualTo("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " (address in use or not allowed): choose another with --port");
        }
    }
}
