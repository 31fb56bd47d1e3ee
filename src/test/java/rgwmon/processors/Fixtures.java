package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Test fixtures on the test classpath: the real Ceph 16.2.15 outputs (unchanged copies,
 * {@code fixtures/ceph-16.2.15/<scenario>/<zone>/<file>}), later real lab captures
 * ({@code fixtures/ceph-16.2.15-lab/<capture>/<zone>/<file>}) and the synthetic ones
 * ({@code fixtures/synthetic/<command>/<name>.synthetic.txt|json}).
 */
final class Fixtures {

    static final Path ROOT = resource("/fixtures");
    static final Path REAL = ROOT.resolve("ceph-16.2.15");
    static final Path REAL_LAB = ROOT.resolve("ceph-16.2.15-lab");
    static final Path SYNTHETIC = ROOT.resolve("synthetic");

    private Fixtures() {
    }

    static Path realRoot() {
        return REAL;
    }

    /** Every real stdout file of a command, e.g. prefix "sync-status" matches sync-status.txt and its option variants. */
    static List<Path> realOutputs(String commandFilePrefix) {
        return walk(REAL).filter(stdoutOf(commandFilePrefix)).sorted().toList();
    }

    /**
     * Every stdout file of a command: the real ones of both capture sets plus every
     * {@code synthetic/<command>/*.synthetic.*}.
     *
     * @param command the command words joined by '-', as in the fixture file names
     */
    /** Real outputs of a command that exited 0, as parameterised-test arguments (label, file). */
    static Stream<Arguments> answered(String commandFilePrefix) {
        return withExitStatus(commandFilePrefix, true);
    }

    /** Real outputs of a command that failed (non-zero exit), as parameterised-test arguments. */
    static Stream<Arguments> failed(String commandFilePrefix) {
        return withExitStatus(commandFilePrefix, false);
    }

    private static Stream<Arguments> withExitStatus(String commandFilePrefix, boolean succeeded) {
        return realOutputs(commandFilePrefix).stream()
                .filter(file -> exitStatus(file).equals("0") == succeeded)
                .map(file -> Arguments.of(label(file), file));
    }

    /** A failed run prints nothing on stdout: its parser must reject that as "empty output", naming the command. */
    static void assertRejectedAsEmptyOutput(RadosgwParser<?> parser, String stdout) {
        assertThatThrownBy(() -> parser.parse(stdout))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining("'radosgw-admin " + parser.command() + "'")
                .hasMessageContaining("empty output");
    }

    static List<Path> of(String command) {
        return of(command, name -> true);
    }

    /** As {@link #of(String)}, keeping the files whose name passes {@code nameFilter}. */
    static List<Path> of(String command, Predicate<String> nameFilter) {
        Predicate<Path> synthetic = p -> p.getParent().equals(SYNTHETIC.resolve(command))
                && p.getFileName().toString().contains(".synthetic.");
        return Stream.of(walk(REAL).filter(stdoutOf(command)), walk(REAL_LAB).filter(stdoutOf(command)),
                        walk(SYNTHETIC).filter(synthetic))
                .flatMap(files -> files)
                .filter(p -> nameFilter.test(p.getFileName().toString()))
                .sorted()
                .toList();
    }

    /** A real stdout file: scenario, zone, file name. */
    static String real(String scenario, String zone, String file) {
        return read(REAL.resolve(scenario).resolve(zone).resolve(file));
    }

    /** A later lab capture: capture folder, zone, file name. */
    static String lab(String capture, String zone, String file) {
        return read(REAL_LAB.resolve(capture).resolve(zone).resolve(file));
    }

    static String synthetic(String command, String name) {
        return read(SYNTHETIC.resolve(command).resolve(name));
    }

    /** The exit status recorded next to a real stdout file, or 0 when radosgw-admin exited 0 (no .rc file). */
    static String exitStatus(Path stdoutFile) {
        Path rc = stdoutFile.resolveSibling(stdoutFile.getFileName().toString().replaceFirst("\\.txt$", ".rc"));
        return Files.exists(rc) ? read(rc).strip() : "0";
    }

    /** "scenario/zone/file", for test names. */
    static String label(Path file) {
        return REAL.relativize(file).toString();
    }

    /** Where any fixture is, relative to the fixtures folder, for test names. */
    static String name(Path file) {
        return ROOT.relativize(file).toString();
    }

    /** The file as the exec route hands it over: UTF-8, invalid bytes (binary keys) replaced, not refused. */
    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Predicate<Path> stdoutOf(String command) {
        return p -> {
            String name = p.getFileName().toString();
            return name.endsWith(".txt") && (name.equals(command + ".txt") || name.startsWith(command + "__"));
        };
    }

    private static Stream<Path> walk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
