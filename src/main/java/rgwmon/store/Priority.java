package rgwmon.store;

/**
 * How urgently a bucket needs attention on a zone, as the seed classifies it by sync %:
 * HIGH &lt; 85, MEDIUM 85–94, LOW 95–98, SYNCED &ge; 99 — given only once "behind" is confirmed.
 * SETTLING: behind in the latest observation only (see {@link BucketZoneState#SETTLING}), not yet
 * judged; DISABLED: replication turned off on purpose ({@code bucket sync disable}); UNKNOWN: no
 * object counts from one side. Declared from most to least severe, so {@code compareTo} orders by
 * severity.
 */
public enum Priority {
    HIGH, MEDIUM, LOW, UNKNOWN, SETTLING, DISABLED, SYNCED;

    public static Priority ofSyncPercent(double syncPercent) {
        if (syncPercent < 85) {
            return HIGH;
        }
        if (syncPercent < 95) {
            return MEDIUM;
        }
        if (syncPercent < 99) {
            return LOW;
        }
        return SYNCED;
    }

    public boolean worseThan(Priority other) {
        return compareTo(other) < 0;
    }
}
