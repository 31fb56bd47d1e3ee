package rgwmon.processors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rgwmon.model.BucketRef;
import rgwmon.model.BucketSyncSource;
import rgwmon.model.BucketSyncState;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;

/**
 * Parses {@code radosgw-admin bucket sync status --bucket B} (text up to Squid; Tentacle prints the same
 * text unless --format=json is given explicitly).
 *
 * <p>Header: realm / zonegroup / zone / bucket (+ Reef "current time"), then either "Sync is disabled for
 * bucket …" or one block per source: "    source zone id (name)", "  source bucket key" (Octopus+) and
 * 16-space status lines matched by content, in both eras: Nautilus–Pacific "full sync: n/m shards",
 * "full sync: N objects completed", "incremental sync: n/m shards"; Quincy+ "incremental sync on N shards"
 * or one terminal line ("init: …", "stopped: …", "full sync: N objects completed"). A block without
 * "behind"/"caught up" is UNKNOWN: ≤Pacific suppresses "caught up" during full sync, and errors end the
 * block silently (or, Tentacle+, as a line of the block, kept in its messages).
 */
public class BucketSyncStatusParser extends RadosgwParser<BucketSyncStatus> {

    private static final Pattern BUCKET_HEADER = Pattern.compile(" *bucket (.*)");
    private static final Pattern CURRENT_TIME = Pattern.compile(" *current time (.*)");
    private static final Pattern SYNC_DISABLED =
            Pattern.compile("Sync is disabled for bucket (.*?)(?: or bucket has no sync sources)?");
    private static final Pattern SOURCE_ZONE = Pattern.compile(" *source zone (.*)");
    private static final Pattern SOURCE_BUCKET = Pattern.compile(" *source bucket (.*)");
    private static final Pattern STATUS_LINE = Pattern.compile(" {16}(\\S.*)");

    @Override
    public String command() {
        return "bucket sync status";
    }

    @Override
    public BucketSyncStatus parse(String stdout) throws RadosgwParseException {
        LineCursor cursor = new LineCursor(RadosgwText.lines(requireText(stdout)));
        ParseWarnings warnings = new ParseWarnings();
        TextHeader header = TextHeader.read(command(), cursor, warnings);
        Matcher bucketLine = cursor.expect(BUCKET_HEADER, "bucket header", false, command(), warnings);
        BucketRef bucket = RadosgwText.bucketFromPrinter(bucketLine.group(1));
        if (bucket == null) {
            // an unknown printer form: keep the text as the name rather than lose the bucket
            bucket = new BucketRef("", bucketLine.group(1).strip(), null);
        }

        Instant currentTime = null;
        boolean syncDisabled = false;
        List<SourceBlock> sources = new ArrayList<>();
        Matcher matcher;
        for (TextLine line = cursor.next(); line != null; line = cursor.next()) {
            String text = line.text();
            SourceBlock source = sources.isEmpty() ? null : sources.get(sources.size() - 1);
            if (text.isBlank()) {
                continue;
            }
            if (RadosgwText.isStderrNoise(text)) {
                warnings.unrecognised(line);
            } else if (source == null && currentTime == null && (matcher = CURRENT_TIME.matcher(text)).matches()) {
                currentTime = RadosgwText.currentTime(matcher.group(1));
                if (currentTime == null) {
                    warnings.doubtful(line, "unreadable current time");
                }
            } else if (SYNC_DISABLED.matcher(text).matches()) {
                syncDisabled = true;
            } else if ((matcher = SOURCE_ZONE.matcher(text)).matches()) {
                RadosgwText.IdAndName zone = RadosgwText.idAndName(matcher.group(1));
                if (zone == null || zone.id().isEmpty()) {
                    warnings.doubtful(line, "source zone without a readable zone id");
                    zone = new RadosgwText.IdAndName(matcher.group(1), null);
                }
                sources.add(new SourceBlock(zone));
            } else if (source != null && source.sourceBucket == null
                    && (matcher = SOURCE_BUCKET.matcher(text)).matches()) {
                source.sourceBucket = RadosgwText.bucketFromKeyOrPrinter(matcher.group(1));
                if (source.sourceBucket == null) {
                    warnings.doubtful(line, "unreadable source bucket");
                    source.sourceBucket = new BucketRef("", matcher.group(1).strip(), null);
                }
            } else if (source != null && (matcher = STATUS_LINE.matcher(text)).matches()) {
                source.read(matcher.group(1).strip());
            } else {
                warnings.unrecognised(line);
            }
        }
        return new BucketSyncStatus(header.realmId(), header.realmName(), header.zonegroupId(), header.zonegroupName(),
                header.zoneId(), header.zoneName(), bucket, currentTime, syncDisabled,
                sources.stream().map(SourceBlock::toBucketSyncSource).toList(), warnings.toList());
    }

    /** One "source zone" block; status lines it does not know are the block's messages (Tentacle+ errors). */
    private static final class SourceBlock {

        private static final Pattern NOT_A_SOURCE = Pattern.compile("does not sync from zone|not in sync_from");
        private static final Pattern FULL_SYNC_SHARDS = Pattern.compile("full sync: (" + RadosgwText.SHARD_PROGRESS + ")");
        private static final Pattern OBJECTS_COMPLETED = Pattern.compile("full sync: (\\d{1,18}) objects completed");
        private static final Pattern INCREMENTAL_SHARDS = Pattern.compile("incremental sync: (" + RadosgwText.SHARD_PROGRESS + ")");
        private static final Pattern INCREMENTAL_ON = Pattern.compile("incremental sync on (\\d{1,9}) shards?");
        private static final String INIT = "init: bucket sync has not started";
        private static final String STOPPED = "stopped: bucket sync is disabled";
        private static final Pattern BEHIND_ON = Pattern.compile("bucket is behind on (\\d{1,9}) shards?");
        private static final Pattern BEHIND_SHARDS = Pattern.compile("behind shards: (" + RadosgwText.SHARD_LIST + ")");
        private static final String CAUGHT_UP = "bucket is caught up with source";

        private final RadosgwText.IdAndName zone;
        private BucketRef sourceBucket;
        private boolean notASource;
        private boolean init;
        private boolean stopped;
        private ShardProgress fullSync;
        private Long objectsCompleted;
        private ShardProgress incrementalSync;
        private Integer incrementalShardCount;
        private int behindShardCount;
        private List<Integer> behindShards = List.of();
        private boolean caughtUp;
        private final List<String> messages = new ArrayList<>();

        SourceBlock(RadosgwText.IdAndName zone) {
            this.zone = zone;
        }

        void read(String text) {
            Matcher matcher;
            if (NOT_A_SOURCE.matcher(text).matches()) {
                notASource = true;
            } else if ((matcher = FULL_SYNC_SHARDS.matcher(text)).matches()) {
                fullSync = RadosgwText.shardProgress(matcher.group(1));
            } else if ((matcher = OBJECTS_COMPLETED.matcher(text)).matches()) {
                objectsCompleted = Long.parseLong(matcher.group(1));
            } else if ((matcher = INCREMENTAL_SHARDS.matcher(text)).matches()) {
                incrementalSync = RadosgwText.shardProgress(matcher.group(1));
            } else if ((matcher = INCREMENTAL_ON.matcher(text)).matches()) {
                incrementalShardCount = Integer.valueOf(matcher.group(1));
            } else if (text.equals(INIT)) {
                init = true;
            } else if (text.equals(STOPPED)) {
                stopped = true;
            } else if ((matcher = BEHIND_ON.matcher(text)).matches()) {
                behindShardCount = Integer.parseInt(matcher.group(1));
            } else if ((matcher = BEHIND_SHARDS.matcher(text)).matches()) {
                behindShards = RadosgwText.shardList(matcher.group(1));
            } else if (text.equals(CAUGHT_UP)) {
                caughtUp = true;
            } else {
                messages.add(text);
            }
        }

        private BucketSyncState state() {
            if (notASource) {
                return BucketSyncState.NOT_A_SOURCE;
            }
            if (init) {
                return BucketSyncState.INIT;
            }
            if (stopped) {
                return BucketSyncState.STOPPED;
            }
            if (fullSync != null || incrementalSync != null || incrementalShardCount != null) {
                return BucketSyncState.SYNCING;
            }
            // Quincy+: "full sync: N objects completed" alone means the bucket is still in full sync
            return objectsCompleted != null ? BucketSyncState.FULL_SYNC : BucketSyncState.UNKNOWN;
        }

        /** "behind" wins; not pulled by configuration (not a source, sync disabled) → NOT_SYNCING; no verdict → UNKNOWN. */
        private SyncHealth health() {
            if (behindShardCount > 0) {
                return SyncHealth.BEHIND;
            }
            if (notASource || stopped) {
                return SyncHealth.NOT_SYNCING;
            }
            return caughtUp ? SyncHealth.CAUGHT_UP : SyncHealth.UNKNOWN;
        }

        BucketSyncSource toBucketSyncSource() {
            return new BucketSyncSource(zone.id(), zone.name(), sourceBucket, state(), fullSync, objectsCompleted,
                    incrementalSync, incrementalShardCount, health(), behindShardCount, behindShards,
                    List.copyOf(messages));
        }
    }
}
