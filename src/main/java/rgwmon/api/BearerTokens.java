package rgwmon.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.apache.camel.Exchange;

/** Bearer token handling shared by the push and admin endpoints. Tokens are never logged. */
final class BearerTokens {

    private BearerTokens() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header, null when absent or another scheme. */
    static String presented(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        // the credential must not travel further (logs, message history, responses)
        exchange.getMessage().removeHeader("Authorization");
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (trimmed.length() <= 7 || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = trimmed.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Constant-time comparison, so response timing does not reveal how much of a token matched. */
    static boolean matches(String expected, String presented) {
        if (expected == null || expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
