package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Real fixture outputs, damaged the way a killed process, a bad pipe or a different release
 * damages them, go through every parser of {@link ParserCatalog#ALL}: each must return a record
 * or throw {@link RadosgwParseException} naming its command — never any other throwable. Every
 * try feeds each parser a mutation of one of its own command's fixtures, and also the mutated
 * output of another command (the wrong command's output is a realistic wiring mistake).
 * <p>
 * Parsers are listed once, in {@link ParserCatalog}; a new parser is covered by adding its line there.
 */
class ParserRobustnessProperties {

    /** The kinds of stderr lines radosgw-admin and cephadm print (formats doc §10.8). */
    private static final List<String> STDERR_LINES = List.of(
            "2026-11-25T13:47:16.501+0000 7ff6ecec4e00  0 ERROR: failed to fetch datalog info",
            "ERROR: sync.init() returned ret=-5",
            "failed to fetch mon config (--no-mon-config to skip)",
            "failure: (2002) Unknown error 2002:",
            "Inferring fsid 3f2a1c52-8a3e-11ee-9a55-525400e1c0f1",
            "Using ceph image with id '0d668911f040' and tag 'v16.2.15'",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "");

    /** What may stand where a number was: words, JSON of other types, numbers JSON or Java cannot hold. */
    private static final List<String> WORDS = List.of("many", "NaN", "Infinity", "-", "0x1F", "\"12\"", "true",
            "null", "1.5", "-0", "1e400", "99999999999999999999999", "18446744073709551615", "-1", "", "[]", "{}");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Seed texts per catalog entry: every non-empty fixture (empty ones are failures, covered elsewhere). */
    private static final List<List<String>> SEEDS = ParserCatalog.ALL.stream()
            .map(entry -> entry.fixtures().stream().map(Fixtures::read).filter(text -> !text.isBlank()).toList())
            .toList();

    @Property(tries = 2000)
    void every_parser_returns_a_record_or_a_parse_exception_naming_its_command(
            @ForAll("mutations") List<Mutation> mutations,
            @ForAll @IntRange(min = 0, max = 100_000) int fixtureChoice,
            @ForAll @IntRange(min = 1, max = 100) int otherCommand) {
        List<String> inputs = new ArrayList<>();
        for (List<String> seeds : SEEDS) {
            String input = seeds.isEmpty() ? "" : seeds.get(fixtureChoice % seeds.size());
            for (Mutation mutation : mutations) {
                input = mutation.apply(input);
            }
            inputs.add(input);
        }
        for (int i = 0; i < ParserCatalog.ALL.size(); i++) {
            ParserCatalog.Entry entry = ParserCatalog.ALL.get(i);
            Statistics.label(entry.toString()).collect(outcome(entry.parser(), inputs.get(i)));
            outcome(entry.parser(), inputs.get((i + otherCommand) % inputs.size()));
        }
        // not vacuous: some damage is harmless (a flipped byte inside a marker) and still parses
        for (ParserCatalog.Entry entry : ParserCatalog.ALL) {
            Statistics.label(entry.toString()).coverage(coverage -> coverage.check("parsed").percentage(p -> p > 1.0));
        }
    }

    /** Parses and checks the contract; the outcome for the statistics. */
    private static String outcome(RadosgwParser<?> parser, String input) {
        try {
            assertThat((Object) parser.parse(input)).as("%s returned null", parser).isNotNull();
            return "parsed";
        } catch (RadosgwParseException e) {
            assertThat(e.command()).isEqualTo(parser.command());
            assertThat(e.getMessage()).contains("'radosgw-admin " + parser.command() + "'");
            return "rejected";
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(parser.getClass().getSimpleName() + " threw " + e + " instead of "
                    + RadosgwParseException.class.getSimpleName(), e);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0.0, 1.0);
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                at.map(Truncate::new),
                at.map(DeleteLine::new),
                at.map(DuplicateLine::new),
                Combinators.combine(at, at).as(SwapLines::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 255)).as(FlipByte::new),
                Combinators.combine(at, Arbitraries.of(STDERR_LINES)).as(InsertLine::new),
                Combinators.combine(at, Arbitraries.of(WORDS)).as(NumberToWord::new));
        return mutation.list().ofMinSize(1).ofMaxSize(4);
    }

    /** One kind of damage; {@code at} values in [0, 1] pick a position so any text can be damaged. */
    sealed interface Mutation {
        String apply(String text);
    }

    record Truncate(double at) implements Mutation {
        public String apply(String text) {
            return text.substring(0, index(at, text.length() + 1));
        }
    }

    record DeleteLine(double at) implements Mutation {
        public String apply(String text) {
            List<String> lines = lines(text);
            lines.remove(index(at, lines.size()));
            return String.join("\n", lines);
        }
    }

    record DuplicateLine(double at) implements Mutation {
        public String apply(String text) {
            List<String> lines = lines(text);
            int i = index(at, lines.size());
            lines.add(i, lines.get(i));
            return String.join("\n", lines);
        }
    }

    record SwapLines(double first, double second) implements Mutation {
        public String apply(String text) {
            List<String> lines = lines(text);
            int i = index(first, lines.size());
            int j = index(second, lines.size());
            String line = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, line);
            return String.join("\n", lines);
        }
    }

    /** XORs one byte of the UTF-8 form: may break a character into invalid UTF-8 (read as U+FFFD). */
    record FlipByte(double at, int mask) implements Mutation {
        public String apply(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) {
                return text;
            }
            bytes[index(at, bytes.length)] ^= (byte) mask;
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    record InsertLine(double at, String line) implements Mutation {
        public String apply(String text) {
            List<String> lines = lines(text);
            lines.add(index(at, lines.size() + 1), line);
            return String.join("\n", lines);
        }
    }

    record NumberToWord(double at, String word) implements Mutation {
        public String apply(String text) {
            Matcher number = NUMBER.matcher(text);
            List<int[]> spans = new ArrayList<>();
            while (number.find()) {
                spans.add(new int[] {number.start(), number.end()});
            }
            if (spans.isEmpty()) {
                return text;
            }
            int[] span = spans.get(index(at, spans.size()));
            return text.substring(0, span[0]) + word + text.substring(span[1]);
        }
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static int index(double at, int size) {
        return Math.min(size - 1, (int) (at * size));
    }
}
