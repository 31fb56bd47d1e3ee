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

import rgwmon.model.DataSyncSource;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;

/** Damaged "sync status" output: truncated, mixed with stderr, unknown lines. Never a false "caught up". */
class SyncStatusParserBadInputTest {

    private static final String CAUGHT_UP_WEST = Fixtures.real("caught-up", "us-west", "sync-status.txt");

    private final SyncStatusParser parser = new SyncStatusParser();

    static Stream<Arguments> answeredOutputs() {
        return SyncStatusParserRealFixturesTest.answeredOutputs();
    }

    /** Blocks reported CAUGHT_UP, which must each be backed by a complete "caught up" line of the text. */
    static long caughtUpBlocks(SyncStatus status) {
        return Stream.concat(Stream.of(status.metadataSync().health()),
                        status.dataSources().stream().map(DataSyncSource::health))
                .filter(health -> health == SyncHealth.CAUGHT_UP).count();
    }

    static long caughtUpLines(String text) {
        return text.lines().filter(line -> line.endsWith(" metadata is caught up with master")
                || line.endsWith(" data is caught up with source")).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredOutputs")
    void every_cut_of_a_real_output_is_rejected_or_never_more_caught_up_than_it_says(String label, Path file) {
        String text = Fixtures.read(file);
        for (int end = 0; end < text.length(); end++) {
            String cut = text.substring(0, end);
            try {
                SyncStatus status = parser.parse(cut);
                assertThat(caughtUpBlocks(status)).as("cut at %d of %s", end, label).isLessThanOrEqualTo(caughtUpLines(cut));
            } catch (RadosgwParseException e) {
                assertThat(e.command()).isEqualTo("sync status");
            }
        }
    }

    @Test
    void a_header_without_any_section_is_rejected_naming_its_last_line() {
        String header = String.join("\n", CAUGHT_UP_WEST.lines().limit(3).toList());

        assertThatThrownBy(() -> parser.parse(header))
                .isInstanceOfSatisfying(RadosgwParseException.class, e -> {
                    assertThat(e.getMessage()).contains("no metadata sync section");
                    assertThat(e.lineNumber()).isEqualTo(3);
                    assertThat(e.line()).contains("zone e6e7efc5-7d56-4b65-b67c-2b72b569e150 (us-west)");
                });
    }

    @Test
    void metadata_cut_before_its_verdict_is_unknown_and_no_data_source_is_invented() throws Exception {
        SyncStatus status = parser.parse(String.join("\n", CAUGHT_UP_WEST.lines().limit(6).toList()));

        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.UNKNOWN);
        assertThat(status.dataSources()).isEmpty();
        assertThat(status.warnings()).isEmpty();
    }

    @Test
    void data_source_cut_in_the_middle_of_its_verdict_line_is_unknown_with_a_warning() throws Exception {
        String cut = CAUGHT_UP_WEST.substring(0, CAUGHT_UP_WEST.lastIndexOf("source") + 3);

        SyncStatus status = parser.parse(cut);

        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(status.dataSources().get(0).health()).isEqualTo(SyncHealth.UNKNOWN);
        assertThat(status.warnings()).containsExactly("line 12:                         data is caught up with sou");
    }

    @Test
    void stderr_lines_mixed_into_stdout_are_warnings_and_change_nothing_else() throws Exception {
        List<String> lines = new ArrayList<>(CAUGHT_UP_WEST.lines().toList());
        String logLine = "2026-11-25T13:47:17.209+0000 7f70bda46e00 -1 failed to fetch remote log markers: (5) Input/output error";
        String errorLine = "ERROR: failed to fetch datalog info";
        String cephadmLine = "Inferring fsid 7a3c0f2e-1b2d-4c5e-8f9a-0b1c2d3e4f5a";
        lines.add(0, cephadmLine);         // before the header
        lines.add(3, logLine);             // between header lines
        lines.add(7, errorLine);           // inside the metadata section
        lines.add(12, logLine);            // inside the data source block
        SyncStatus clean = parser.parse(CAUGHT_UP_WEST);

        SyncStatus noisy = parser.parse(String.join("\n", lines));

        assertThat(noisy.warnings()).containsExactly("line 1: " + cephadmLine, "line 4: " + logLine,
                "line 8: " + errorLine, "line 13: " + logLine);
        assertThat(noisy.metadataSync()).isEqualTo(clean.metadataSync());
        assertThat(noisy.dataSources()).isEqualTo(clean.dataSources());
        assertThat(noisy.zoneName()).isEqualTo("us-west");
    }

    @Test
    void an_unknown_line_in_a_block_is_a_numbered_verbatim_warning_and_the_verdict_stands() throws Exception {
        String text = CAUGHT_UP_WEST.replace("                        data is caught up with source",
                "                        3 shards are being re-initialised\n                        data is caught up with source");

        SyncStatus status = parser.parse(text);

        assertThat(status.warnings()).containsExactly("line 12:                         3 shards are being re-initialised");
        assertThat(status.dataSources().get(0).health()).isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void windows_line_endings_read_like_unix_ones() throws Exception {
        assertThat(parser.parse(CAUGHT_UP_WEST.replace("\n", "\r\n"))).isEqualTo(parser.parse(CAUGHT_UP_WEST));
    }

    @Test
    void numbers_too_large_for_the_record_are_warnings_not_crashes() throws Exception {
        String text = CAUGHT_UP_WEST
                .replace("data is caught up with source", "data is behind on 99999999999999999999 shards")
                .replace("incremental sync: 128/128 shards", "incremental sync: 128/12800000000000 shards");

        SyncStatus status = parser.parse(text);

        DataSyncSource source = status.dataSources().get(0);
        assertThat(source.health()).isEqualTo(SyncHealth.UNKNOWN);
        assertThat(source.incrementalSync()).isNull();
        assertThat(status.warnings()).hasSize(2);
    }

    @Test
    void lines_at_the_wrong_indentation_are_warnings_not_guesses() throws Exception {
        // a 24-space data detail before any data source, a 16-space line inside a data source block
        List<String> lines = new ArrayList<>(CAUGHT_UP_WEST.lines().toList());
        lines.add(7, "                        data is caught up with source");
        lines.set(12, "                data is caught up with source");
        String text = String.join("\n", lines);

        SyncStatus status = parser.parse(text);

        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(status.dataSources().get(0).health()).isEqualTo(SyncHealth.UNKNOWN);
        assertThat(status.warnings()).extracting(warning -> warning.substring(0, warning.indexOf(':')))
                .containsExactly("line 8", "line 13");
    }

    @Test
    void warnings_are_bounded_whatever_the_amount_of_junk() throws Exception {
        String junk = "                        ???\n".repeat(10_000);

        SyncStatus status = parser.parse(CAUGHT_UP_WEST + junk);

        assertThat(status.warnings()).hasSize(ParseWarnings.MAX_WARNINGS + 1);
        assertThat(status.warnings().get(ParseWarnings.MAX_WARNINGS)).contains((10_000 - ParseWarnings.MAX_WARNINGS) + " more");
        assertThat(status.dataSources().get(0).health()).isEqualTo(SyncHealth.CAUGHT_UP);
    }

    @Test
    void a_contradiction_behind_and_caught_up_in_one_block_is_behind() throws Exception {
        String text = CAUGHT_UP_WEST.replace("                        data is caught up with source",
                "                        data is caught up with source\n                        data is behind on 2 shards\n"
                        + "                        behind shards: [4,5]");

        assertThat(parser.parse(text).dataSources().get(0).health()).isEqualTo(SyncHealth.BEHIND);
    }

    @Test
    void a_behind_line_wins_over_a_contradicting_not_syncing_or_master_line() throws Exception {
        String text = CAUGHT_UP_WEST
                .replace("  metadata sync syncing", "  metadata sync no sync (zone is master)")
                .replace("                metadata is caught up with master",
                        "                metadata is behind on 1 shards\n                behind shards: [3]")
                .replace("                        data is caught up with source",
                        "                        not syncing from zone\n                        data is behind on 1 shards\n"
                                + "                        behind shards: [9]");

        SyncStatus status = parser.parse(text);

        assertThat(status.metadataSync().health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(status.dataSources().get(0).health()).isEqualTo(SyncHealth.BEHIND);
        assertThat(status.warnings()).isEmpty();
    }
}
