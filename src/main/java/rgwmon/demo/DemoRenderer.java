package rgwmon.demo;

import static rgwmon.demo.PrettyJson.obj;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

import rgwmon.demo.DemoCluster.Bucket;
import rgwmon.demo.DemoCluster.Role;
import rgwmon.demo.DemoCluster.Zone;
import rgwmon.demo.DemoTimeline.Moment;
import rgwmon.demo.DemoTimeline.Phase;

/**
 * Renders what radosgw-admin 16.2.15 would print for the simulated multisite at one moment, for
 * each zone, under the stand-in's file names ({@code <zone>/<command words>__<option>-<value>.txt}).
 * Layouts are copied from the real captures in src/test/resources/fixtures/ceph-16.2.15 (text
 * column widths, JSON key order and pretty-printing, timestamp forms); only the values are made up.
 */
public final class DemoRenderer {

    private static final DateTimeFormatter UTIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** `oldest incremental change not applied` prints local time with a numeric offset; the demo runs in UTC */
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);

    private final DemoScenario scenario;
    private final DemoCluster cluster;

    public DemoRenderer(DemoScenario scenario) {
        this.scenario = scenario;
        this.cluster = scenario.cluster();
    }

    /** Every output file at {@code now}: relative path → content. */
    public Map<String, String> render(Instant now) {
        Moment m = scenario.moment(now);
        Map<String, String> files = new LinkedHashMap<>();
        for (Zone zone : cluster.zones()) {
            String dir = zone.name() + "/";
            String source = cluster.source(zone.name()).name();
            files.put(dir + "period-get.txt", periodGet());
            files.put(dir + "realm-get.txt", realmGet());
            files.put(dir + "zonegroup-get.txt", PrettyJson.render(zonegroup()));
            files.put(dir + "sync-status.txt", syncStatus(zone, m));
            files.put(dir + "sync-error-list.txt", syncErrorList(zone, m));
            files.put(dir + "bucket-list.txt", PrettyJson.render(cluster.buckets().stream().map(Bucket::qualifiedName).toList()));
            files.put(dir + "bucket-stats.txt", PrettyJson.render(cluster.buckets().stream().map(b -> bucketStats(b, zone, m)).toList()));
            files.put(dir + "datalog-status.txt", datalogStatus(zone, m));
            files.put(dir + "data-sync-status__source-zone-" + source + ".txt", dataSyncStatus(zone, m));
            for (int shard = 0; shard < DemoCluster.DATALOG_SHARDS; shard++) {
                files.put(dir + "data-sync-status__source-zone-" + source + "__shard-id-" + shard + ".txt",
                        dataSyncShardStatus(zone, shard, m));
            }
            for (Bucket bucket : cluster.buckets()) {
                files.put(dir + "bucket-stats__bucket-" + bucket.qualifiedName() + ".txt", PrettyJson.render(bucketStats(bucket, zone, m)));
                files.put(dir + "bucket-sync-status__bucket-" + bucket.qualifiedName() + ".txt", bucketSyncStatus(bucket, zone, m));
                files.put(dir + "metadata-get-" + metadataKey(bucket) + ".txt", bucketInstanceMetadata(bucket));
            }
        }
        return files;
    }

    public String metadataKey(Bucket bucket) {
        return "bucket.instance:" + bucket.qualifiedName() + ":" + cluster.instanceId(bucket);
    }

    // --- topology ---------------------------------------------------------------------------------

    private String realmGet() {
        return PrettyJson.render(obj("id", cluster.realmId(), "name", cluster.realmName(),
                "current_period", cluster.periodId(), "epoch", 2));
    }

    private String periodGet() {
        List<Object> shortIds = new ArrayList<>();
        for (Zone zone : cluster.zones()) {
            shortIds.add(obj("key", zone.id(), "val", Integer.toUnsignedLong(zone.id().hashCode())));
        }
        Map<String, Object> quota = quota();
        return PrettyJson.render(obj(
                "id", cluster.periodId(),
                "epoch", 2,
                "predecessor_uuid", cluster.predecessorPeriodId(),
                "sync_status", List.of(),
                "period_map", obj("id", cluster.periodId(), "zonegroups", List.of(zonegroup()), "short_zone_ids", shortIds),
                "master_zonegroup", cluster.zonegroupId(),
                "master_zone", cluster.zone(DemoCluster.MASTER).id(),
                "period_config", obj("bucket_quota", quota, "user_quota", quota()),
                "realm_id", cluster.realmId(),
                "realm_name", cluster.realmName(),
                "realm_epoch", 2));
    }

    private Map<String, Object> zonegroup() {
        List<Object> zones = new ArrayList<>();
        for (Zone zone : cluster.zones()) {
            zones.add(obj("id", zone.id(), "name", zone.name(), "endpoints", List.of(zone.endpoint()),
                    "log_meta", "false", "log_data", "true", "bucket_index_max_shards", DemoCluster.BUCKET_SHARDS,
                    "read_only", "false", "tier_type", "", "sync_from_all", "true", "sync_from", List.of(),
                    "redirect_zone", ""));
        }
        return obj("id", cluster.zonegroupId(), "name", cluster.zonegroupName(), "api_name", cluster.zonegroupName(),
                "is_master", "true", "endpoints", List.of(cluster.zone(DemoCluster.MASTER).endpoint()),
                "hostnames", List.of(), "hostnames_s3website", List.of(),
                "master_zone", cluster.zone(DemoCluster.MASTER).id(), "zones", zones,
                "placement_targets", List.of(obj("name", "default-placement", "tags", List.of(),
                        "storage_classes", List.of("STANDARD"))),
                "default_placement", "default-placement", "realm_id", cluster.realmId(),
                "sync_policy", obj("groups", List.of()));
    }

    private static Map<String, Object> quota() {
        return obj("enabled", false, "check_on_raw", false, "max_size", -1, "max_size_kb", 0, "max_objects", -1);
    }

    // --- sync status (text) ------------------------------------------------------------------------

    private String syncStatus(Zone zone, Moment m) {
        Zone source = cluster.source(zone.name());
        StringBuilder out = new StringBuilder();
        header(out, zone);
        if (DemoCluster.MASTER.equals(zone.name())) {
            out.append(label("metadata sync")).append("no sync (zone is master)\n");
        } else {
            out.append(label("metadata sync")).append("syncing\n");
            detail(out, 16, "full sync: 0/" + DemoCluster.METADATA_SHARDS + " shards");
            detail(out, 16, "incremental sync: " + DemoCluster.METADATA_SHARDS + "/" + DemoCluster.METADATA_SHARDS + " shards");
            detail(out, 16, "metadata is caught up with master");
        }
        out.append(label("data sync")).append("source: ").append(source.id()).append(" (").append(source.name()).append(")\n");
        detail(out, 24, "syncing");
        detail(out, 24, "full sync: 0/" + DemoCluster.DATALOG_SHARDS + " shards");
        detail(out, 24, "incremental sync: " + DemoCluster.DATALOG_SHARDS + "/" + DemoCluster.DATALOG_SHARDS + " shards");
        SortedSet<Integer> behind = scenario.behindDatalogShards(zone.name(), m);
        SortedSet<Integer> recovering = scenario.recoveringDatalogShards(zone.name(), m);
        if (!behind.isEmpty()) {
            detail(out, 24, "data is behind on " + behind.size() + " shards");
            detail(out, 24, "behind shards: " + ids(behind));
            detail(out, 24, "oldest incremental change not applied: "
                    + LOCAL_TIME.format(scenario.oldestChangeNotApplied(m)) + " [" + behind.first() + "]");
        }
        if (!recovering.isEmpty()) {
            // 16.2.15 prints neither "caught up" nor "behind" when only recovering shards remain
            detail(out, 24, recovering.size() + " shards are recovering");
            detail(out, 24, "recovering shards: " + ids(recovering));
        }
        if (behind.isEmpty() && recovering.isEmpty()) {
            detail(out, 24, "data is caught up with source");
        }
        return out.toString();
    }

    private void header(StringBuilder out, Zone zone) {
        out.append(label("realm")).append(cluster.realmId()).append(" (").append(cluster.realmName()).append(")\n");
        out.append(label("zonegroup")).append(cluster.zonegroupId()).append(" (").append(cluster.zonegroupName()).append(")\n");
        out.append(label("zone")).append(zone.id()).append(" (").append(zone.name()).append(")\n");
    }

    /** radosgw-admin's tab_dump: the label right-aligned in 15 columns, then a space. */
    private static String label(String text) {
        return String.format("%15s ", text);
    }

    private static void detail(StringBuilder out, int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
    }

    private static String ids(java.util.Collection<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    // --- bucket sync status (text) -----------------------------------------------------------------

    private String bucketSyncStatus(Bucket bucket, Zone zone, Moment m) {
        Zone source = cluster.source(zone.name());
        String instance = cluster.instanceId(bucket);
        StringBuilder out = new StringBuilder();
        header(out, zone);
        // rgw_bucket's printer: tenant:name[instance]) with its stray ')'; the source line is the bucket key
        out.append(label("bucket")).append(bucket.tenant()).append(':').append(bucket.name())
                .append('[').append(instance).append("])\n\n");
        out.append(label("source zone")).append(source.id()).append(" (").append(source.name()).append(")\n");
        out.append(label("source bucket")).append(bucket.qualifiedName()).append(':').append(instance).append('\n');
        List<Integer> behind = scenario.behindBucketShards(bucket, zone.name(), m);
        int shards = DemoCluster.BUCKET_SHARDS;
        if (bucket.role() == Role.SYNC_DISABLED) {
            detail(out, 16, "full sync: 0/" + shards + " shards");
            detail(out, 16, "incremental sync: 0/" + shards + " shards");
        } else if (bucket.role() == Role.FAILING && !behind.isEmpty()) {
            // as the lab's errors capture: shards holding the failing objects went back to full sync
            detail(out, 16, "full sync: 2/" + shards + " shards");
            detail(out, 16, "full sync: 0 objects completed");
            detail(out, 16, "incremental sync: " + behind.size() + "/" + shards + " shards");
        } else {
            detail(out, 16, "full sync: 0/" + shards + " shards");
            detail(out, 16, "incremental sync: " + (behind.isEmpty() ? shardsWithObjects(bucket, zone, m) : shards)
                    + "/" + shards + " shards");
        }
        if (behind.isEmpty()) {
            detail(out, 16, "bucket is caught up with source");
        } else {
            detail(out, 16, "bucket is behind on " + behind.size() + " shards");
            detail(out, 16, "behind shards: " + ids(behind));
        }
        return out.toString();
    }

    private int shardsWithObjects(Bucket bucket, Zone zone, Moment m) {
        int count = 0;
        for (int s = 0; s < DemoCluster.BUCKET_SHARDS; s++) {
            if (scenario.objectsOnShard(bucket, zone.name(), m, s) > 0) {
                count++;
            }
        }
        return count;
    }

    // --- sync error list ---------------------------------------------------------------------------

    private String syncErrorList(Zone zone, Moment m) {
        List<DemoScenario.SyncErrorEntry> entries = scenario.syncErrors(zone.name(), m);
        List<Object> shards = new ArrayList<>();
        for (int shard = 0; shard < DemoCluster.ERROR_LOG_SHARDS; shard++) {
            List<Object> inShard = new ArrayList<>();
            for (DemoScenario.SyncErrorEntry e : entries) {
                if (e.logShard() == shard) {
                    inShard.add(obj("id", e.id(), "section", "data", "name", e.name(), "timestamp", UTIME.format(e.timestamp()),
                            "info", obj("source_zone", e.sourceZoneId(), "error_code", e.errorCode(), "message", e.message())));
                }
            }
            shards.add(obj("shard_id", shard, "entries", inShard));
        }
        return PrettyJson.render(shards);
    }

    // --- bucket stats ------------------------------------------------------------------------------

    private Map<String, Object> bucketStats(Bucket bucket, Zone zone, Moment m) {
        long objects = scenario.objects(bucket, zone.name(), m);
        long bytes = scenario.bytes(bucket, zone.name(), m);
        // allocation rounds every object up to 4 KiB
        long actual = objects == 0 ? 0 : objects * ((bytes / objects + 4095) / 4096 * 4096);
        Map<String, Object> usage = new LinkedHashMap<>();
        if (objects > 0 || bucket.multipart()) {
            usage.put("rgw.main", usageCategory(bytes, actual, objects));
        }
        if (bucket.multipart()) {
            usage.put("rgw.multimeta", usageCategory(0, 0, 0));
        }
        List<String> ver = new ArrayList<>();
        List<String> masterVer = new ArrayList<>();
        List<String> maxMarker = new ArrayList<>();
        // bilog positions differ per zone, as in the real captures
        int logBase = DemoCluster.MASTER.equals(zone.name()) ? 11 : 1439;
        for (int s = 0; s < DemoCluster.BUCKET_SHARDS; s++) {
            long onShard = scenario.objectsOnShard(bucket, zone.name(), m, s);
            ver.add(s + "#" + (onShard + 1));
            masterVer.add(s + "#0");
            maxMarker.add(onShard == 0 ? s + "#" : String.format("%d#%011d.%d.6", s, onShard, logBase + 7 * s + bucket.serial()));
        }
        Instant created = scenario.historyStart().plusSeconds(20L * bucket.serial());
        return obj(
                "bucket", bucket.name(),
                "num_shards", DemoCluster.BUCKET_SHARDS,
                "tenant", bucket.tenant(),
                "zonegroup", cluster.zonegroupId(),
                "placement_rule", "default-placement",
                "explicit_placement", obj("data_pool", "", "data_extra_pool", "", "index_pool", ""),
                "id", cluster.instanceId(bucket),
                "marker", cluster.instanceId(bucket),
                "index_type", "Normal",
                "owner", owner(bucket),
                "ver", String.join(",", ver),
                "master_ver", String.join(",", masterVer),
                "mtime", UTIME.format(created.plusMillis(2)),
                "creation_time", UTIME.format(created),
                "max_marker", String.join(",", maxMarker),
                "usage", usage,
                "bucket_quota", quota());
    }

    private static Map<String, Object> usageCategory(long size, long actual, long objects) {
        return obj("size", size, "size_actual", actual, "size_utilized", size,
                "size_kb", kb(size), "size_kb_actual", kb(actual), "size_kb_utilized", kb(size), "num_objects", objects);
    }

    private static long kb(long bytes) {
        return (bytes + 1023) / 1024;
    }

    private static String owner(Bucket bucket) {
        return bucket.tenant().isEmpty() ? "demo-user" : bucket.tenant() + "$" + bucket.tenant() + "-user";
    }

    // --- bucket instance metadata ------------------------------------------------------------------

    private String bucketInstanceMetadata(Bucket bucket) {
        boolean disabled = bucket.role() == Role.SYNC_DISABLED;
        Instant created = scenario.historyStart().plusSeconds(20L * bucket.serial());
        String acl = Base64.getEncoder().encodeToString(("rgwmon demo acl of " + owner(bucket)).getBytes(StandardCharsets.UTF_8));
        return PrettyJson.render(obj(
                "key", metadataKey(bucket),
                "ver", obj("tag", "_" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(cluster.instanceId(bucket).getBytes(StandardCharsets.UTF_8)).substring(0, 23),
                        "ver", disabled ? 2 : 1),
                "mtime", UTIME.format(disabled ? created.plusSeconds(600) : created.plusMillis(2)),
                "data", obj(
                        "bucket_info", obj(
                                "bucket", obj("name", bucket.name(), "marker", cluster.instanceId(bucket),
                                        "bucket_id", cluster.instanceId(bucket), "tenant", bucket.tenant(),
                                        "explicit_placement", obj("data_pool", "", "data_extra_pool", "", "index_pool", "")),
                                "creation_time", UTIME.format(created),
                                "owner", owner(bucket),
                                // 0x8 = BUCKET_DATASYNC_DISABLED, set by `bucket sync disable`
                                "flags", disabled ? 8 : 0,
                                "zonegroup", cluster.zonegroupId(),
                                "placement_rule", "default-placement",
                                "has_instance_obj", "false",
                                "quota", quota(),
                                "num_shards", DemoCluster.BUCKET_SHARDS,
                                "bi_shard_hash_type", 0,
                                "requester_pays", "false",
                                "has_website", "false",
                                "swift_versioning", "false",
                                "swift_ver_location", "",
                                "index_type", 0,
                                "mdsearch_config", List.of(),
                                "reshard_status", 0,
                                "new_bucket_instance_id", ""),
                        "attrs", List.of(obj("key", "user.rgw.acl", "val", acl)))));
    }

    // --- datalog and data sync markers -------------------------------------------------------------

    private String datalogStatus(Zone zone, Moment m) {
        List<Object> shards = new ArrayList<>();
        for (int shard = 0; shard < DemoCluster.DATALOG_SHARDS; shard++) {
            Instant last = scenario.sourceLastUpdate(zone.name(), shard, m);
            shards.add(obj("marker", last == null ? "" : marker(last), "last_update", utimeOrZero(last)));
        }
        return PrettyJson.render(shards);
    }

    private String dataSyncStatus(Zone zone, Moment m) {
        List<Object> markers = new ArrayList<>();
        for (int shard = 0; shard < DemoCluster.DATALOG_SHARDS; shard++) {
            markers.add(obj("key", shard, "val", syncMarker(zone, shard, m)));
        }
        BigInteger instanceId = new BigInteger(1, zone.id().replace("-", "").substring(0, 16).getBytes(StandardCharsets.US_ASCII))
                .mod(BigInteger.TWO.pow(64));
        return PrettyJson.render(obj(
                "sync_status", obj("info", obj("status", "sync", "num_shards", DemoCluster.DATALOG_SHARDS, "instance_id", instanceId),
                        "markers", markers),
                "full_sync", obj("total", 0, "complete", 0)));
    }

    private String dataSyncShardStatus(Zone zone, int shard, Moment m) {
        return PrettyJson.render(obj(
                "shard_id", shard,
                "marker", syncMarker(zone, shard, m),
                "pending_buckets", scenario.pendingBuckets(zone.name(), shard, m),
                "recovering_buckets", scenario.recoveringBuckets(zone.name(), shard, m)));
    }

    private Map<String, Object> syncMarker(Zone zone, int shard, Moment m) {
        Instant applied = scenario.applied(zone.name(), shard, m);
        return obj("status", "incremental-sync", "marker", applied == null ? "" : marker(applied), "next_step_marker", "",
                "total_entries", 0, "pos", 0, "timestamp", utimeOrZero(applied));
    }

    private String marker(Instant time) {
        return String.format("%020d:%020d", 0, scenario.markerPosition(time));
    }

    private static String utimeOrZero(Instant time) {
        return time == null ? "0.000000" : UTIME.format(time);
    }

    /** Which phase the story is in at {@code now} (for log lines). */
    public Phase phase(Instant now) {
        return scenario.moment(now).phase();
    }
}
