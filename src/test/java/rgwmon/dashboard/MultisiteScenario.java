package rgwmon.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketRef;
import rgwmon.model.BucketShardKey;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncState;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.Coverage;
import rgwmon.model.DataShardDetail;
import rgwmon.model.DataSyncSource;
import rgwmon.model.MetadataSync;
import rgwmon.model.Period;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncError;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncState;
import rgwmon.model.SyncStatus;
import rgwmon.model.UsageCategory;
import rgwmon.model.Zone;
import rgwmon.model.Zonegroup;
import rgwmon.model.ZoneReport;
import rgwmon.store.StoreIngest;

/**
 * A three-zone multisite fed into the primary's store the way collectors and agents do (through
 * {@link StoreIngest}): master us-east, us-west with a zone agent, eu-central without one.
 * Bucket i has {@code 1000 + 37 i} objects on the master; us-west lags on every 7th bucket
 * (HIGH, MEDIUM and LOW in turn) and reports behind shards for them; bucket "acme/invoices" is
 * tenanted and "archive-frozen" has sync disabled. Text from Ceph that is markup, to be shown as
 * text everywhere: an error message and object name on us-west, a bucket named like an HTML tag
 * (lagging on us-west, with an error on eu-central), and eu-central's name itself.
 */
final class MultisiteScenario {

    static final String REALM = "gold";
    static final String MASTER = "us-east";
    static final String WEST = "us-west";
    /** A zone name that is markup: shown as text in cards, columns, the comparison and the error counts. */
    static final String CENTRAL = "eu-central<img src=x onerror=alert(3)>";
    static final String MASTER_ID = "a1b2c3d4-0000-4000-8000-00000000e001";
    static final String WEST_ID = "a1b2c3d4-0000-4000-8000-00000000e002";
    static final String CENTRAL_ID = "a1b2c3d4-0000-4000-8000-00000000e003";
    static final String ZONEGROUP_ID = "a1b2c3d4-0000-4000-8000-0000000000a1";
    static final String TENANTED = "acme/invoices";
    static final String DISABLED = "archive-frozen";
    /** Shown as text everywhere: never parsed as markup. */
    static final String XSS_PROBE = "<img src=x onerror=alert(1)>";
    /** A bucket name that is markup. */
    static final String BUCKET_PROBE = "<img src=x onerror=alert(2)>";
    /** Buckets besides the numbered ones: the tenanted, the disabled and the markup-named one. */
    static final int EXTRA_BUCKETS = 3;
    static final long BYTES_PER_OBJECT = 4096;

    private final int bucketCount;
    private final Instant start;

    MultisiteScenario(int bucketCount, Instant start) {
        this.bucketCount = bucketCount;
        this.start = start;
    }

    static String bucketName(int i) {
        return "bucket-%05d".formatted(i);
    }

    static long masterObjects(int i) {
        return 1000 + 37L * i;
    }

    /** us-west's objects of bucket i: every 7th bucket lags (HIGH, MEDIUM, LOW in turn). */
    static long westObjects(int i) {
        long master = masterObjects(i);
        if (i % 7 != 3) {
            return master;
        }
        return switch ((i / 7) % 3) {
            case 0 -> master * 70 / 100;
            case 1 -> master * 90 / 100;
            default -> master * 97 / 100;
        };
    }

    static boolean westBehind(int i) {
        return westObjects(i) != masterObjects(i);
    }

    /**
     * Two collection cycles of everything the primary collects plus two agent pushes: a bucket is
     * flagged behind only after it stayed behind across consecutive observations.
     */
    void feed(StoreIngest store) {
        store.acceptPeriod(period());
        store.acceptBucketInstance(MASTER, new BucketInstanceMetadata("", DISABLED, "inst-" + DISABLED, 8));
        store.acceptSyncStatus(MASTER, masterSyncStatus());
        for (int cycle = 0; cycle < 2; cycle++) {
            store.acceptBucketStats(MASTER, stats(MASTER));
            store.acceptBucketStats(WEST, stats(WEST));
            store.acceptBucketStats(CENTRAL, stats(CENTRAL));
            store.acceptZoneReport(westReport(start.plusSeconds(cycle), initialErrors()));
        }
        store.acceptSyncErrors(CENTRAL, new SyncErrorList(32, List.of(
                syncError(start.minusSeconds(90), BUCKET_PROBE, "photo.jpg", 125, "failed to sync object(125) Operation canceled"))));
    }

    List<SyncError> initialErrors() {
        return List.of(
                syncError(start.minusSeconds(120), "bucket-00003", "obj-1", 5, "failed to sync object(5) Input/output error"),
                syncError(start.minusSeconds(60), TENANTED, XSS_PROBE, 27, XSS_PROBE),
                syncError(start.minusSeconds(30), "bucket-00010", "big.iso", 27, "failed to sync object(27) File too large"));
    }

    Period period() {
        Zone east = new Zone(MASTER_ID, MASTER, List.of("http://rgw-east:8080"), true, true, false, "rgw", true, List.of());
        Zone west = new Zone(WEST_ID, WEST, List.of("http://rgw-west:8080"), true, true, false, "rgw", true, List.of());
        Zone central = new Zone(CENTRAL_ID, CENTRAL, List.of("http://rgw-central:8080"), true, true, false, "rgw", true, List.of());
        Zonegroup us = new Zonegroup(ZONEGROUP_ID, "us", true, List.of("http://rgw-east:8080"), MASTER_ID,
                List.of(east, west, central));
        return new Period("period-5e1f", 7, "realm-9c1f", REALM, 2, ZONEGROUP_ID, MASTER_ID, List.of(us));
    }

    BucketStatsList stats(String zone) {
        List<BucketStats> buckets = new ArrayList<>(bucketCount + EXTRA_BUCKETS);
        for (int i = 0; i < bucketCount; i++) {
            long objects = switch (zone) {
                case WEST -> westObjects(i);
                default -> masterObjects(i);
            };
            buckets.add(bucket("", bucketName(i), objects));
        }
        buckets.add(bucket("acme", "invoices", zone.equals(WEST) ? 400 : 500));
        buckets.add(bucket("", DISABLED, zone.equals(MASTER) ? 900 : 100));
        buckets.add(bucket("", BUCKET_PROBE, zone.equals(WEST) ? 250 : 300));
        return new BucketStatsList(buckets);
    }

    private BucketStats bucket(String tenant, String name, long objects) {
        long bytes = objects * BYTES_PER_OBJECT;
        return new BucketStats(name, tenant, "inst-" + name, "inst-" + name, ZONEGROUP_ID, 11, "owner-" + name,
                start, start, objects, bytes, bytes, Map.of("rgw.main", new UsageCategory(objects, bytes, bytes, bytes)));
    }

    SyncStatus masterSyncStatus() {
        MetadataSync metadata = new MetadataSync(SyncState.MASTER, null, null, null, SyncHealth.MASTER, 0, List.of(),
                null, null, List.of());
        return new SyncStatus("realm-9c1f", REALM, ZONEGROUP_ID, "us", MASTER_ID, MASTER, null, List.of(), metadata,
                List.of(), List.of());
    }

    /** us-west's agent push: data sync behind on shards 3 and 17, shard 5 recovering. */
    ZoneReport westReport(Instant collectedAt, List<SyncError> errors) {
        MetadataSync metadata = new MetadataSync(SyncState.SYNCING, new ShardProgress(0, 64), null,
                new ShardProgress(64, 64), SyncHealth.CAUGHT_UP, 0, List.of(), null, null, List.of());
        DataSyncSource fromEast = new DataSyncSource(MASTER_ID, MASTER, SyncState.SYNCING, new ShardProgress(0, 128), null,
                new ShardProgress(128, 128), SyncHealth.BEHIND, 2, List.of(3, 17),
                OffsetDateTime.ofInstant(collectedAt.minusSeconds(95), ZoneOffset.UTC), 17, 1, List.of(5), List.of());
        SyncStatus status = new SyncStatus("realm-9c1f", REALM, ZONEGROUP_ID, "us", WEST_ID, WEST, null, List.of(),
                metadata, List.of(fromEast), List.of());
        List<BucketSyncStatus> buckets = new ArrayList<>();
        List<BucketShardKey> pending = new ArrayList<>();
        for (int i = 0; i < bucketCount; i++) {
            boolean behind = westBehind(i);
            buckets.add(bucketSync("", bucketName(i), behind ? List.of(2, 7) : List.of()));
            if (behind) {
                pending.add(new BucketShardKey(bucketName(i) + ":inst-" + bucketName(i) + ":2", "", bucketName(i),
                        "inst-" + bucketName(i), 2));
            }
        }
        buckets.add(bucketSync("acme", "invoices", List.of(4)));
        buckets.add(bucketSync("", BUCKET_PROBE, List.of(1)));
        List<BucketShardKey> recovering = List.of(new BucketShardKey("acme/invoices:inst-invoices:4", "acme", "invoices",
                "inst-invoices", 4));
        List<DataShardDetail> shards = List.of(
                new DataShardDetail(MASTER, 17, collectedAt.minusSeconds(95), collectedAt, 95L, pending, List.of()),
                new DataShardDetail(MASTER, 5, collectedAt.minusSeconds(40), collectedAt, 40L, List.of(), recovering));
        return new ZoneReport(ZoneReport.SCHEMA_VERSION, WEST, WEST_ID, collectedAt, "test-agent", status,
                new SyncErrorList(32, errors), buckets, shards, new Coverage(buckets.size(), buckets.size(), 0L), 0,
                List.of());
    }

    private BucketSyncStatus bucketSync(String tenant, String name, List<Integer> behindShards) {
        boolean behind = !behindShards.isEmpty();
        BucketSyncSource source = new BucketSyncSource(MASTER_ID, MASTER, new BucketRef(tenant, name, "inst-" + name),
                BucketSyncState.SYNCING, new ShardProgress(0, 11), null, new ShardProgress(11, 11), null,
                behind ? SyncHealth.BEHIND : SyncHealth.CAUGHT_UP, behindShards.size(), behindShards, List.of());
        return new BucketSyncStatus("realm-9c1f", REALM, ZONEGROUP_ID, "us", WEST_ID, WEST,
                new BucketRef(tenant, name, "inst-" + name), null, false, List.of(source), List.of());
    }

    /** A sync error entry (the zone is the one whose list it goes into), from us-east. */
    static SyncError syncError(Instant at, String bucketKey, String object, int code, String message) {
        String[] tenantAndName = bucketKey.contains("/") ? bucketKey.split("/", 2) : new String[] {"", bucketKey};
        String name = bucketKey + ":inst-" + tenantAndName[1] + ":3/" + object;
        return new SyncError(3, "1_" + at.getEpochSecond() + ".000001.1", "data", name, tenantAndName[0],
                tenantAndName[1], "inst-" + tenantAndName[1], 3, object, at, MASTER_ID, code, message);
    }
}
