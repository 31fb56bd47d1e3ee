package rgwmon.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real two-zone multisite of src/test/ceph-lab/ (ceph-lab.sh, load.sh, s3put.py), driven the
 * way an operator would: daemons stopped and started, S3 traffic through boto3, an OSD option
 * lowered so that object syncs fail. Every call is logged to target/e2e-logs/lab.log.
 */
final class CephLab {

    static final String MASTER_ZONE = "us-east";
    static final String SECONDARY_ZONE = "us-west";
    /** Debian's python: python3-boto3 is installed for it (by ceph-lab.sh install). */
    static final String PYTHON = "/usr/bin/python3";
    /** ceph-lab.sh's default data dir; the lab's ports are fixed, so there is only ever one lab. */
    static final Path LAB_DIR = Path.of("/tmp/ceph-lab");

    private final Path scripts;
    private final Path log;
    private final Map<String, String> env;

    CephLab(Path scripts, Path log) {
        this.scripts = scripts;
        this.log = log;
        // single topology (ceph-lab.sh's default): one cluster, one monitor, both zones
        this.env = Map.of("CEPH_LAB_DIR", LAB_DIR.toString(), "CEPH_LAB_TOPOLOGY", "single");
    }

    Path log() {
        return log;
    }

    /** The user id the suite runs as (the lab needs root). */
    long userId() {
        return Long.parseLong(ExternalCommand.run(log, Map.of(), Duration.ofSeconds(10), List.of("id", "-u"))
                .orThrow().stdout().strip());
    }

    /** Installs the Debian packages when missing (apt-get, needs root); exits non-zero when they cannot be had. */
    ExternalCommand.Result install() {
        return lab(Duration.ofMinutes(10), "install");
    }

    /** A fresh lab: whatever ran before (ours or a leftover) is stopped and purged first. */
    void upFromScratch() {
        down();
        lab(Duration.ofMinutes(10), "up").orThrow();
    }

    void down() {
        lab(Duration.ofMinutes(3), "down", "--purge").orThrow();
    }

    void waitSync(Duration deadline) {
        lab(deadline.plusSeconds(30), "wait-sync", String.valueOf(deadline.toSeconds())).orThrow();
    }

    void stopGateway(String zone) {
        lab(Duration.ofMinutes(1), "stop-rgw", zone).orThrow();
    }

    void startGateway(String zone) {
        lab(Duration.ofMinutes(2), "start-rgw", zone).orThrow();
    }

    /** Stops the monitor of the cluster holding us-west (in the single topology: the only one). */
    void stopMonitor() {
        lab(Duration.ofMinutes(1), "stop-mon").orThrow();
    }

    void startMonitor() {
        lab(Duration.ofMinutes(2), "start-mon").orThrow();
    }

    /** The ceph.conf of the cluster holding the zone. */
    String conf(String zone) {
        return lab(Duration.ofSeconds(30), "conf", zone).orThrow().stdout().strip();
    }

    /** osd_max_object_size = 1 MiB on us-west's cluster: larger objects cannot be stored (EFBIG, 27). */
    void failLargeObjectWrites() {
        load(Duration.ofMinutes(1), "errors-on").orThrow();
    }

    void allowLargeObjectWrites() {
        load(Duration.ofMinutes(1), "errors-off").orThrow();
    }

    /** Empties both zones' sync error logs. */
    void trimSyncErrors() {
        load(Duration.ofMinutes(1), "trim-errors").orThrow();
    }

    /** Creates the bucket on us-east if needed and writes count objects named prefix-NNNNN. */
    void putObjects(String bucket, String prefix, int count, Integer sizeBytes) {
        List<String> argv = new ArrayList<>(List.of(PYTHON, scripts.resolve("s3put.py").toString(),
                "put", bucket, prefix, String.valueOf(count)));
        if (sizeBytes != null) {
            argv.add(String.valueOf(sizeBytes));
        }
        ExternalCommand.run(log, env, Duration.ofMinutes(5), argv).orThrow();
    }

    /** Object count of the bucket as listed through the zone's S3 endpoint ("east" or "west"). */
    int objectCount(String zone, String bucket) {
        String out = ExternalCommand.run(log, env, Duration.ofMinutes(2),
                List.of(PYTHON, scripts.resolve("s3put.py").toString(), "count", zone.replace("us-", ""), bucket))
                .orThrow().stdout().strip();
        return Integer.parseInt(out);
    }

    /** radosgw-admin as the monitor runs it, from the zone's point of view (for saving what it printed). */
    ExternalCommand.Result radosgwAdmin(String zone, List<String> words) {
        List<String> argv = new ArrayList<>(List.of("radosgw-admin", "-c", conf(zone), "--rgw-zone=" + zone,
                "--client_mount_timeout=10"));
        argv.addAll(words);
        return ExternalCommand.run(log, env, Duration.ofSeconds(60), argv);
    }

    /** The daemons' own logs, copied next to ours before the lab is purged. */
    void copyDaemonLogs(Path into) {
        Path logs = LAB_DIR.resolve("log");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (var files = Files.list(logs)) {
            Files.createDirectories(into);
            for (Path file : files.toList()) {
                Files.copy(file, into.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            ExternalCommand.appendToLog(log, "could not copy the daemon logs: " + e + "\n");
        }
    }

    private ExternalCommand.Result lab(Duration deadline, String... args) {
        return script("ceph-lab.sh", deadline, args);
    }

    private ExternalCommand.Result load(Duration deadline, String... args) {
        return script("load.sh", deadline, args);
    }

    private ExternalCommand.Result script(String name, Duration deadline, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(scripts.resolve(name).toString());
        argv.addAll(List.of(args));
        return ExternalCommand.run(log, env, deadline, argv);
    }
}
