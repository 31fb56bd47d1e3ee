package rgwmon.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's store-and-forward queue: one JSON file per report in a local directory, sent oldest
 * first. Files are written under a temporary name and renamed, so a crash never leaves half a
 * report to send. Bounded by total size and by age: what falls out is counted (the count survives
 * restarts) and reported to the primary as {@code droppedReports} with the next accepted push.
 */
public final class ReportSpool {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSpool.class);
    private static final Pattern NAME = Pattern.compile("report-(\\d{12})-(\\d+)\\.json");
    private static final String DROPPED_FILE = "dropped-reports.count";

    /** One spooled report: its file, its place in the queue, when it was collected and its size. */
    public record Entry(Path file, long sequence, Instant collectedAt, long size) {
    }

    private final Path dir;
    private final long maxBytes;
    private final Duration maxAge;
    private final Clock clock;
    private long nextSequence = -1;
    private long dropped = -1;

    public ReportSpool(Path dir, long maxBytes, Duration maxAge, Clock clock) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("rgw.agent.spool.max-bytes must be positive, was " + maxBytes);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("rgw.agent.spool.max-age must be positive, was " + maxAge);
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Pre-flight: creates the directory if needed and writes (then removes) a probe file, so a spool
     * that cannot hold reports stops the agent at start instead of losing every report later.
     */
    public synchronized void checkWritable() throws IOException {
        try {
            open();
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IOException("spool directory " + dir + " is not creatable and writable (rgw.agent.spool.dir): "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Queues a report behind every report already spooled, then enforces the bounds. */
    public synchronized Entry append(byte[] json, Instant collectedAt) throws IOException {
        open();
        long sequence = nextSequence++;
        Path target = dir.resolve(String.format("report-%012d-%d.json", sequence, collectedAt.toEpochMilli()));
        writeAtomically(target, json);
        enforceBounds();
        return new Entry(target, sequence, collectedAt, json.length);
    }

    /** The oldest report still within the bounds, if any (expired ones are dropped on the way). */
    public synchronized Optional<Entry> oldest() throws IOException {
        open();
        dropExpired();
        List<Entry> entries = entries();
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    public synchronized byte[] read(Entry entry) throws IOException {
        return Files.readAllBytes(entry.file());
    }

    /** The primary has the report: forget it. */
    public synchronized void remove(Entry entry) throws IOException {
        Files.deleteIfExists(entry.file());
    }

    /** The report will never be sent (e.g. the primary refused it): forget it and count it. */
    public synchronized void drop(Entry entry) throws IOException {
        if (Files.deleteIfExists(entry.file())) {
            addDropped(1);
        }
    }

    /** Reports dropped and not yet reported to the primary. */
    public synchronized long dropped() throws IOException {
        open();
        return dropped;
    }

    /** An accepted push carried {@code reported} drops: they are now known to the primary. */
    public synchronized void acknowledgeDropped(long reported) throws IOException {
        open();
        if (reported > 0) {
            dropped = Math.max(0, dropped - reported);
            writeAtomically(dir.resolve(DROPPED_FILE), Long.toString(dropped).getBytes(StandardCharsets.US_ASCII));
        }
    }

    public synchronized int size() throws IOException {
        open();
        return entries().size();
    }

    public synchronized boolean isEmpty() throws IOException {
        return size() == 0;
    }

    private void open() throws IOException {
        if (!Files.isDirectory(dir)) {
            // first use, or an operator removed the directory: (re)create it, private to the agent
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
        if (nextSequence >= 0) {
            return;
        }
        nextSequence = entries().stream().mapToLong(Entry::sequence).max().orElse(0) + 1;
        dropped = readDropped();
    }

    private void enforceBounds() throws IOException {
        dropExpired();
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::size).sum();
        int evicted = 0;
        for (int i = 0; i < entries.size() && total > maxBytes; i++) {
            Files.deleteIfExists(entries.get(i).file());
            total -= entries.get(i).size();
            evicted++;
        }
        if (evicted > 0) {
            addDropped(evicted);
            LOG.warn("Spool {} is over its {} bytes: dropped the {} oldest report(s), {} dropped in all",
                    dir, maxBytes, evicted, dropped);
        }
    }

    private void dropExpired() throws IOException {
        Instant limit = clock.instant().minus(maxAge);
        int expired = 0;
        for (Entry entry : entries()) {
            if (entry.collectedAt().isBefore(limit) && Files.deleteIfExists(entry.file())) {
                expired++;
            }
        }
        if (expired > 0) {
            addDropped(expired);
            LOG.warn("Spool {}: dropped {} report(s) older than {}, {} dropped in all", dir, expired, maxAge, dropped);
        }
    }

    private void addDropped(long count) throws IOException {
        dropped += count;
        writeAtomically(dir.resolve(DROPPED_FILE), Long.toString(dropped).getBytes(StandardCharsets.US_ASCII));
    }

    private long readDropped() throws IOException {
        Path file = dir.resolve(DROPPED_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (NumberFormatException e) {
            LOG.warn("Spool {}: ignoring unreadable {}", dir, DROPPED_FILE);
            return 0;
        }
    }

    /** Queued reports, oldest (lowest sequence) first; files that are not ours are ignored. */
    private List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    try {
                        entries.add(new Entry(file, Long.parseLong(m.group(1)),
                                Instant.ofEpochMilli(Long.parseLong(m.group(2))), Files.size(file)));
                    } catch (NoSuchFileException gone) {
                        // removed meanwhile
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        entries.sort(Comparator.comparingLong(Entry::sequence));
        return entries;
    }

    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = dir.resolve(".tmp-" + target.getFileName());
        Files.write(temp, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
