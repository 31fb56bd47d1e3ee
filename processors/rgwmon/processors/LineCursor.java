package rgwmon.processors;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Walks the lines of a text output in order; used where the layout is fixed (the header lines). */
final class LineCursor {

    private final List<TextLine> lines;
    private int next;

    LineCursor(List<TextLine> lines) {
        this.lines = lines;
    }

    /** The next line, or null at the end. */
    TextLine next() {
        return next < lines.size() ? lines.get(next++) : null;
    }

    /** The last line of the output that has any text (for "output ends after …" errors). */
    TextLine lastNonBlank() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).text().isBlank()) {
                return lines.get(i);
            }
        }
        return lines.isEmpty() ? new TextLine(0, "") : lines.get(0);
    }

    /**
     * The next line that carries output, skipping blank lines and keeping stderr-like noise as warnings,
     * which must match {@code expected}; otherwise the output is not what {@code command} prints.
     */
    Matcher expect(Pattern expected, String what, boolean firstLine, String command, ParseWarnings warnings)
            throws RadosgwParseException {
        for (TextLine line = next(); line != null; line = next()) {
            if (line.text().isBlank()) {
                continue;
            }
            if (RadosgwText.isStderrNoise(line.text())) {
                warnings.unrecognised(line);
                continue;
            }
            Matcher matcher = expected.matcher(line.text());
            if (matcher.matches()) {
                return matcher;
            }
            String reason = firstLine
                    ? "not '" + command + "' output: the first line is not the " + what + " line"
                    : "expected the " + what + " line";
            throw new RadosgwParseException(command, line.number(), line.text(), reason);
        }
        TextLine last = lastNonBlank();
        throw new RadosgwParseException(command, last.number(), last.text(), "output ends before the " + what + " line");
    }
}
