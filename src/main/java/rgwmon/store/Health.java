package rgwmon.store;

import java.time.Instant;
import java.util.List;

/**
 * Monitor health at {@code evaluatedAt}: the worst severity of its reasons (OK when there are none).
 *
 * @param cephAccess the last attempt of at least one primary collection succeeded
 */
public record Health(HealthStatus status, List<HealthReason> reasons, boolean cephAccess, long snapshot,
                     Instant evaluatedAt) {
}
