package rgwmon.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns a report (JSON bytes) into the push request: POST, {@code application/json}, gzip above
 * a size (compressed here, and camel-http told not to compress again), and the bearer token. Every
 * other header is removed first so nothing of the exchange leaks to the primary.
 */
public class PushRequest implements Processor {

    public static final String AUTHORIZATION = "Authorization";

    private final AgentToken token;
    private final int gzipMinBytes;

    public PushRequest(AgentToken token, int gzipMinBytes) {
        this.token = token;
        this.gzipMinBytes = gzipMinBytes;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        byte[] json = message.getBody(byte[].class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (json.length >= gzipMinBytes) {
            message.setHeader(Exchange.CONTENT_ENCODING, "gzip");
            message.setBody(gzip(json));
        } else {
            message.setBody(json);
        }
        exchange.setProperty(Exchange.SKIP_GZIP_ENCODING, true);
        message.setHeader(AUTHORIZATION, "Bearer " + token.value());
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }
}
