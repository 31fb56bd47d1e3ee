package rgwmon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * When the monitor reports that it could not read a radosgw-admin output fully, the suite runs
 * the same command on the same zone right away and keeps what it printed as a new fixture for the
 * parser tests, laid out like the real ones: target/e2e-captures/PHASE/ZONE/NAME.txt (NAME: the
 * command words joined by "-", then each option as "__option-value"), with a .why file saying
 * what the monitor reported.
 */
final class UnreadableOutputCapture {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private final CephLab lab;
    private final Path root;
    private final List<Path> saved = new ArrayList<>();

    UnreadableOutputCapture(CephLab lab, Path root) {
        this.lab = lab;
        this.root = root;
    }

    /** Saves the zone's current output of the command; returns the fixture file. */
    Path capture(String phase, String zone, List<String> words, String whatTheMonitorSaid) {
        ExternalCommand.Result result = lab.radosgwAdmin(zone, words);
        Path dir = root.resolve(safe(phase)).resolve(zone);
        Path fixture = dir.resolve(fileName(words) + ".txt");
        try {
            Files.createDirectories(dir);
            Files.writeString(fixture, result.stdout(), StandardCharsets.UTF_8);
            if (!result.stderr().isEmpty()) {
                Files.writeString(dir.resolve(fileName(words) + ".stderr"), result.stderr(), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve(fileName(words) + ".why"),
                    "Real output of radosgw-admin " + String.join(" ", words) + " on " + zone
                            + " (Ceph 16.2.15 lab, end-to-end suite, " + Instant.now() + ", exit " + result.exitCode()
                            + ").\nThe monitor reported it could not read it fully:\n" + whatTheMonitorSaid + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        saved.add(fixture);
        System.err.println("[e2e] UNREADABLE OUTPUT saved as a new parser fixture: " + fixture.toAbsolutePath());
        return fixture;
    }

    List<Path> saved() {
        return List.copyOf(saved);
    }

    static String fileName(List<String> words) {
        StringBuilder name = new StringBuilder();
        for (String word : words) {
            if (word.startsWith("--")) {
                name.append("__").append(safe(word.substring(2).replace('=', '-')));
            } else {
                name.append(name.isEmpty() ? "" : "-").append(safe(word));
            }
        }
        return name.toString();
    }

    private static String safe(String text) {
        return UNSAFE.matcher(text).replaceAll("_");
    }
}
