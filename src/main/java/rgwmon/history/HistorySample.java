package rgwmon.history;

import java.time.Instant;
import java.util.List;

/** One history sample: when, which snapshot, the health then, and every zone's numbers. */
public record HistorySample(Instant at, long snapshot, String health, List<ZoneSample> zones) {
}
