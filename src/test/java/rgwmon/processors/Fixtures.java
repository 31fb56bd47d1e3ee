package rgwmon.processors;

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

/**
 * The fixture files: real outputs under {@code fixtures/ceph-16.2.15/<scenario>/<zone>/} and
 * synthetic ones under {@code fixtures/synthetic/<command>/}.
 */
final class Fixtures {

    static final Path ROOT = root();
    static final Path REAL = ROOT.resolve("ceph-16.2.15");
    static final Path SYNTHETIC = ROOT.resolve("synthetic");

    private Fixtures() {
    }

    /**
     * Every stdout file of a command: real files named {@code <command>.txt} or
     * {@code <command>__<options>.txt}, plus every file in {@code synthetic/<command>/}.
     *
     * @param command the command words joined by '-', as in the fixture file names
     */
    static List<Path> of(String command) {
        return of(command, name -> true);
    }

    /** As {@link #of(String)}, keeping the files whose name passes {@code nameFilter}. */
    static List<Path> of(String command, Predicate<String> nameFilter) {
        Predicate<Path> realOutput = p -> {
            String name = p.getFileName().toString();
            return name.equals(command + ".txt") || (name.startsWith(command + "__") && name.endsWith(".txt"));
        };
        Predicate<Path> syntheticOutput = p -> p.getParent().equals(SYNTHETIC.resolve(command))
                && p.getFileName().toString().contains(".synthetic.");
        return Stream.concat(walk(REAL).filter(realOutput), walk(SYNTHETIC).filter(syntheticOutput))
                .filter(p -> nameFilter.test(p.getFileName().toString()))
                .sorted()
                .toList();
    }

    /** The file as the exec route would hand it over: UTF-8, invalid bytes replaced. */
    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String real(String scenario, String zone, String file) {
        return read(REAL.resolve(scenario).resolve(zone).resolve(file));
    }

    static String synthetic(String command, String file) {
        return read(SYNTHETIC.resolve(command).resolve(file));
    }

    /** The exit status recorded next to a real stdout file ({@code .rc}), 0 when none was recorded. */
    static String exitStatus(Path stdoutFile) {
        Path rc = stdoutFile.resolveSibling(stdoutFile.getFileName().toString().replaceFirst("\\.txt$", ".rc"));
        return Files.exists(rc) ? read(rc).strip() : "0";
    }

    /** Where a fixture is, relative to the fixtures folder: readable test names. */
    static String name(Path file) {
        return ROOT.relativize(file).toString();
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

    private static Path root() {
        URL url = Fixtures.class.getResource("/fixtures");
        if (url == null) {
            throw new IllegalStateException("fixtures/ is not on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
