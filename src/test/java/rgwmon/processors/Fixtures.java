package rgwmon.processors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixtures on the test classpath: the real Ceph 16.2.15 outputs (unchanged copies,
 * {@code fixtures/ceph-16.2.15/<scenario>/<zone>/<file>}) and the synthetic ones
 * ({@code fixtures/synthetic/<command>/<name>.synthetic.txt}).
 */
final class Fixtures {

    private Fixtures() {
    }

    static Path realRoot() {
        return resource("/fixtures/ceph-16.2.15");
    }

    /** Every real stdout file of a command, e.g. prefix "sync-status" matches sync-status.txt and its option variants. */
    static List<Path> realOutputs(String commandFilePrefix) {
        try (Stream<Path> files = Files.walk(realRoot())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".txt")
                                && (name.equals(commandFilePrefix + ".txt") || name.startsWith(commandFilePrefix + "__"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real stdout file: scenario, zone, file name. */
    static String real(String scenario, String zone, String file) {
        return read(realRoot().resolve(scenario).resolve(zone).resolve(file));
    }

    /** The exit status recorded next to a real stdout file, or 0 when radosgw-admin exited 0 (no .rc file). */
    static String exitStatus(Path stdoutFile) {
        Path rc = stdoutFile.resolveSibling(stdoutFile.getFileName().toString().replaceFirst("\\.txt$", ".rc"));
        return Files.exists(rc) ? read(rc).strip() : "0";
    }

    static String synthetic(String command, String name) {
        return read(resource("/fixtures/synthetic/" + command + "/" + name));
    }

    /** "scenario/zone/file", for test names. */
    static String label(Path file) {
        return realRoot().relativize(file).toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
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
