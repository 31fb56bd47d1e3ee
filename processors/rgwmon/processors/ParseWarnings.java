package rgwmon.processors;

import java.util.ArrayList;
import java.util.List;

/**
 * What a text parser read but could not place: kept as "line N: text" so nothing is silently dropped.
 * Bounded, because the text is untrusted and could be arbitrarily long.
 */
final class ParseWarnings {

    static final int MAX_WARNINGS = 100;

    private final List<String> warnings = new ArrayList<>();
    private int dropped;

    /** A line the parser does not know, kept verbatim (control characters escaped, long lines cut). */
    void unrecognised(TextLine line) {
        add("line " + line.number() + ": " + RadosgwParseException.printable(line.text()));
    }

    /** A known line whose content was doubtful, with what was wrong. */
    void doubtful(TextLine line, String problem) {
        add("line " + line.number() + ": " + problem + ": " + RadosgwParseException.printable(line.text()));
    }

    private void add(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            dropped++;
        }
    }

    List<String> toList() {
        List<String> all = new ArrayList<>(warnings);
        if (dropped > 0) {
            all.add("… " + dropped + " more warnings not kept");
        }
        return List.copyOf(all);
    }
}
