package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import rgwmon.model.BucketRef;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.SyncHealth;

/** Damaged "bucket sync status" output: truncated, mixed with stderr, unknown lines. Never a false "caught up". */
class BucketSyncStatusParserBadInputTest {

    private static final String SMALL_05 = Fixtures.real("caught-up", "us-west", "bucket-sync-status__bucket-small-05.txt");

    private final BucketSyncStatusParser parser = new BucketSyncStatusParser();

    static Stream<Arguments> answeredOutputs() {
        return BucketSyncStatusParserRealFixturesTest.answeredOutputs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredOutputs")
    void every_cut_of_a_real_output_is_rejected_or_never_more_caught_up_than_it_says(String label, Path file) {
        String text = Fixtures.read(file);
        for (int end = 0; end < text.length(); end++) {
            String cut = text.substring(0, end);
            try {
                BucketSyncStatus status = parser.parse(cut);
                long caughtUp = status.sources().stream().filter(source -> source.health() == SyncHealth.CAUGHT_UP).count();
                long saidSo = cut.lines().filter(line -> line.endsWith(" bucket is caught up with source")).count();
                assertThat(caughtUp).as("cut at %d of %s", end, label).isLessThanOrEqualTo(saidSo);
            } catch (RadosgwParseException e) {
                assertThat(e.command()).isEqualTo("bucket sync status");
            }
        }
    }

    @Test
    void a_header_without_the_bucket_line_is_rejected_naming_the_zone_line() {
        String header = String.join("\n", SMALL_05.lines().limit(3).toList());

        assertThatThrownBy(() -> parser.parse(header))
                .isInstanceOfSatisfying(RadosgwParseException.class, e -> {
                    assertThat(e.getMessage()).contains("output ends before the bucket header line");
                    assertThat(e.lineNumber()).isEqualTo(3);
                });
    }

    @Test
    void a_block_cut_before_its_verdict_is_unknown() throws Exception {
        BucketSyncStatus status = parser.parse(String.join("\n", SMALL_05.lines().limit(9).toList()));

        assertThat(status.sources()).singleElement().satisfies(source -> {
            assertThat(source.health()).isEqualTo(SyncHealth.UNKNOWN);
            assertThat(source.incrementalSync()).isNotNull();
        });
    }

    @Test
    void a_header_alone_has_no_sources_and_nothing_healthy() throws Exception {
        BucketSyncStatus status = parser.parse(String.join("\n", SMALL_05.lines().limit(5).toList()));

        assertThat(status.sources()).isEmpty();
        assertThat(status.syncDisabled()).isFalse();
        assertThat(status.bucket()).isEqualTo(new BucketRef("", "small-05", "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.8"));
    }

    @Test
    void stderr_lines_mixed_into_stdout_are_warnings_not_block_messages() throws Exception {
        List<String> lines = new ArrayList<>(SMALL_05.lines().toList());
        String logLine = "2026-11-25T13:47:17.209+0000 7f70bda46e00 -1 failed to read remote log: (5) Input/output error";
        lines.add(0, "ERROR: could not init bucket sync status");
        lines.add(8, logLine);
        BucketSyncStatus clean = parser.parse(SMALL_05);

        BucketSyncStatus noisy = parser.parse(String.join("\n", lines));

        assertThat(noisy.warnings()).containsExactly("line 1: ERROR: could not init bucket sync status",
                "line 9: " + logLine);
        assertThat(noisy.sources()).isEqualTo(clean.sources());
        assertThat(noisy.bucket()).isEqualTo(clean.bucket());
    }

    @Test
    void an_unknown_status_line_in_a_block_is_a_message_and_outside_is_a_warning() throws Exception {
        String text = SMALL_05.replace("                bucket is caught up with source",
                "                bucket index is being resharded\n                bucket is caught up with source")
                + "some trailing line\n";

        BucketSyncStatus status = parser.parse(text);

        BucketSyncSource source = status.sources().get(0);
        assertThat(source.messages()).containsExactly("bucket index is being resharded");
        assertThat(source.health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(status.warnings()).containsExactly("line 12: some trailing line");
    }

    @Test
    void status_lines_before_any_source_zone_are_warnings_not_a_verdict() throws Exception {
        List<String> lines = new ArrayList<>(SMALL_05.lines().limit(5).toList());
        lines.add("                bucket is caught up with source");

        BucketSyncStatus status = parser.parse(String.join("\n", lines));

        assertThat(status.sources()).isEmpty();
        assertThat(status.warnings()).containsExactly("line 6:                 bucket is caught up with source");
    }

    @Test
    void an_unknown_bucket_printer_form_keeps_the_text_as_the_name() throws Exception {
        BucketSyncStatus status = parser.parse(SMALL_05.replace(
                ":small-05[a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1.4152.8])", "small-05 (id a6a2da76)"));

        assertThat(status.bucket()).isEqualTo(new BucketRef("", "small-05 (id a6a2da76)", null));
    }

    @Test
    void numbers_too_large_for_the_record_are_messages_not_crashes() throws Exception {
        BucketSyncStatus status = parser.parse(SMALL_05.replace("bucket is caught up with source",
                "bucket is behind on 99999999999999999999 shards"));

        BucketSyncSource source = status.sources().get(0);
        assertThat(source.health()).isEqualTo(SyncHealth.UNKNOWN);
        assertThat(source.messages()).containsExactly("bucket is behind on 99999999999999999999 shards");
    }

    @Test
    void windows_line_endings_read_like_unix_ones() throws Exception {
        assertThat(parser.parse(SMALL_05.replace("\n", "\r\n"))).isEqualTo(parser.parse(SMALL_05));
    }

    @Test
    void a_behind_line_wins_over_a_contradicting_not_a_source_line() throws Exception {
        BucketSyncStatus status = parser.parse(SMALL_05.replace("                bucket is caught up with source",
                "                does not sync from zone\n                bucket is behind on 1 shards\n"
                        + "                behind shards: [4]"));

        assertThat(status.sources().get(0).health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(status.sources().get(0).behindShards()).containsExactly(4);
    }
}
