package rgwmon.collect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStatsList;
import rgwmon.model.CollectionFailure;
import rgwmon.model.Period;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncStatus;
import rgwmon.model.ZoneReport;
import rgwmon.store.StoreIngest;

/**
 * Test-only {@link StoreIngest} that records every call in order, so a test can see exactly what
 * the collectors handed to the store (the real store is tested on its own branch).
 */
public class RecordingStore implements StoreIngest {

    /** One call: the method, the zone (null for cluster-wide parts) and the argument. */
    public record Call(String method, String zone, Object value) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void acceptPeriod(Period period) {
        calls.add(new Call("acceptPeriod", null, period));
    }

    @Override
    public void acceptBucketStats(String zone, BucketStatsList stats) {
        calls.add(new Call("acceptBucketStats", zone, stats));
    }

    @Override
    public void acceptSyncStatus(String zone, SyncStatus status) {
        calls.add(new Call("acceptSyncStatus", zone, status));
    }

    @Override
    public void acceptSyncErrors(String zone, SyncErrorList errors) {
        calls.add(new Call("acceptSyncErrors", zone, errors));
    }

    @Override
    public void acceptBucketInstance(String zone, BucketInstanceMetadata metadata) {
        calls.add(new Call("acceptBucketInstance", zone, metadata));
    }

    @Override
    public PushOutcome acceptZoneReport(ZoneReport report) {
        calls.add(new Call("acceptZoneReport", report.zone(), report));
        return PushOutcome.APPLIED;
    }

    @Override
    public void recordFailure(String part, String zone, CollectionFailure failure) {
        calls.add(new Call("recordFailure:" + part, zone, failure));
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls(String method, String zone) {
        return calls.stream().filter(c -> c.method().equals(method) && java.util.Objects.equals(c.zone(), zone)).toList();
    }

    public void clear() {
        calls.clear();
    }
}
