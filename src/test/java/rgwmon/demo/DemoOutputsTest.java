package rgwmon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import rgwmon.demo.DemoTimeline.Phase;
import rgwmon.model.BucketInstanceMetadata;
import rgwmon.model.BucketStats;
import rgwmon.model.BucketStatsList;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.DataSyncShardStatus;
import rgwmon.model.DataSyncStatus;
import rgwmon.model.DatalogStatus;
import rgwmon.model.SyncError;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncStatus;
import rgwmon.processors.BucketInstanceMetadataParser;
import rgwmon.processors.BucketStatsParser;
import rgwmon.processors.BucketSyncStatusParser;
import rgwmon.processors.DataSyncShardStatusParser;
import rgwmon.processors.DataSyncStatusParser;
import rgwmon.processors.DatalogStatusParser;
import rgwmon.processors.PeriodParser;
import rgwmon.processors.RadosgwParser;
import rgwmon.processors.SyncErrorListParser;
import rgwmon.processors.SyncStatusParser;

/**
 * Every file the demo engine renders, in every phase of two cycles, parses with the real parser
 * of its command to the same shape as the real 16.2.15 capture of that situation, and the health
 * each parser derives is the one the phase tells.
 */
class DemoOutputsTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ceph-16.2.15");
    static final Path LAB = Path.of("src/test/resources/fixtures/ceph-16.2.15-lab/sync-disabled-metadata");
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final DemoTimeline TIMELINE = new DemoTimeline(Duration.ofSeconds(240));
    static final DemoScenario SCENARIO = new DemoScenario(new DemoCluster(), TIMELINE, START);
    static final DemoRenderer RENDERER = new DemoRenderer(SCENARIO);
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Arguments> phases() {
        return List.of(Phase.values()).stream()
                .flatMap(p -> java.util.stream.Stream.of(Arguments.of(p, 0), Arguments.of(p, 1)))
                .toList();
    }

    static Map<String, String> render(Phase phase, int cycle, double share) {
        return RENDERER.render(TIMELINE.timeIn(START, cycle, phase, share));
    }

    static <T> T parse(RadosgwParser<T> parser, String text) throws Exception {
        return parser.parse(text);
    }

    static String fixture(String path) throws Exception {
        return Files.readString(FIXTURES.resolve(path));
    }

    /** The real capture that shows the same situation as a rendered file. */
    static String counterpart(String file, Phase phase) throws Exception {
        String zone = file.substring(0, file.indexOf('/'));
        String name = file.substring(file.indexOf('/') + 1);
        boolean west = zone.equals("us-west");
        if (name.equals("sync-status.txt")) {
            if (!west) {
                return fixture("caught-up/us-east/sync-status.txt");
            }
            return fixture(switch (phase) {
                case CAUGHT_UP -> "caught-up/us-west/sync-status.txt";
                case BUCKET_BEHIND -> "catching-up-active/us-west/sync-status.txt";
                case SYNC_ERRORS -> "errors/us-west/sync-status.txt";
                case RECOVERED -> "recovered/us-west/sync-status.txt";
            });
        }
        if (name.equals("sync-error-list.txt")) {
            return fixture(west && phase.compareTo(Phase.SYNC_ERRORS) >= 0
                    ? "errors/us-west/sync-error-list.txt" : "caught-up/" + zone + "/sync-error-list.txt");
        }
        if (name.equals("bucket-stats.txt")) {
            return fixture("caught-up/us-east/bucket-stats.txt");
        }
        if (name.startsWith("bucket-stats__bucket-")) {
            return fixture("caught-up/us-east/bucket-stats__bucket-multipart.txt");
        }
        if (name.startsWith("bucket-sync-status__bucket-")) {
            if (name.contains("legacy-exports")) {
                return fixture("sync-disabled-bucket/" + zone + "/bucket-sync-status__bucket-sync-disabled.txt");
            }
            if (west && name.contains("media-uploads") && phase == Phase.BUCKET_BEHIND) {
                return fixture("catching-up-active/us-west/bucket-sync-status__bucket-many-objects.txt");
            }
            if (west && name.contains("video-archive") && phase == Phase.SYNC_ERRORS) {
                return fixture("errors/us-west/bucket-sync-status__bucket-sync-errors.txt");
            }
            return fixture("caught-up/" + zone + "/bucket-sync-status__bucket-small-05.txt");
        }
        if (name.startsWith("data-sync-status__") && !name.contains("__shard-id-")) {
            return fixture("errors/us-west/data-sync-status__source-zone-us-east.txt");
        }
        if (name.equals("datalog-status.txt")) {
            return fixture("errors/us-east/datalog-status.txt");
        }
        if (name.equals("period-get.txt") || name.equals("realm-get.txt") || name.equals("zonegroup-get.txt")
                || name.equals("bucket-list.txt")) {
            return fixture("caught-up/us-east/" + name);
        }
        if (name.startsWith("metadata-get-bucket.instance:")) {
            return Files.readString(LAB.resolve("us-east/metadata-get__bucket.instance-sync-disabled__disabled.txt"));
        }
        return null; // data sync status --shard-id: its answers vary per shard (applied or not); checked on its own below
    }

    /** The parser of a rendered file's command; null for the JSON commands the monitor does not parse. */
    static RadosgwParser<?> parserOf(String file) {
        String name = file.substring(file.indexOf('/') + 1);
        if (name.equals("sync-status.txt")) {
            return new SyncStatusParser();
        }
        if (name.startsWith("bucket-sync-status__")) {
            return new BucketSyncStatusParser();
        }
        if (name.equals("sync-error-list.txt")) {
            return new SyncErrorListParser();
        }
        if (name.startsWith("bucket-stats")) {
            return new BucketStatsParser();
        }
        if (name.equals("period-get.txt")) {
            return new PeriodParser();
        }
        if (name.contains("__shard-id-")) {
            return new DataSyncShardStatusParser();
        }
        if (name.startsWith("data-sync-status__")) {
            return new DataSyncStatusParser();
        }
        if (name.equals("datalog-status.txt")) {
            return new DatalogStatusParser();
        }
        if (name.startsWith("metadata-get-")) {
            return new BucketInstanceMetadataParser();
        }
        return null;
    }

    @ParameterizedTest(name = "{0}, cycle {1}")
    @MethodSource("phases")
    void every_rendered_file_parses_to_the_shape_of_the_real_capture(Phase phase, int cycle) throws Exception {
        Map<String, String> files = render(phase, cycle, 0.5);
        assertThat(files).hasSizeGreaterThan(2 * 128);
        for (Map.Entry<String, String> file : files.entrySet()) {
            RadosgwParser<?> parser = parserOf(file.getKey());
            String real = counterpart(file.getKey(), phase);
            if (parser == null) {
                // valid JSON with the real output's fields
                assertThat(Shape.differences(Shape.of(JSON.readTree(file.getValue())), Shape.of(JSON.readTree(real))))
                        .as(file.getKey()).isEmpty();
                continue;
            }
            Object parsed = parse(parser, file.getValue());
            if (real != null) {
                assertThat(Shape.differences(Shape.of(parsed), Shape.of(parse(parser, real))))
                        .as("%s in %s", file.getKey(), phase).isEmpty();
            } else {
                assertThat(parsed).isInstanceOf(DataSyncShardStatus.class);
            }
            if (parsed instanceof SyncStatus status) {
                assertThat(status.warnings()).as(file.getKey()).isEmpty();
            }
            if (parsed instanceof BucketSyncStatus status) {
                assertThat(status.warnings()).as(file.getKey()).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}, cycle {1}")
    @MethodSource("phases")
    void sync_status_health_follows_the_story(Phase phase, int cycle) throws Exception {
        Map<String, String> files = render(phase, cycle, 0.5);
        SyncStatus east = parse(new SyncStatusParser(), files.get("us-east/sync-status.txt"));
        SyncStatus west = parse(new SyncStatusParser(), files.get("us-west/sync-status.txt"));

        assertThat(east.metadataSync().health()).isEqualTo(SyncHealth.MASTER);
        assertThat(east.dataSources()).singleElement().extracting(s -> s.health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(west.metadataSync().health()).isEqualTo(SyncHealth.CAUGHT_UP);
        assertThat(west.dataSources()).singleElement().satisfies(source -> {
            assertThat(source.zoneName()).isEqualTo("us-east");
            assertThat(source.health()).isEqualTo(switch (phase) {
                case CAUGHT_UP, RECOVERED -> SyncHealth.CAUGHT_UP;
                case BUCKET_BEHIND -> SyncHealth.BEHIND;
                case SYNC_ERRORS -> SyncHealth.RECOVERING;
            });
            assertThat(source.behindShards()).isEqualTo(phase == Phase.BUCKET_BEHIND
                    ? List.copyOf(SCENARIO.datalogShards(SCENARIO.cluster().bucket(DemoCluster.Role.LAGGING), allShards()))
                    : List.of());
            assertThat(source.recoveringShardCount()).isEqualTo(phase == Phase.SYNC_ERRORS ? source.recoveringShards().size() : 0);
        });
    }

    @ParameterizedTest(name = "{0}, cycle {1}")
    @MethodSource("phases")
    void buckets_fall_behind_and_recover_as_the_story_tells(Phase phase, int cycle) throws Exception {
        Map<String, String> files = render(phase, cycle, 0.5);
        Map<String, BucketStats> east = byName(parse(new BucketStatsParser(), files.get("us-east/bucket-stats.txt")));
        Map<String, BucketStats> west = byName(parse(new BucketStatsParser(), files.get("us-west/bucket-stats.txt")));
        assertThat(east).hasSize(12).containsKey("acme/reports");

        for (String bucket : east.keySet()) {
            long missing = east.get(bucket).numObjects() - west.get(bucket).numObjects();
            BucketSyncStatus status = parse(new BucketSyncStatusParser(),
                    files.get("us-west/bucket-sync-status__bucket-" + bucket + ".txt"));
            SyncHealth health = status.sources().get(0).health();
            switch (bucket) {
                case "media-uploads" -> {
                    assertThat(missing > 0).as("media-uploads missing on us-west").isEqualTo(phase == Phase.BUCKET_BEHIND);
                    assertThat(health).isEqualTo(phase == Phase.BUCKET_BEHIND ? SyncHealth.BEHIND : SyncHealth.CAUGHT_UP);
                }
                case "video-archive" -> {
                    assertThat(missing).isEqualTo(phase == Phase.SYNC_ERRORS ? 5 : 0);
                    assertThat(health).isEqualTo(phase == Phase.SYNC_ERRORS ? SyncHealth.BEHIND : SyncHealth.CAUGHT_UP);
                }
                case "legacy-exports" -> {
                    assertThat(missing).isPositive();
                    assertThat(status.sources().get(0).behindShardCount()).isEqualTo(11);
                    assertThat(health).isEqualTo(SyncHealth.BEHIND);
                }
                default -> {
                    assertThat(missing).as(bucket).isZero();
                    assertThat(health).as(bucket).isEqualTo(SyncHealth.CAUGHT_UP);
                }
            }
            assertThat(status.bucket().qualifiedName()).isEqualTo(bucket);
        }
    }

    @ParameterizedTest(name = "{0}, cycle {1}")
    @MethodSource("phases")
    void efbig_errors_are_listed_from_the_errors_phase_on(Phase phase, int cycle) throws Exception {
        Map<String, String> files = render(phase, cycle, 0.5);
        SyncErrorList west = parse(new SyncErrorListParser(), files.get("us-west/sync-error-list.txt"));
        SyncErrorList east = parse(new SyncErrorListParser(), files.get("us-east/sync-error-list.txt"));

        assertThat(west.shardCount()).isEqualTo(32);
        assertThat(east.entries()).isEmpty();
        if (phase.compareTo(Phase.SYNC_ERRORS) >= 0) {
            assertThat(west.entries()).hasSize(10).allSatisfy(e -> {
                assertThat(e.errorCode()).isEqualTo(27);
                assertThat(e.bucket()).isEqualTo("video-archive");
            });
            assertThat(west.entries()).extracting(SyncError::message).containsOnly(
                    "failed to sync object(27) File too large", "failed to sync bucket instance: (27) File too large");
        } else {
            assertThat(west.entries()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}, cycle {1}")
    @MethodSource("phases")
    void the_shard_drill_down_names_the_pending_and_recovering_buckets(Phase phase, int cycle) throws Exception {
        Map<String, String> files = render(phase, cycle, 0.5);
        SyncStatus west = parse(new SyncStatusParser(), files.get("us-west/sync-status.txt"));
        List<Integer> flagged = new java.util.ArrayList<>(west.dataSources().get(0).behindShards());
        flagged.addAll(west.dataSources().get(0).recoveringShards());
        for (int shard = 0; shard < 128; shard++) {
            DataSyncShardStatus detail = parse(new DataSyncShardStatusParser(),
                    files.get("us-west/data-sync-status__source-zone-us-east__shard-id-" + shard + ".txt"));
            assertThat(detail.shardId()).isEqualTo(shard);
            boolean named = !detail.pendingBuckets().isEmpty() || !detail.recoveringBuckets().isEmpty();
            assertThat(named).as("shard %d", shard).isEqualTo(flagged.contains(shard));
            detail.pendingBuckets().forEach(key -> assertThat(key.bucket()).isEqualTo("media-uploads"));
            detail.recoveringBuckets().forEach(key -> assertThat(key.bucket()).isEqualTo("video-archive"));
        }
    }

    @Test
    void the_lag_grows_while_us_west_is_behind() throws Exception {
        SyncStatus early = parse(new SyncStatusParser(), render(Phase.BUCKET_BEHIND, 0, 0.1).get("us-west/sync-status.txt"));
        SyncStatus late = parse(new SyncStatusParser(), render(Phase.BUCKET_BEHIND, 0, 0.9).get("us-west/sync-status.txt"));
        Instant earlyTime = TIMELINE.timeIn(START, 0, Phase.BUCKET_BEHIND, 0.1);
        Instant lateTime = TIMELINE.timeIn(START, 0, Phase.BUCKET_BEHIND, 0.9);

        assertThat(late.dataSources().get(0).oldestChange()).isEqualTo(early.dataSources().get(0).oldestChange());
        Duration earlyLag = Duration.between(early.dataSources().get(0).oldestChange().toInstant(), earlyTime);
        Duration lateLag = Duration.between(late.dataSources().get(0).oldestChange().toInstant(), lateTime);
        assertThat(lateLag).isGreaterThan(earlyLag.plusSeconds(30));

        // the agent's per-shard lag: the source's datalog head against us-west's applied marker
        int shard = late.dataSources().get(0).behindShards().get(0);
        Map<String, String> files = render(Phase.BUCKET_BEHIND, 0, 0.9);
        DatalogStatus source = parse(new DatalogStatusParser(), files.get("us-east/datalog-status.txt"));
        DataSyncStatus applied = parse(new DataSyncStatusParser(), files.get("us-west/data-sync-status__source-zone-us-east.txt"));
        assertThat(Duration.between(applied.markers().get(shard).timestamp(), source.shards().get(shard).lastUpdate()))
                .isGreaterThan(Duration.ofSeconds(40));
    }

    @Test
    void only_the_bucket_whose_sync_was_disabled_has_flag_8() throws Exception {
        Map<String, String> files = render(Phase.CAUGHT_UP, 0, 0.5);
        for (DemoCluster.Bucket bucket : SCENARIO.cluster().buckets()) {
            BucketInstanceMetadata metadata = parse(new BucketInstanceMetadataParser(),
                    files.get("us-east/metadata-get-" + RENDERER.metadataKey(bucket) + ".txt"));
            assertThat(metadata.syncDisabled()).as(bucket.qualifiedName()).isEqualTo(bucket.name().equals("legacy-exports"));
            assertThat(metadata.tenant()).isEqualTo(bucket.tenant());
            assertThat(metadata.instanceId()).isEqualTo(SCENARIO.cluster().instanceId(bucket));
        }
    }

    static Map<String, BucketStats> byName(BucketStatsList stats) {
        Map<String, BucketStats> map = new java.util.LinkedHashMap<>();
        stats.buckets().forEach(b -> map.put(b.qualifiedName(), b));
        return map;
    }

    static List<Integer> allShards() {
        return java.util.stream.IntStream.range(0, 11).boxed().toList();
    }
}
