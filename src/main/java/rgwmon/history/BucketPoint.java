package rgwmon.history;

import java.time.Instant;

/**
 * One bucket on one zone at one time. Points are written when a value changes (and at least every
 * refresh interval), so a value holds until the next point of the same zone.
 */
public record BucketPoint(Instant at, String zone, Long masterObjects, Long masterBytes, Long objects, Long bytes,
                          Long objectDelta, Double syncPercent, String state, String priority, int behindShards,
                          int recoveringShards) {
}
