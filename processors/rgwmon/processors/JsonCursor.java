package rgwmon.processors;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One node of a radosgw-admin JSON document together with where it is (a jq-style path such as
 * {@code .sync_status.markers[3].val.pos}). Every typed read either returns a value of the right
 * type or throws {@link RadosgwParseException} naming the command, the path and the line of the
 * document it points at: nothing is defaulted silently. Unknown fields are ignored, so extra keys
 * and key order changes between releases do not matter.
 */
public final class JsonCursor {

    /**
     * Strict about what would make a value ambiguous: a key given twice, or anything after the
     * document (two documents, stray text).
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_SHOWN_VALUE_CHARS = 60;

    private final Document document;
    private final JsonNode node;
    private final JsonPointer pointer;
    private final String path;

    private JsonCursor(Document document, JsonNode node, JsonPointer pointer, String path) {
        this.document = document;
        this.node = node;
        this.pointer = pointer;
        this.path = path;
    }

    /** Reads the whole text as one JSON document; a syntax error names its line. */
    public static JsonCursor read(String command, String text) throws RadosgwParseException {
        Document document = new Document(command, text);
        try (JsonParser parser = MAPPER.createParser(text)) {
            try {
                JsonNode root = MAPPER.readTree(parser);
                if (root == null) {
                    throw new RadosgwParseException(command, "empty output");
                }
                return new JsonCursor(document, root, JsonPointer.empty(), "");
            } catch (JsonProcessingException e) {
                // limits (nesting depth, number length) are reported without a location: use the parser's
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                int line = Math.max(at.getLineNr(), 0);
                String reason = "not valid JSON: " + RadosgwParseException.printable(e.getOriginalMessage());
                throw new RadosgwParseException(command, line, document.line(line), reason);
            }
        } catch (IOException e) {
            // a String source has no I/O; only close() could get here
            throw new RadosgwParseException(command, "cannot read output: " + e.getMessage());
        }
    }

    /** The path of this node, jq style ({@code .} for the document itself). */
    public String path() {
        return path.isEmpty() ? "." : path.startsWith("[") ? "." + path : path;
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean isObject() {
        return node.isObject();
    }

    /** True when this object has the field with a non-null value. */
    public boolean has(String name) {
        JsonNode child = node.get(name);
        return node.isObject() && child != null && !child.isNull();
    }

    /** A field that must be there (and not null). */
    public JsonCursor field(String name) throws RadosgwParseException {
        requireObject();
        if (!has(name)) {
            throw document.error(pointer, "missing field \"" + RadosgwParseException.printable(name) + "\" in " + path());
        }
        return child(name);
    }

    /** A field that older or newer releases may leave out: null when absent or null. */
    public JsonCursor optionalField(String name) throws RadosgwParseException {
        requireObject();
        return has(name) ? child(name) : null;
    }

    public JsonCursor requireObject() throws RadosgwParseException {
        if (!node.isObject()) {
            throw wrongType("an object");
        }
        return this;
    }

    /** The elements of this array. */
    public List<JsonCursor> elements() throws RadosgwParseException {
        if (!node.isArray()) {
            throw wrongType("an array");
        }
        List<JsonCursor> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonCursor(document, node.get(i), pointer.appendIndex(i), path + "[" + i + "]"));
        }
        return elements;
    }

    /** The elements of this array, which must not be empty: {@code whatIsMissing} says why it is an error. */
    public List<JsonCursor> nonEmptyElements(String whatIsMissing) throws RadosgwParseException {
        List<JsonCursor> elements = elements();
        if (elements.isEmpty()) {
            throw error(whatIsMissing);
        }
        return elements;
    }

    /** The field names of this object, in printed order. */
    public List<String> fieldNames() throws RadosgwParseException {
        requireObject();
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public String text() throws RadosgwParseException {
        if (!node.isTextual()) {
            throw wrongType("a string");
        }
        return node.textValue();
    }

    /** An integer; see {@link CephJson#integer}. */
    public long integer() throws RadosgwParseException {
        return convert(CephJson::integer);
    }

    /** An int-sized integer; see {@link CephJson#smallInteger}. */
    public int smallInteger() throws RadosgwParseException {
        return convert(CephJson::smallInteger);
    }

    /** A boolean, real or {@code "true"}/{@code "false"}; see {@link CephJson#bool}. */
    public boolean bool() throws RadosgwParseException {
        return convert(CephJson::bool);
    }

    /** A timestamp, null for the unset {@code "0.000000"}; see {@link CephJson#utime}. */
    public Instant utime() throws RadosgwParseException {
        String text = text();
        return convert(ignored -> CephJson.utime(text));
    }

    /** An array of strings. */
    public List<String> texts() throws RadosgwParseException {
        List<String> texts = new ArrayList<>();
        for (JsonCursor element : elements()) {
            texts.add(element.text());
        }
        return List.copyOf(texts);
    }

    // shorthands for the common "required field of type X"

    public String text(String field) throws RadosgwParseException {
        return field(field).text();
    }

    public long integer(String field) throws RadosgwParseException {
        return field(field).integer();
    }

    public int smallInteger(String field) throws RadosgwParseException {
        return field(field).smallInteger();
    }

    public boolean bool(String field) throws RadosgwParseException {
        return field(field).bool();
    }

    public Instant utime(String field) throws RadosgwParseException {
        return field(field).utime();
    }

    public List<String> texts(String field) throws RadosgwParseException {
        return field(field).texts();
    }

    /** A failure about this node: the reason is prefixed with its path, the line is where it is printed. */
    public RadosgwParseException error(String reason) {
        return document.error(pointer, path() + ": " + reason);
    }

    private JsonCursor child(String name) {
        String childPath = PLAIN_NAME.matcher(name).matches()
                ? path + "." + name
                : path + "[\"" + RadosgwParseException.printable(name).replace("\"", "\\\"") + "\"]";
        return new JsonCursor(document, node.get(name), pointer.appendProperty(name), childPath);
    }

    private <V> V convert(Function<JsonNode, V> conversion) throws RadosgwParseException {
        try {
            return conversion.apply(node);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage() + ", found " + describe(node));
        }
    }

    private RadosgwParseException wrongType(String expected) {
        return error("expected " + expected + ", found " + describe(node));
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "string \"" + shorten(value.textValue()) + "\"";
            case NUMBER -> "number " + shorten(value.asText());
            case BOOLEAN -> "boolean " + value.booleanValue();
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static String shorten(String text) {
        String cut = text.length() > MAX_SHOWN_VALUE_CHARS ? text.substring(0, MAX_SHOWN_VALUE_CHARS) + "…" : text;
        return RadosgwParseException.printable(cut);
    }

    /** The text of one command's output: turns a JSON position into the line an operator can find. */
    private static final class Document {

        private final String command;
        private final String text;
        private String[] lines;

        Document(String command, String text) {
            this.command = command;
            this.text = text;
        }

        RadosgwParseException error(JsonPointer at, String reason) {
            int line = lineOf(at);
            return new RadosgwParseException(command, line, line(line), reason);
        }

        /** Line {@code number} (1-based) of the text, null when out of range. */
        String line(int number) {
            if (lines == null) {
                lines = text.split("\r?\n|\r", -1);
            }
            return number >= 1 && number <= lines.length ? lines[number - 1] : null;
        }

        /**
         * The line where the value at {@code target} starts, or, when there is no such value (a
         * missing field), where its nearest existing parent starts. Only runs on the error path:
         * one streaming pass over a text that has already parsed.
         */
        private int lineOf(JsonPointer target) {
            List<JsonPointer> candidates = new ArrayList<>();
            for (JsonPointer p = target; p != null; p = p.head()) {
                candidates.add(p);
            }
            int[] lineFound = new int[candidates.size()];
            try (JsonParser parser = MAPPER.createParser(text)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    // a container's own position is in its parent context; a field's at its name
                    JsonPointer at = token.isStructStart()
                            ? parser.getParsingContext().getParent().pathAsPointer()
                            : parser.getParsingContext().pathAsPointer();
                    int index = candidates.indexOf(at);
                    if (index >= 0 && lineFound[index] == 0) {
                        lineFound[index] = parser.currentTokenLocation().getLineNr();
                        if (index == 0) {
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                // cannot happen for a text that parsed; fall through with what was found
            }
            for (int line : lineFound) {
                if (line > 0) {
                    return line;
                }
            }
            return 0;
        }
    }
}
