package rgwmon.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Consecutive "behind" observations per subject. An observation that is not behind ends the run;
 * only runs of at least N observations are flagged (see {@link MonitorSettings#behindAfterObservations()}).
 * Not thread-safe: used under the store's write lock.
 */
final class Streaks {

    enum Kind { DATA_SOURCE, METADATA, BUCKET_COUNTS, BUCKET_SHARDS }

    record Key(Kind kind, String zone, String subject) {
    }

    private final Map<Key, Integer> runs = new HashMap<>();

    /** Records one observation and returns the length of the current run (0 when not behind). */
    int observe(Kind kind, String zone, String subject, boolean behind) {
        Key key = new Key(kind, zone, subject);
        if (!behind) {
            runs.remove(key);
            return 0;
        }
        return runs.merge(key, 1, Integer::sum);
    }

    int run(Kind kind, String zone, String subject) {
        return runs.getOrDefault(new Key(kind, zone, subject), 0);
    }

    /** Forgets the subjects of one kind and zone that are no longer observed. */
    void retain(Kind kind, String zone, Set<String> subjects) {
        runs.keySet().removeIf(key -> key.kind() == kind && key.zone().equals(zone) && !subjects.contains(key.subject()));
    }

    int size() {
        return runs.size();
    }
}
