package rgwmon.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** An empty request body is a 400 naming the body ({@code $}), not a 500 from the JSON reader. */
public class RequireBody implements Processor {

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new ApiException(400, "$", "empty body: expected a JSON object");
        }
    }
}
