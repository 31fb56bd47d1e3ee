package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every JSON parser does with output that is not a valid answer: it throws
 * {@link RadosgwParseException} naming the command and, whenever there is text, the line (and for
 * a bad value its jq path) — never another exception, never an empty "healthy" record.
 */
class BadInputTest {

    /**
     * A valid output of the parser's command and one field in it to break, with the path the
     * parser must report for that field.
     */
    record Sample(JsonRadosgwParser<?> parser, String text, String field, String fieldPath, String parentPath) {
        @Override
        public String toString() {
            return parser.getClass().getSimpleName();
        }

        /** 1-based line of the first {@code "field": } in the text. */
        int fieldLine() {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + field + "\": ")) {
                    return i + 1;
                }
            }
            throw new IllegalStateException(field + " not in sample");
        }

        /** The text with that field's value replaced by one of the wrong type. */
        String withWrongType() {
            Matcher value = Pattern.compile("(\"" + field + "\": )(\"[^\"]*\"|-?\\d+)").matcher(text);
            assertThat(value.find()).isTrue();
            String wrong = value.group(2).startsWith("\"") ? "12345" : "\"not a number\"";
            return text.substring(0, value.start(2)) + wrong + text.substring(value.end(2));
        }

        /** The text with that field's key renamed: still valid JSON, but the field is missing. */
        String withoutField() {
            return text.replaceFirst("\"" + field + "\": ", "\"" + field + "_renamed\": ");
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                new Sample(new SyncErrorListParser(), Fixtures.real("errors", "us-west", "sync-error-list.txt"),
                        "error_code", ".[1].entries[0].info.error_code", ".[1].entries[0].info"),
                new Sample(new BucketStatsParser(), Fixtures.real("caught-up", "us-east", "bucket-stats__bucket-many-objects.txt"),
                        "num_objects", ".usage[\"rgw.main\"].num_objects", ".usage[\"rgw.main\"]"),
                new Sample(new PeriodParser(), Fixtures.real("caught-up", "us-east", "period-get.txt"),
                        "epoch", ".epoch", "."),
                new Sample(new DataSyncStatusParser(), Fixtures.real("caught-up", "us-west", "data-sync-status__source-zone-us-east.txt"),
                        "num_shards", ".sync_status.info.num_shards", ".sync_status.info"),
                new Sample(new DataSyncShardStatusParser(), Fixtures.synthetic("data-sync-status",
                        "pacific-16.2-data-sync-status__source-zone-us-east__shard-id-98.synthetic.json"),
                        "shard_id", ".shard_id", "."),
                new Sample(new DatalogStatusParser(), Fixtures.real("caught-up", "us-east", "datalog-status.txt"),
                        "marker", ".[0].marker", ".[0]"),
                new Sample(new BucketInstanceMetadataParser(), Fixtures.synthetic("metadata-get",
                        "pacific-16.2-bucket-instance-sync-disabled.synthetic.json"),
                        "flags", ".data.bucket_info.flags", ".data.bucket_info"));
    }

    private static RadosgwParseException rejected(Sample sample, String input) {
        RadosgwParseException e = catchThrowableOfType(RadosgwParseException.class, () -> sample.parser().parse(input));
        assertThat(e).as("rejected: %s", input == null || input.length() <= 80 ? input : input.substring(0, 80) + "…")
                .isNotNull();
        assertThat(e.command()).isEqualTo(sample.parser().command());
        assertThat(e.getMessage()).startsWith("cannot parse output of 'radosgw-admin " + sample.parser().command() + "': ");
        return e;
    }

    /** Rejected, with a line number that points into the input and that line's text. */
    private static RadosgwParseException rejectedAtLine(Sample sample, String input) {
        RadosgwParseException e = rejected(sample, input);
        List<String> lines = Arrays.asList(input.split("\r?\n|\r", -1));
        assertThat(e.lineNumber()).isBetween(1, lines.size());
        assertThat(e.line()).isEqualTo(lines.get(e.lineNumber() - 1));
        assertThat(e.getMessage()).contains("(line " + e.lineNumber());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void the_sample_itself_parses(Sample sample) throws Exception {
        assertThat(sample.parser().parse(sample.text())).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void no_output_is_empty_output(Sample sample) {
        for (String input : new String[] {null, "", "\n", "   \n\t\n"}) {
            assertThat(rejected(sample, input).getMessage()).endsWith("': empty output");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void truncated_json_names_the_line_where_it_stops(Sample sample) {
        String truncated = sample.text().substring(0, sample.text().length() / 2);
        RadosgwParseException e = rejectedAtLine(sample, truncated);
        assertThat(e.getMessage()).contains("not valid JSON");
        assertThat(e.lineNumber()).isEqualTo(truncated.split("\n", -1).length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void an_html_error_page_is_not_json(Sample sample) {
        String html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
                + "<body><h1>Bad Gateway</h1></body></html>\n";
        RadosgwParseException e = rejectedAtLine(sample, html);
        assertThat(e.lineNumber()).isEqualTo(1);
        assertThat(e.line()).isEqualTo("<!DOCTYPE html>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void stderr_noise_before_the_json_is_rejected_at_line_1(Sample sample) {
        for (String noise : List.of(
                "2026-11-25T13:47:16.501+0000 7ff6ecec4e00  0 ERROR: failed to fetch datalog info\n",
                "Inferring fsid 3f2a1c52-8a3e-11ee-9a55-525400e1c0f1\n",
                "ERROR: sync.init() returned ret=-5\n")) {
            assertThat(rejectedAtLine(sample, noise + sample.text()).lineNumber()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void text_after_the_json_is_rejected_at_its_line(Sample sample) {
        String input = sample.text().stripTrailing() + "\nfailed to fetch mon config (--no-mon-config to skip)\n";
        RadosgwParseException e = rejectedAtLine(sample, input);
        assertThat(e.line()).startsWith("failed to fetch mon config");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void json_of_the_wrong_shape_is_rejected(Sample sample) {
        List<String> wrongShapes = new ArrayList<>(List.of("{}", "[{}]", "\"sync status\"", "42", "null", "true",
                "[[]]", "{\"error\": \"Unknown error 2002\"}"));
        if (!(sample.parser() instanceof BucketStatsParser)) {
            wrongShapes.add("[]"); // the one command for which an empty array is a real answer (no buckets)
        }
        for (String input : wrongShapes) {
            assertThat(rejectedAtLine(sample, input).lineNumber()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_value_of_the_wrong_type_names_its_path_and_line(Sample sample) {
        RadosgwParseException e = rejectedAtLine(sample, sample.withWrongType());
        assertThat(e.getMessage()).contains("': " + sample.fieldPath() + ": expected ");
        assertThat(e.lineNumber()).isEqualTo(sample.fieldLine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_missing_field_names_it_and_the_line_of_the_object_lacking_it(Sample sample) {
        RadosgwParseException e = rejectedAtLine(sample, sample.withoutField());
        assertThat(e.getMessage()).contains("missing field \"" + sample.field() + "\" in " + sample.parentPath());
        assertThat(e.lineNumber()).isLessThan(sample.fieldLine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_key_given_twice_is_ambiguous_and_rejected(Sample sample) {
        List<String> lines = new ArrayList<>(sample.text().lines().toList());
        int index = sample.fieldLine() - 1;
        String line = lines.get(index);
        lines.add(index, line.endsWith(",") ? line : line + ","); // the copy first: valid JSON even for a last field
        RadosgwParseException e = rejectedAtLine(sample, String.join("\n", lines));
        assertThat(e.getMessage()).contains("Duplicate field '" + sample.field() + "'");
        assertThat(e.lineNumber()).isEqualTo(sample.fieldLine() + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void pathological_json_is_rejected_not_crashed_on(Sample sample) {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String longNumber = "{\"" + sample.field() + "\": " + "9".repeat(5000) + "}";
        String longNumberInArray = "[" + longNumber + "]";
        for (String input : List.of(deep, longNumber, longNumberInArray)) {
            rejectedAtLine(sample, input);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void random_bytes_are_rejected(Sample sample) {
        for (long seed = 1; seed <= 50; seed++) {
            byte[] bytes = new byte[1 + new Random(seed).nextInt(600)];
            new Random(seed * 31).nextBytes(bytes);
            String input = new String(bytes, StandardCharsets.UTF_8);
            if (!input.isBlank()) {
                rejectedAtLine(sample, input);
            }
        }
    }
}
