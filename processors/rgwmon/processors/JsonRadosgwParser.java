package rgwmon.processors;

/**
 * Base of the parsers for commands that print JSON: empty output and invalid JSON are rejected
 * here (with the line Jackson stopped at), subclasses read the tree through {@link JsonCursor}.
 *
 * @param <T> the model record for this command's output
 */
public abstract class JsonRadosgwParser<T> extends RadosgwParser<T> {

    @Override
    public final T parse(String stdout) throws RadosgwParseException {
        return read(JsonCursor.read(command(), requireText(stdout)));
    }

    /** Builds the record from the document; every required value is read through the cursor. */
    protected abstract T read(JsonCursor document) throws RadosgwParseException;
}
