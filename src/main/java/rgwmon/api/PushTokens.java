package rgwmon.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-zone push tokens ({@code rgw.push.token = us-west:TOKEN,us-west-2:TOKEN2}): a token
 * authenticates exactly one zone. {@link #toString()} never shows a token.
 */
public final class PushTokens {

    private static final Logger LOG = LoggerFactory.getLogger(PushTokens.class);
    private static final int RECOMMENDED_LENGTH = 16;

    private final Map<String, String> tokenByZone;

    public PushTokens(Map<String, String> tokenByZone) {
        this.tokenByZone = Map.copyOf(tokenByZone);
    }

    /** Parses {@code zone:token} pairs separated by commas; the token is everything after the first colon. */
    public static PushTokens parse(String spec) {
        Map<String, String> tokens = new LinkedHashMap<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int colon = pair.indexOf(':');
                String zone = colon < 0 ? "" : pair.substring(0, colon).trim();
                String token = colon < 0 ? "" : pair.substring(colon + 1).trim();
                if (zone.isEmpty() || token.isEmpty()) {
                    throw new IllegalArgumentException("rgw.push.token: every entry must be zone:token");
                }
                if (tokens.put(zone, token) != null) {
                    throw new IllegalArgumentException("rgw.push.token: zone " + zone + " is listed twice");
                }
                if (token.length() < RECOMMENDED_LENGTH) {
                    LOG.warn("the push token of zone {} is shorter than {} characters", zone, RECOMMENDED_LENGTH);
                }
            }
        }
        return new PushTokens(tokens);
    }

    /** The zone a presented token belongs to; every configured token is compared (constant time each). */
    public Optional<String> zoneOf(String presented) {
        String found = null;
        for (Map.Entry<String, String> entry : tokenByZone.entrySet()) {
            if (BearerTokens.matches(entry.getValue(), presented)) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    public Set<String> zones() {
        return tokenByZone.keySet();
    }

    public boolean isEmpty() {
        return tokenByZone.isEmpty();
    }

    @Override
    public String toString() {
        return "PushTokens" + tokenByZone.keySet();
    }
}
