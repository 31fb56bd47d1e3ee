package rgwmon.model;

import java.time.Instant;

/**
 * A collection step that produced no data this time: which command, why (TIMEOUT, NOT_FOUND,
 * EXIT_CODE, EMPTY_OUTPUT, PARSE), the message and when. Kept beside the last good data, which
 * is then shown as stale.
 */
public record CollectionFailure(String command, String kind, String message, Instant at) {
}
