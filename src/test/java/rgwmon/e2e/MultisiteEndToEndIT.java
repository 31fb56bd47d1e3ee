package rgwmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * End to end on a real Ceph 16.2.15 multisite (src/test/ceph-lab/, single topology: us-east master,
 * us-west secondary): the packaged jar runs as the primary on us-east and as the agent on us-west,
 * two OS processes configured only through their documented options, and the suite checks through
 * the HTTP API and /metrics that they see real lag, real errors, real recovery and a monitor
 * outage. The steps share the lab's state, so they run in order and a failed step skips the rest.
 * See README.md, "Integration tests on a real Ceph multisite".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultisiteEndToEndIT {

    static final Path WORK = Path.of(System.getProperty("rgwmon.e2e.work-dir", "target")).toAbsolutePath();
    static final Path LOGS = WORK.resolve("e2e-logs");
    static final Path CAPTURES = WORK.resolve("e2e-captures");
    /** The primary's history database and the agent's spool. */
    static final Path DATA = WORK.resolve("e2e-data");
    static final Path JAR = Path.of(System.getProperty("rgwmon.e2e.jar", "target/rgw-multisite-monitor.jar")).toAbsolutePath();
    static final Path SCRIPTS = Path.of(System.getProperty("rgwmon.e2e.lab-scripts", "src/test/ceph-lab")).toAbsolutePath();

    static final String EAST = CephLab.MASTER_ZONE;
    static final String WEST = CephLab.SECONDARY_ZONE;

    /** The primary's collection interval and the agent's push interval, shortened by configuration. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Awaitility's poll of the API: a few per collection interval. */
    static final Duration POLL = Duration.ofSeconds(2);
    /**
     * Two collection intervals, plus the radosgw-admin calls of a cycle, the push and a few API polls
     * (seen on CI: 14-21 s of it used; the rest is slack against a slower Ceph, not a looser rule).
     */
    static final Duration WITHIN_TWO_INTERVALS = INTERVAL.multipliedBy(2).plusSeconds(20);
    /**
     * First collections after start, and the master re-logging the written buckets ~30 s after
     * the writes (rgw_data_log_window): a short "behind" the monitor must wait out.
     */
    static final Duration CATCH_UP_DEADLINE = Duration.ofMinutes(3);
    /** A restarted radosgw waits 70-115 s for its old sync leases before it syncs (and fails) anything. */
    static final Duration ERRORS_DEADLINE = Duration.ofMinutes(5);
    /** Failed entries are retried from the error repo ~2 min after the cause is gone, then one re-log window. */
    static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(8);
    /** radosgw-admin gives up after --client_mount_timeout=10 (the default extra-args) per call. */
    static final Duration MON_DOWN_DEADLINE = Duration.ofMinutes(3);
    /** What radosgw-admin 16.2.15 prints on stderr when the monitor does not answer within client_mount_timeout. */
    static final String MON_DOWN_MESSAGE = "failed to fetch mon config";

    // the buckets the suite writes (all on us-east, the master; us-west pulls them)
    static final String STEADY = "e2e-steady";
    static final String EMPTY = "e2e-empty";
    static final String WRITTEN_WHILE_DOWN = "e2e-busy";
    static final String CREATED_WHILE_DOWN = "e2e-new";
    static final String FAILING = "e2e-large";
    static final List<String> BUCKETS_AT_START = List.of(STEADY, EMPTY, WRITTEN_WHILE_DOWN, FAILING);
    static final List<String> ALL_BUCKETS = List.of(STEADY, EMPTY, WRITTEN_WHILE_DOWN, CREATED_WHILE_DOWN, FAILING);
    static final int OBJECTS_WHILE_DOWN = 200;
    static final int OBJECTS_IN_NEW_BUCKET = 20;
    /** osd_max_object_size is lowered to 1 MiB: these cannot be stored on us-west (EFBIG, code 27). */
    static final int LARGE_OBJECT_BYTES = 2 * 1024 * 1024;
    static final int LARGE_OBJECTS = 3;

    private final PhaseClock clock = new PhaseClock();
    private final CephLab lab = new CephLab(SCRIPTS, LOGS.resolve("lab.log"));
    private final UnreadableOutputCapture captures = new UnreadableOutputCapture(lab, CAPTURES);
    private final UnreadableOutputWatch unreadable = new UnreadableOutputWatch(this::captureUnreadable, EAST);
    /** The phase running now, for naming captured fixtures. */
    private volatile String currentStep = "start";
    private final AtomicBoolean tornDown = new AtomicBoolean();
    private final String agentToken = "e2e-" + UUID.randomUUID();
    /** Why this machine cannot run the lab (every step is then skipped), or null. */
    private String skipReason;
    private boolean labStarted;
    private MonitorProcess primary;
    private MonitorProcess agent;
    private MonitorApi api;
    private MonitorReadings read;
    /** The first phase that failed: later steps depend on the state it should have left. */
    private String failedPhase;
    private Thread shutdownHook;

    @BeforeAll
    void lab_up_with_buckets_in_sync_and_the_monitor_running() throws Exception {
        cleanDirectory(LOGS);
        cleanDirectory(CAPTURES);
        cleanDirectory(DATA);
        System.out.println("[e2e] logs: " + LOGS + "   captures of unreadable output: " + CAPTURES);
        skipReason = LabAvailability.skipReason(lab);
        if (skipReason != null) {
            return;
        }
        // a killed Maven (Ctrl-C, the fork timeout) still stops the JVMs and the lab
        shutdownHook = new Thread(this::tearDown, "e2e-teardown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        phase("1. lab up: fresh Ceph 16.2.15 multisite (us-east master, us-west secondary)", () -> {
            labStarted = true;
            lab.upFromScratch();
        });
        phase("1. S3 writes on us-east (boto3), wait until us-west has them", () -> {
            lab.putObjects(STEADY, "steady", 40, null);
            lab.putObjects(EMPTY, "none", 0, null);
            lab.putObjects(WRITTEN_WHILE_DOWN, "before", 25, null);
            lab.putObjects(FAILING, "small", 4, null);
            await("us-west lists as many objects as us-east in every bucket (S3)").atMost(Duration.ofMinutes(5))
                    .pollInterval(POLL).untilAsserted(() -> {
                        for (String bucket : BUCKETS_AT_START) {
                            assertThat(lab.objectCount(WEST, bucket)).as("objects of %s on us-west", bucket)
                                    .isEqualTo(lab.objectCount(EAST, bucket));
                        }
                    });
            lab.waitSync(Duration.ofMinutes(5));
        });
        phase("2. start the packaged jar: primary on us-east, agent on us-west", this::startMonitor);
    }

    private void startMonitor() throws IOException {
        int port = MonitorProcess.freeLoopbackPort();
        api = new MonitorApi("http://127.0.0.1:" + port);
        read = new MonitorReadings(api, unreadable);
        Path primaryConfig = MonitorConfig.primary(LOGS, lab.conf(EAST), EAST, INTERVAL, WEST, agentToken, DATA);
        primary = MonitorProcess.start("primary", JAR, List.of(),
                List.of("primary", "--config", primaryConfig.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)),
                LOGS);
        awaitPhase("the primary answers on " + api.baseUrl(), Duration.ofSeconds(90), () ->
                assertThat(api.get("/api/health").status()).isEqualTo(200), primary);
        Path agentConfig = MonitorConfig.agent(LOGS, lab.conf(WEST), DATA);
        agent = MonitorProcess.start("agent", JAR, List.of(),
                List.of("agent", "--properties", agentConfig.toString(), "--primary-url", api.baseUrl(),
                        "--token-file", MonitorConfig.tokenFile(LOGS, agentToken).toString(), "--zone", WEST,
                        "--interval", String.valueOf(INTERVAL.toSeconds()), "--verbose"),
                LOGS);
        awaitPhase("the agent's first push", Duration.ofSeconds(90), () ->
                assertThat(read.agent(WEST).path("lastPush").isTextual()).isTrue(), primary, agent);
    }

    // ------------------------------------------------------------------ the steps of the issue

    @Test
    @Order(3)
    void caught_up_every_bucket_is_synced_on_both_zones_the_agent_is_fresh_and_the_lag_is_zero() throws Exception {
        step("3. caught up: every bucket SYNCED on both zones, agent fresh, no behind shards, lag 0", () ->
                awaitPhase("every bucket SYNCED on us-west, lag 0 both ways", CATCH_UP_DEADLINE, () -> {
                    read.dashboard();
                    for (String bucket : BUCKETS_AT_START) {
                        assertSyncedOnWest(bucket);
                    }
                    JsonNode agentView = read.agent(WEST);
                    assertThat(agentView.path("stale").asBoolean(true)).as("agent of us-west stale: %s", agentView).isFalse();
                    assertThat(agentView.path("failures")).as("agent failures").isEmpty();
                    assertCaughtUp(WEST, EAST);
                    assertCaughtUp(EAST, WEST);
                    assertThat(read.gauge("rgwmon_agent_stale", Map.of("zone", WEST))).isZero();
                    assertThat(read.health().path("status").asText()).as("health: %s", read.health()).isEqualTo("OK");
                }));
    }

    @Test
    @Order(4)
    void with_us_west_down_the_written_and_the_new_bucket_fall_behind_with_pending_objects_and_a_growing_lag()
            throws Exception {
        step("4. us-west radosgw stopped, writes on us-east: behind within two intervals, lag grows", () -> {
            lab.stopGateway("west");
            lab.putObjects(WRITTEN_WHILE_DOWN, "while-down", OBJECTS_WHILE_DOWN, null);
            lab.putObjects(CREATED_WHILE_DOWN, "new", OBJECTS_IN_NEW_BUCKET, null);
            awaitPhase("both buckets BEHIND on us-west with pending objects", WITHIN_TWO_INTERVALS, () -> {
                read.dashboard();
                assertBehindOnWest(WRITTEN_WHILE_DOWN, OBJECTS_WHILE_DOWN);
                assertBehindOnWest(CREATED_WHILE_DOWN, OBJECTS_IN_NEW_BUCKET);
                assertThat(read.bucketOn(WRITTEN_WHILE_DOWN, WEST).path("behindShards"))
                        .as("bucket index shards of %s behind on us-west (agent)", WRITTEN_WHILE_DOWN).isNotEmpty();
                JsonNode source = read.source(WEST, EAST);
                assertThat(source.path("behindShardCount").asInt()).as("data shards behind: %s", source).isPositive();
                assertThat(source.path("lagSeconds").asLong()).as("lag: %s", source).isPositive();
                assertThat(read.gauge("rgwmon_zone_behind_shards", westFromEast())).isPositive();
                assertThat(read.gauge("rgwmon_zone_lag_seconds", westFromEast())).isPositive();
                assertThat(read.gauge("rgwmon_zone_pending_objects", Map.of("zone", WEST)))
                        .isGreaterThanOrEqualTo(OBJECTS_WHILE_DOWN + OBJECTS_IN_NEW_BUCKET);
            });
            long apiLag = read.source(WEST, EAST).path("lagSeconds").asLong();
            double metricLag = read.gauge("rgwmon_zone_lag_seconds", westFromEast());
            awaitPhase("the lag of us-west grows while its gateway is down", INTERVAL.multipliedBy(3), () -> {
                assertThat(read.source(WEST, EAST).path("lagSeconds").asLong()).isGreaterThan(apiLag);
                assertThat(read.gauge("rgwmon_zone_lag_seconds", westFromEast())).isGreaterThan(metricLag);
            });
        });
    }

    @Test
    @Order(5)
    void objects_that_fail_to_sync_are_listed_with_their_real_code_and_message_by_zone_code_and_bucket()
            throws Exception {
        step("5. objects us-west cannot store (osd_max_object_size), us-west restarted: errors listed", () -> {
            // single topology: the OSD option is cluster-wide, so the large objects are written first
            lab.putObjects(FAILING, "large", LARGE_OBJECTS, LARGE_OBJECT_BYTES);
            lab.failLargeObjectWrites();
            lab.startGateway("west");
            awaitPhase("us-west's sync errors in the Errors API, grouped by code and bucket", ERRORS_DEADLINE, () -> {
                read.dashboard();
                JsonNode report = read.errors("zone=" + WEST);
                assertThat(report.path("total").asInt()).as("errors on us-west: %s", report).isPositive();
                assertThat(report.path("byZone").path(WEST).asInt()).isEqualTo(report.path("total").asInt());
                JsonNode efbig = group(report.path("byCode"), "code", "27");
                assertThat(efbig.path("latestMessage").asText()).contains("(27) File too large");
                assertThat(efbig.path("zones").path(WEST).asInt()).isPositive();
                JsonNode bucketGroup = group(report.path("byBucket"), "bucket", FAILING);
                assertThat(bucketGroup.path("zones").path(WEST).asInt()).isPositive();
                assertThat(report.path("items")).isNotEmpty().allSatisfy(error -> {
                    assertThat(error.path("zone").asText()).isEqualTo(WEST);
                    assertThat(error.path("sourceZone").asText()).isEqualTo(EAST);
                    assertThat(error.path("bucket").asText()).isEqualTo(FAILING);
                    assertThat(error.path("errorCode").asInt()).isEqualTo(27);
                    assertThat(error.path("message").asText()).isIn(
                            "failed to sync object(27) File too large", "failed to sync bucket instance: (27) File too large");
                });
                assertThat(report.path("items")).anySatisfy(error ->
                        assertThat(error.path("object").asText()).startsWith("large-"));
                assertThat(read.metrics().named("rgwmon_sync_errors").stream()
                        .filter(sample -> sample.has(Map.of("zone", WEST))).mapToDouble(PrometheusText.Sample::value).sum())
                        .isPositive();
                assertThat(read.bucketOn(FAILING, WEST).path("state").asText()).isIn("BEHIND", "RECOVERING");
            });
        });
    }

    @Test
    @Order(6)
    void restored_operation_brings_every_bucket_back_to_synced_and_the_lag_to_zero_without_a_monitor_restart()
            throws Exception {
        long primaryPid = primary.pid();
        long agentPid = agent.pid();
        step("6. osd_max_object_size restored: every bucket SYNCED, lag 0, same monitor processes", () -> {
            lab.allowLargeObjectWrites();
            awaitPhase("every bucket SYNCED on us-west again, lag 0", RECOVERY_DEADLINE, () -> {
                read.dashboard();
                for (String bucket : ALL_BUCKETS) {
                    assertSyncedOnWest(bucket);
                }
                assertCaughtUp(WEST, EAST);
                assertCaughtUp(EAST, WEST);
            });
            assertThat(primary.pid()).isEqualTo(primaryPid);
            assertThat(agent.pid()).isEqualTo(agentPid);
            // the failed entries stay in the sync error log until an operator trims it
            lab.trimSyncErrors();
            awaitPhase("trimmed sync error log: the Errors API empties, health OK", WITHIN_TWO_INTERVALS, () -> {
                read.dashboard();
                assertThat(read.errors("zone=" + WEST).path("total").asInt()).isZero();
                assertThat(read.health().path("status").asText()).as("health: %s", read.health()).isEqualTo("OK");
            });
        });
    }

    @Test
    @Order(7)
    void with_the_ceph_monitor_down_collection_failures_are_reported_nothing_crashes_and_everything_recovers()
            throws Exception {
        step("7. ceph monitor stopped: failures reported as such, stale data marked, health not OK", () -> {
            lab.stopMonitor();
            awaitPhase("collection failures on both zones reported", MON_DOWN_DEADLINE, () -> {
                JsonNode dashboard = read.dashboard();
                JsonNode health = dashboard.path("health");
                assertThat(health.path("status").asText()).as("health: %s", health).isIn("DEGRADED", "DOWN");
                for (String zone : List.of(EAST, WEST)) {
                    assertThat(health.path("reasons")).as("health reasons for %s", zone).anySatisfy(reason -> {
                        assertThat(reason.path("code").asText()).isEqualTo("part-stale");
                        assertThat(reason.path("zone").asText()).isEqualTo(zone);
                    });
                }
                // the primary's own parts (us-east) and the parts the agent reports (us-west): failing, stale,
                // and the real cause shown, not a guess
                for (String origin : List.of("primary", "agent")) {
                    assertThat(dashboard.path("parts")).as("%s parts failing and stale", origin).anySatisfy(part -> {
                        assertThat(part.path("origin").asText()).isEqualTo(origin);
                        assertThat(part.path("failing").asBoolean()).isTrue();
                        assertThat(part.path("stale").asBoolean()).isTrue();
                        assertThat(part.path("staleReason").asText()).contains(MON_DOWN_MESSAGE);
                    });
                }
                assertThat(read.agent(WEST).path("failures")).as("what the agent could not collect").isNotEmpty();
                // the last good data is kept (marked stale), not dropped
                assertThat(read.bucket(STEADY).path("master").isObject()).isTrue();
                assertThat(read.bucketOn(STEADY, WEST).path("counts").isObject()).isTrue();
                PrometheusText metrics = read.metrics();
                assertThat(metrics.value("rgwmon_health", Map.of())).hasValueSatisfying(h -> assertThat(h).isPositive());
                assertThat(metrics.named("rgwmon_collection_stale"))
                        .anySatisfy(sample -> assertThat(sample).matches(s -> s.has(Map.of("origin", "primary", "zone", EAST))
                                && s.value() == 1.0, "primary part of us-east stale"))
                        .anySatisfy(sample -> assertThat(sample).matches(s -> s.has(Map.of("origin", "agent", "zone", WEST))
                                && s.value() == 1.0, "agent part of us-west stale"));
            });
            System.out.println("[e2e] health with the ceph monitor down: " + read.health());
        });
        step("7. ceph monitor started again: everything recovers without a monitor restart", () -> {
            lab.startMonitor();
            awaitPhase("health OK, no failing part, agent fresh without failures", MON_DOWN_DEADLINE, () -> {
                JsonNode dashboard = read.dashboard();
                assertThat(dashboard.path("health").path("status").asText()).as("health: %s", dashboard.path("health"))
                        .isEqualTo("OK");
                assertThat(dashboard.path("parts")).allSatisfy(part ->
                        assertThat(part.path("stale").asBoolean()).as("part %s", part).isFalse());
                JsonNode agentView = read.agent(WEST);
                assertThat(agentView.path("stale").asBoolean(true)).isFalse();
                assertThat(agentView.path("failures")).isEmpty();
                assertThat(read.gauge("rgwmon_health", Map.of())).isZero();
            });
        });
    }

    // ------------------------------------------------------------------ what "synced", "behind", "caught up" mean

    private void assertSyncedOnWest(String bucket) {
        JsonNode view = read.bucket(bucket);
        assertThat(view.path("master").isObject()).as("%s counted on us-east: %s", bucket, view).isTrue();
        JsonNode west = read.bucketOn(bucket, WEST);
        assertThat(west.path("counts").isObject()).as("%s counted on us-west: %s", bucket, west).isTrue();
        assertThat(west.path("state").asText()).as("%s on us-west: %s", bucket, west).isEqualTo("SYNCED");
        assertThat(west.path("priority").asText()).isEqualTo("SYNCED");
        assertThat(west.path("objectDelta").asLong(-1)).isZero();
        assertThat(west.path("behindShards")).isEmpty();
        assertThat(west.path("recoveringShards")).isEmpty();
        assertThat(read.gauge("rgwmon_bucket_object_delta", Map.of("bucket", bucket, "zone", WEST))).isZero();
    }

    private void assertBehindOnWest(String bucket, int pendingObjects) {
        JsonNode west = read.bucketOn(bucket, WEST);
        assertThat(west.path("state").asText()).as("%s on us-west: %s", bucket, west).isEqualTo("BEHIND");
        assertThat(west.path("priority").asText()).isNotEqualTo("SYNCED");
        assertThat(west.path("objectDelta").asLong()).as("objects of %s pending on us-west", bucket).isEqualTo(pendingObjects);
        assertThat(read.gauge("rgwmon_bucket_object_delta", Map.of("bucket", bucket, "zone", WEST)))
                .isEqualTo(pendingObjects);
    }

    /** zone's data sync from source: nothing behind or recovering, lag 0 (API and /metrics). */
    private void assertCaughtUp(String zone, String sourceZone) {
        JsonNode source = read.source(zone, sourceZone);
        assertThat(source.path("behindShardCount").asInt(-1)).as("%s from %s: %s", zone, sourceZone, source).isZero();
        assertThat(source.path("recoveringShardCount").asInt(-1)).isZero();
        assertThat(source.path("behind").asBoolean(true)).isFalse();
        assertThat(source.path("lagSeconds").isNumber()).as("lag known: %s", source).isTrue();
        assertThat(source.path("lagSeconds").asLong()).isZero();
        Map<String, String> labels = Map.of("zone", zone, "source_zone", sourceZone);
        assertThat(read.gauge("rgwmon_zone_lag_seconds", labels)).isZero();
        assertThat(read.gauge("rgwmon_zone_behind_shards", labels)).isZero();
    }

    private static Map<String, String> westFromEast() {
        return Map.of("zone", WEST, "source_zone", EAST);
    }

    /** The group of an /api/errors grouping whose key field has this value. */
    private static JsonNode group(JsonNode groups, String key, String value) {
        for (JsonNode group : groups) {
            if (value.equals(group.path(key).asText())) {
                return group;
            }
        }
        throw new AssertionError("no group with " + key + " " + value + " in " + groups);
    }

    // ------------------------------------------------------------------ teardown

    @AfterAll
    void lab_down_and_nothing_left_running() {
        if (skipReason != null) {
            return;
        }
        tearDown();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: nothing to remove
            }
        }
        assertThat(LabProcesses.running(CephLab.LAB_DIR)).as("lab daemons still running after ceph-lab.sh down").isEmpty();
        for (MonitorProcess process : new MonitorProcess[] {primary, agent}) {
            if (process != null) {
                assertThat(process.isAlive()).as("%s still running", process.name()).isFalse();
            }
        }
        assertThat(captures.saved()).as("real radosgw-admin output the monitor could not read fully (saved as fixtures)")
                .isEmpty();
    }

    /** Idempotent (the @AfterAll and the shutdown hook); every action is tried even when one before it failed. */
    private void tearDown() {
        if (!tornDown.compareAndSet(false, true)) {
            return;
        }
        attempt("8. stop the agent and the primary", () -> {
            if (agent != null) {
                agent.close();
            }
            if (primary != null) {
                primary.close();
            }
        });
        if (failedPhase != null) {
            System.err.println("[e2e] FAILED in phase \"" + failedPhase + "\": tails of the logs in " + LOGS);
            for (MonitorProcess process : new MonitorProcess[] {primary, agent}) {
                if (process != null) {
                    LogFiles.printTail(process.log(), 80);
                }
            }
            LogFiles.printTail(lab.log(), 60);
        }
        if (labStarted) {
            attempt("8. copy the daemons' logs", () -> lab.copyDaemonLogs(LOGS.resolve("ceph")));
            attempt("8. lab down (ceph-lab.sh down --purge)", lab::down);
        }
        clock.report(LOGS.resolve("phase-timings.txt"));
    }

    private void attempt(String name, PhaseClock.Phase action) {
        try {
            clock.time(name, action);
        } catch (Exception | AssertionError e) {
            System.err.println("[e2e] teardown step \"" + name + "\" failed: " + e);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A timed phase; its failure marks the suite broken. */
    private void phase(String name, PhaseClock.Phase body) throws Exception {
        try {
            clock.time(name, body);
        } catch (Exception | AssertionError e) {
            if (failedPhase == null) {
                failedPhase = name;
            }
            throw e;
        }
    }

    /** A step of the issue: skipped when an earlier phase failed, and the monitor must still be running after it. */
    private void step(String name, PhaseClock.Phase body) throws Exception {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        Assumptions.assumeTrue(failedPhase == null,
                () -> "not run: it builds on the state that the failed phase \"" + failedPhase + "\" should have left");
        currentStep = name;
        phase(name, () -> {
            body.run();
            assertMonitorRunning();
            assertThat(unreadable.findings())
                    .as("real radosgw-admin output the monitor could not read fully (fixtures saved under %s)", CAPTURES)
                    .isEmpty();
        });
    }

    /** Saves the zone's output of the command the monitor could not read (a PARSE failure names its command). */
    private void captureUnreadable(UnreadableOutputWatch.Finding finding) {
        System.err.println("[e2e] UNREADABLE OUTPUT (" + currentStep + "): " + finding);
        if (!finding.command().isEmpty()) {
            captures.capture(currentStep.replaceAll("[^0-9A-Za-z]+", "-"), finding.zone(), finding.command(), finding.what());
        }
    }

    /** Polls the API until the assertions hold, within the deadline; prints how long it took. */
    private void awaitPhase(String what, Duration deadline, ThrowingRunnable assertions) {
        awaitPhase(what, deadline, assertions, primary, agent);
    }

    /** Same, failing at once (not at the deadline) when one of the processes has exited. */
    private void awaitPhase(String what, Duration deadline, ThrowingRunnable assertions, MonitorProcess... running) {
        long start = System.nanoTime();
        await(what).atMost(deadline).pollInterval(POLL).pollDelay(Duration.ZERO)
                .failFast("a monitor process exited", () -> {
                    for (MonitorProcess process : running) {
                        assertThat(process.isAlive()).as("%s %s (log: %s)", process.name(), process.state(), process.log())
                                .isTrue();
                    }
                })
                .ignoreExceptionsMatching(e -> e instanceof java.io.UncheckedIOException)
                .untilAsserted(assertions);
        System.out.printf("[e2e]     %s: after %.1f s (deadline %d s)%n", what, (System.nanoTime() - start) / 1e9,
                deadline.toSeconds());
    }

    private void assertMonitorRunning() {
        assertThat(primary.isAlive()).as("primary " + primary.state()).isTrue();
        assertThat(agent.isAlive()).as("agent " + agent.state()).isTrue();
    }

    private static void cleanDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
