package rgwmon.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.CollectionFailure;
import rgwmon.model.DataSyncShardStatus;
import rgwmon.model.DataSyncStatus;
import rgwmon.model.DatalogStatus;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncStatus;

/**
 * What one collection cycle has gathered so far; travels with the cycle's exchange as property
 * {@value #PROPERTY}. Written by parallel radosgw-admin calls, hence the concurrent collections.
 */
public final class AgentCycle {

    public static final String PROPERTY = "agentCycle";

    final Instant startedAt;
    volatile SyncStatus syncStatus;
    volatile SyncErrorList syncErrors;
    volatile BucketStatsList localBuckets;
    /** bucket stats of other zones, by zone name */
    final Map<String, BucketStatsList> sourceBuckets = new ConcurrentHashMap<>();
    /** this zone's data sync markers for each source, by source zone name */
    final Map<String, DataSyncStatus> dataSyncMarkers = new ConcurrentHashMap<>();
    /** each source zone's datalog heads, by zone name */
    final Map<String, DatalogStatus> sourceDatalogs = new ConcurrentHashMap<>();
    final Map<ShardDrillDown.Target, DataSyncShardStatus> drillDowns = new ConcurrentHashMap<>();
    volatile List<ShardDrillDown.Target> drillTargets = List.of();
    volatile List<BucketSelector.Pick> picks = List.of();
    final Map<String, BucketSyncStatus> bucketStatuses = new ConcurrentHashMap<>();
    final List<CollectionFailure> failures = Collections.synchronizedList(new ArrayList<>());

    AgentCycle(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public List<CollectionFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
