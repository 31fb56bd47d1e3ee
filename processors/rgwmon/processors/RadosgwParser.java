package rgwmon.processors;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * One parser per radosgw-admin command. {@link #parse(String)} is a pure function of the text
 * (stdout only, never stderr); {@link #process(Exchange)} lets a route use it as a processor:
 * the body (stdout) becomes the parsed record.
 *
 * @param <T> the model record for this command's output
 */
public abstract class RadosgwParser<T> implements Processor {

    /** The radosgw-admin command words this parser reads, e.g. {@code "sync status"}. */
    public abstract String command();

    /**
     * Reads the command's stdout. Never returns null, never throws anything but
     * {@link RadosgwParseException}, and never guesses a healthy value for missing text.
     */
    public abstract T parse(String stdout) throws RadosgwParseException;

    @Override
    public void process(Exchange exchange) throws RadosgwParseException {
        String stdout = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(parse(stdout));
    }

    /** Shared first check: no output at all is a failure, never an empty healthy record. */
    protected String requireText(String stdout) throws RadosgwParseException {
        if (stdout == null || stdout.isBlank()) {
            throw new RadosgwParseException(command(), "empty output");
        }
        return stdout;
    }
}
