package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text that is not the command's output at all, for both text parsers: always a
 * RadosgwParseException naming the command and, where there is one, the offending line.
 */
class TextParsersBadInputTest {

    static Stream<Arguments> parsers() {
        return Stream.of(Arguments.of(new SyncStatusParser()), Arguments.of(new BucketSyncStatusParser()));
    }

    private static RadosgwParseException rejection(RadosgwParser<?> parser, String stdout) {
        Throwable thrown = catchThrowable(() -> parser.parse(stdout));
        assertThat(thrown).isInstanceOf(RadosgwParseException.class);
        RadosgwParseException e = (RadosgwParseException) thrown;
        assertThat(e.command()).isEqualTo(parser.command());
        assertThat(e.getMessage()).contains("'radosgw-admin " + parser.command() + "'");
        return e;
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void null_empty_and_whitespace_are_empty_output(RadosgwParser<?> parser) {
        for (String stdout : new String[] {null, "", " ", "\n", " \n\t\r\n  \n"}) {
            RadosgwParseException e = rejection(parser, stdout);
            assertThat(e.getMessage()).contains("empty output");
            assertThat(e.lineNumber()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void json_is_not_this_command_output(RadosgwParser<?> parser) {
        RadosgwParseException e = rejection(parser, "\n{\n    \"realm\": \"f583dc4a\",\n    \"zone\": \"us-east\"\n}\n");

        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e.line()).isEqualTo("{");
        assertThat(e.getMessage()).contains("not '" + parser.command() + "' output");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void an_html_error_page_is_not_this_command_output(RadosgwParser<?> parser) {
        RadosgwParseException e = rejection(parser, """
                <!DOCTYPE html>
                <html><head><title>502 Bad Gateway</title></head>
                <body><h1>Bad Gateway</h1></body></html>
                """);

        assertThat(e.lineNumber()).isEqualTo(1);
        assertThat(e.line()).isEqualTo("<!DOCTYPE html>");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void random_bytes_are_not_this_command_output(RadosgwParser<?> parser) {
        Random random = new Random(20261125L);
        for (int attempt = 0; attempt < 50; attempt++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            String stdout = new String(bytes, attempt % 2 == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            if (stdout.isBlank()) {
                continue;
            }
            RadosgwParseException e = rejection(parser, stdout);
            assertThat(e.lineNumber()).isPositive();
            assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f]");
        }
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void only_stderr_lines_on_stdout_is_a_missing_header_naming_the_last_line(RadosgwParser<?> parser) {
        RadosgwParseException e = rejection(parser, """
                2026-11-25T13:47:17.209+0000 7f70bda46e00 -1 failed to fetch remote log markers: (5) Input/output error
                ERROR: failed to fetch datalog info
                """);

        assertThat(e.getMessage()).contains("output ends before the realm header line");
        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e.line()).isEqualTo("ERROR: failed to fetch datalog info");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void a_header_cut_after_the_realm_line_names_that_line(RadosgwParser<?> parser) {
        RadosgwParseException e = rejection(parser, "          realm f583dc4a-f18b-41c8-892c-c758f0ad41aa (lab)\n");

        assertThat(e.getMessage()).contains("output ends before the zonegroup header line");
        assertThat(e.lineNumber()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void a_missing_zonegroup_line_names_the_line_found_instead(RadosgwParser<?> parser) {
        RadosgwParseException e = rejection(parser, """
                          realm f583dc4a-f18b-41c8-892c-c758f0ad41aa (lab)
                           zone a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1 (us-east)
                """);

        assertThat(e.getMessage()).contains("expected the zonegroup header line");
        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e.line()).contains("(us-east)");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void the_other_text_command_output_is_rejected_or_not_healthy(RadosgwParser<?> parser) {
        // sync status fed to the bucket parser has no bucket line; bucket sync status fed to the
        // sync status parser has no metadata section
        String other = parser instanceof SyncStatusParser
                ? Fixtures.real("caught-up", "us-west", "bucket-sync-status__bucket-small-05.txt")
                : Fixtures.real("caught-up", "us-west", "sync-status.txt");

        RadosgwParseException e = rejection(parser, other);
        assertThat(e.lineNumber()).isPositive();
        assertThat(e.getMessage()).containsAnyOf("no metadata sync section", "expected the bucket header line");
    }
}
