package rgwmon.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A writable copy of a fixture scenario for the stand-in radosgw-admin, and process checks. */
public final class StandInData {

    private StandInData() {
    }

    /** Copies a scenario folder (zone subfolders of captured outputs) to a fresh temporary folder. */
    public static Path copyOf(Path scenario) {
        try {
            return copyInto(scenario, Files.createTempDirectory("rgwmon-standin-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a scenario folder into an existing (empty) folder; returns the folder. */
    public static Path copyInto(Path scenario, Path target) {
        try {
            try (Stream<Path> files = Files.walk(scenario)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(scenario.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                        copy.toFile().setWritable(true);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** True while a process with exactly this command line (e.g. "sleep", "3593") exists. */
    public static boolean processRunning(String... argv) throws IOException {
        String wanted = String.join("\0", argv) + "\0";
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .equals(wanted);
                        } catch (IOException gone) {
                            return false;
                        }
                    });
        }
    }
}
