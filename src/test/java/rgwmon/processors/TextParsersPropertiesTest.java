package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.DataSyncSource;
import rgwmon.model.MetadataSync;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;

/**
 * Generated input for both text parsers: arbitrary text, and a valid header followed by any mix of real
 * and cut lines. Only RadosgwParseException may escape, and no block is ever more "caught up" than the
 * text says.
 */
class TextParsersPropertiesTest {

    private static final List<String> SYNC_STATUS_LINES = linesOf("sync-status");
    private static final List<String> BUCKET_SYNC_STATUS_LINES = linesOf("bucket-sync-status");

    private final SyncStatusParser syncStatusParser = new SyncStatusParser();
    private final BucketSyncStatusParser bucketSyncStatusParser = new BucketSyncStatusParser();

    /** Every line of every real and synthetic output of a command. */
    private static List<String> linesOf(String command) {
        List<Path> files = new ArrayList<>(Fixtures.realOutputs(command));
        try (Stream<Path> synthetic = Files.list(Fixtures.realRoot().resolveSibling("synthetic").resolve(command))) {
            synthetic.filter(file -> file.toString().endsWith(".synthetic.txt")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().flatMap(file -> Fixtures.read(file).lines()).distinct().toList();
    }

    private static Arbitrary<String> soup(List<String> pool, int headerLines) {
        String header = String.join("\n", pool.subList(0, headerLines));
        Arbitrary<String> line = Arbitraries.of(pool);
        Arbitrary<String> cutLine = line.flatMap(whole ->
                Arbitraries.integers().between(0, whole.length()).map(end -> whole.substring(0, end)));
        return Arbitraries.oneOf(line, line, cutLine).list().ofMaxSize(40)
                .map(lines -> header + "\n" + String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> syncStatusSoups() {
        return soup(SYNC_STATUS_LINES, 3);
    }

    @Provide
    Arbitrary<String> bucketSyncStatusSoups() {
        return soup(BUCKET_SYNC_STATUS_LINES, 4);
    }

    private static long linesEndingWith(String text, String... verdicts) {
        return text.lines().filter(line -> Stream.of(verdicts).anyMatch(verdict -> line.endsWith(" " + verdict))).count();
    }

    @Property(tries = 300)
    void any_text_gives_a_record_or_a_parse_exception(@ForAll String text) {
        for (RadosgwParser<?> parser : List.of(syncStatusParser, bucketSyncStatusParser)) {
            try {
                assertThat(parser.parse(text)).isNotNull();
            } catch (RadosgwParseException e) {
                assertThat(e.command()).isEqualTo(parser.command());
            }
        }
    }

    @Property(tries = 500)
    void sync_status_soups_are_never_more_caught_up_than_they_say(@ForAll("syncStatusSoups") String text) {
        SyncStatus status;
        try {
            status = syncStatusParser.parse(text);
        } catch (RadosgwParseException e) {
            return;
        }
        MetadataSync metadata = status.metadataSync();
        long caughtUp = Stream.concat(Stream.of(metadata.health()), status.dataSources().stream().map(DataSyncSource::health))
                .filter(health -> health == SyncHealth.CAUGHT_UP).count();
        assertThat(caughtUp).isLessThanOrEqualTo(
                linesEndingWith(text, "metadata is caught up with master", "data is caught up with source"));
        assertThat(metadata.health() == SyncHealth.BEHIND).isEqualTo(metadata.behindShardCount() > 0);
        for (DataSyncSource source : status.dataSources()) {
            assertThat(source.health() == SyncHealth.BEHIND).isEqualTo(source.behindShardCount() > 0);
            if (source.health() == SyncHealth.CAUGHT_UP) {
                assertThat(source.failures()).isEmpty();
                assertThat(source.recoveringShardCount()).isZero();
            }
        }
        assertThat(status.warnings()).hasSizeLessThanOrEqualTo(ParseWarnings.MAX_WARNINGS + 1);
    }

    @Property(tries = 500)
    void bucket_sync_status_soups_are_never_more_caught_up_than_they_say(@ForAll("bucketSyncStatusSoups") String text) {
        BucketSyncStatus status;
        try {
            status = bucketSyncStatusParser.parse(text);
        } catch (RadosgwParseException e) {
            return;
        }
        long caughtUp = status.sources().stream().filter(source -> source.health() == SyncHealth.CAUGHT_UP).count();
        assertThat(caughtUp).isLessThanOrEqualTo(linesEndingWith(text, "bucket is caught up with source"));
        for (BucketSyncSource source : status.sources()) {
            assertThat(source.health() == SyncHealth.BEHIND).isEqualTo(source.behindShardCount() > 0);
        }
    }
}
