package rgwmon.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command of the suite (lab scripts, radosgw-admin, python): an argument list,
 * never a shell line, with a deadline; its stdout and stderr are appended to a log file and
 * stdout is returned.
 */
final class ExternalCommand {

    record Result(List<String> argv, int exitCode, String stdout, String stderr) {

        boolean succeeded() {
            return exitCode == 0;
        }

        Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + exitCode
                        + "\n--- stderr (last lines):\n" + LogFiles.lastLines(stderr, 30));
            }
            return this;
        }
    }

    private ExternalCommand() {
    }

    static Result run(Path log, Map<String, String> env, Duration deadline, List<String> argv) {
        appendToLog(log, "\n[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] $ " + String.join(" ", argv) + "\n");
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        }
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                appendToLog(log, "(killed after " + deadline.toSeconds() + " s)\n" + stderr.getNow("") + "\n");
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + deadline.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
        Result result = new Result(argv, process.exitValue(), stdout.join(), stderr.join());
        appendToLog(log, result.stdout() + result.stderr() + "(exit " + result.exitCode() + ")\n");
        return result;
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        });
    }

    static void appendToLog(Path log, String text) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
