package rgwmon.model;

/**
 * How much of the zone's bucket list the agent's {@code bucket sync status} calls cover.
 *
 * @param bucketsInspected            buckets inspected this cycle
 * @param bucketsKnown                buckets the zone has
 * @param oldestInspectionAgeSeconds  age of the least recently inspected bucket, null before every bucket was seen once
 */
public record Coverage(int bucketsInspected, int bucketsKnown, Long oldestInspectionAgeSeconds) {
}
