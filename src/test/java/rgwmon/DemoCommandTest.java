package rgwmon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo role's command line and the stand-in it ships. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void the_stand_in_is_extracted_from_the_class_path_as_an_executable_that_answers() throws Exception {
        Path standIn = DemoCommand.extractStandIn(dir.resolve("bin"));
        assertThat(Files.isExecutable(standIn)).isTrue();

        Files.createDirectories(dir.resolve("data/us-east"));
        Files.writeString(dir.resolve("data/us-east/realm-get.txt"), "{}\n");
        Process process = new ProcessBuilder(standIn.toString(), "-c", dir.resolve("data").toString(),
                "--rgw-zone=us-east", "realm", "get").start();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}\n");
        assertThat(process.waitFor()).isZero();
    }

    @Test
    void a_bad_port_is_a_usage_error_not_a_stack_trace() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = RgwMonitorApplication.run("demo", "--port", "0");
        } finally {
            System.setErr(original);
        }
        String stderr = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(stderr).contains("--port must be 1-65535").contains("Usage: rgw-multisite-monitor demo")
                .doesNotContain("at rgwmon.");
    }
}
