package rgwmon.store;

/** Overall verdict: OK, DEGRADED (stale parts, stale agents, replication behind) or DOWN (no usable data). */
public enum HealthStatus {
    OK, DEGRADED, DOWN
}
