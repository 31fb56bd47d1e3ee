package rgwmon.processors;

/**
 * The only exception a parser throws: the command whose output could not be read, the 1-based
 * line where reading stopped (0 when the problem is the whole text) and that line's text, so an
 * operator sees exactly what radosgw-admin printed.
 */
public class RadosgwParseException extends Exception {

    private static final int MAX_LINE_CHARS = 200;

    private final String command;
    private final int lineNumber;
    private final String line;

    public RadosgwParseException(String command, int lineNumber, String line, String reason) {
        super(format(command, lineNumber, line, reason));
        this.command = command;
        this.lineNumber = lineNumber;
        this.line = line;
    }

    public RadosgwParseException(String command, String reason) {
        this(command, 0, null, reason);
    }

    public String command() {
        return command;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String line() {
        return line;
    }

    private static String format(String command, int lineNumber, String line, String reason) {
        StringBuilder text = new StringBuilder("cannot parse output of 'radosgw-admin ")
                .append(command).append("': ").append(reason);
        if (lineNumber > 0) {
            text.append(" (line ").append(lineNumber);
            if (line != null) {
                text.append(": \"").append(printable(line)).append('"');
            }
            text.append(')');
        }
        return text.toString();
    }

    /** Control characters and overlong lines are shown escaped/truncated: the text is untrusted. */
    static String printable(String line) {
        String cut = line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "…" : line;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0xfffd) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
