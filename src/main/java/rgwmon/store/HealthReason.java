package rgwmon.store;

/**
 * One reason the health is not OK.
 *
 * @param code    stable machine-readable kind, e.g. "part-stale", "agent-stale", "data-behind"
 * @param zone    the zone concerned, null for cluster-wide reasons
 * @param message a sentence for operators
 */
public record HealthReason(HealthStatus severity, String code, String zone, String message) {
}
