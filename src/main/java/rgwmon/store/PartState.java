package rgwmon.store;

import java.time.Instant;

import rgwmon.model.CollectionFailure;

/** Mutable success/failure record of one part; copied into an immutable {@link PartView} on publish. */
final class PartState {

    record Key(String part, String zone, String origin) {
    }

    private Instant lastSuccess;
    private Instant lastAttempt;
    private CollectionFailure failure;
    private Instant failingSince;
    private int consecutiveFailures;
    private long totalFailures;

    void succeeded(Instant at) {
        lastSuccess = at;
        lastAttempt = at;
        failure = null;
        failingSince = null;
        consecutiveFailures = 0;
    }

    void failed(CollectionFailure cause, Instant at) {
        lastAttempt = at;
        if (failure == null) {
            failingSince = cause.at() != null ? cause.at() : at;
        }
        failure = cause;
        consecutiveFailures++;
        totalFailures++;
    }

    boolean failing() {
        return failure != null;
    }

    boolean everSucceeded() {
        return lastSuccess != null;
    }

    PartView view(Key key) {
        return new PartView(key.part(), key.zone(), key.origin(), lastSuccess, lastAttempt, failure != null,
                failure == null ? null : reason(failure), failure == null ? null : failure.kind(),
                failure == null ? null : failure.command(), failingSince, consecutiveFailures, totalFailures);
    }

    private static String reason(CollectionFailure failure) {
        String kind = failure.kind() == null ? "" : failure.kind() + ": ";
        return kind + (failure.message() == null ? "failed" : failure.message());
    }
}
