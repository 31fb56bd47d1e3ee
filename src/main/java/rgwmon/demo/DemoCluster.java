package rgwmon.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The simulated multisite: realm "demo", zonegroup "us", master zone us-east and secondary zone
 * us-west (as the lab the real fixtures come from), and a dozen buckets, one of them tenanted and
 * one whose sync was disabled on purpose. Ids are stable from run to run.
 */
public final class DemoCluster {

    /** Index shards per bucket and datalog shards per zone, the 16.2.15 defaults of the lab. */
    public static final int BUCKET_SHARDS = 11;
    public static final int DATALOG_SHARDS = 128;
    public static final int METADATA_SHARDS = 64;
    public static final int ERROR_LOG_SHARDS = 32;

    public static final String MASTER = "us-east";
    public static final String SECONDARY = "us-west";

    /** What a bucket does in the story. */
    public enum Role {
        /** stays in sync */
        STEADY,
        /** takes a burst of writes that us-west falls behind on */
        LAGGING,
        /** gets objects us-west cannot store (EFBIG): sync errors, recovering shards */
        FAILING,
        /** `bucket sync disable` was run on it: every shard looks behind, flags say 8 */
        SYNC_DISABLED
    }

    public record Zone(String name, String id, String endpoint) {
    }

    public record Bucket(String tenant, String name, int serial, long baseObjects, long objectBytes, Role role,
                         boolean multipart) {

        public String qualifiedName() {
            return tenant.isEmpty() ? name : tenant + "/" + name;
        }
    }

    private final List<Zone> zones = List.of(
            new Zone(MASTER, id("zone:" + MASTER), "http://us-east.demo.invalid:8000"),
            new Zone(SECONDARY, id("zone:" + SECONDARY), "http://us-west.demo.invalid:8001"));

    private final List<Bucket> buckets = List.of(
            new Bucket("", "media-uploads", 1, 1_200, 180 * 1024L, Role.LAGGING, false),
            new Bucket("", "video-archive", 2, 40, 60L * 1024 * 1024, Role.FAILING, false),
            new Bucket("", "web-assets", 3, 850, 24 * 1024L, Role.STEADY, false),
            new Bucket("", "app-logs", 4, 5_400, 6 * 1024L, Role.STEADY, false),
            new Bucket("", "db-backups", 5, 96, 512L * 1024 * 1024, Role.STEADY, false),
            new Bucket("", "analytics-raw", 6, 3_100, 2L * 1024 * 1024, Role.STEADY, false),
            new Bucket("", "thumbnails", 7, 2_200, 16 * 1024L, Role.STEADY, false),
            new Bucket("", "user-avatars", 8, 640, 48 * 1024L, Role.STEADY, false),
            new Bucket("", "empty-staging", 9, 0, 0, Role.STEADY, false),
            new Bucket("", "multipart-uploads", 10, 12, 64L * 1024 * 1024, Role.STEADY, true),
            new Bucket("acme", "reports", 11, 310, 256 * 1024L, Role.STEADY, false),
            new Bucket("", "legacy-exports", 12, 35, 1024 * 1024L, Role.SYNC_DISABLED, false));

    public String realmName() {
        return "demo";
    }

    public String realmId() {
        return id("realm:demo");
    }

    public String zonegroupName() {
        return "us";
    }

    public String zonegroupId() {
        return id("zonegroup:us");
    }

    public String periodId() {
        return id("period:demo:2");
    }

    public String predecessorPeriodId() {
        return id("period:demo:1");
    }

    public List<Zone> zones() {
        return zones;
    }

    public Zone zone(String name) {
        return zones.stream().filter(z -> z.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo zone " + name));
    }

    /** The other zone of the pair: the one {@code zone} pulls data from. */
    public Zone source(String zone) {
        return zone(MASTER.equals(zone) ? SECONDARY : MASTER);
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    public Bucket bucket(Role role) {
        return buckets.stream().filter(b -> b.role() == role).findFirst().orElseThrow();
    }

    /** Bucket instance ids are made on the master, like the lab's {@code <zone id>.4152.<n>}. */
    public String instanceId(Bucket bucket) {
        return zone(MASTER).id() + ".4152." + bucket.serial();
    }

    /** The datalog shard a bucket index shard logs its changes to (a stable hash, as RGW's). */
    public int datalogShard(Bucket bucket, int bucketShard) {
        int h = ("rgwmon-demo:" + bucket.qualifiedName() + ":" + bucketShard).hashCode();
        // spread neighbouring names over the shards (murmur3's finalizer)
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, DATALOG_SHARDS);
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("rgwmon-demo " + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
