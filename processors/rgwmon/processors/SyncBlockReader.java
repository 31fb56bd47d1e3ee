package rgwmon.processors;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rgwmon.model.DataSyncSource;
import rgwmon.model.MetadataSync;
import rgwmon.model.ShardProgress;
import rgwmon.model.SyncHealth;
import rgwmon.model.SyncState;

/**
 * Reads the detail lines of one "sync status" block — the metadata section or one data sync source —
 * by content, in any order (radosgw-admin's push order varies and some lines get lost), then derives
 * the verdict only from what was printed: a block without a verdict line is UNKNOWN, never healthy.
 * Metadata and data blocks share every pattern except their subject words.
 */
final class SyncBlockReader {

    /** The two kinds of block: "metadata is caught up with master" vs "data is caught up with source". */
    enum Kind {
        METADATA("metadata", "master", "entries"),
        DATA("data", "source", "buckets");

        private final Pattern caughtUp;
        private final Pattern behindOn;
        private final Pattern fullSyncRemaining;

        Kind(String subject, String peer, String fullSyncUnit) {
            caughtUp = Pattern.compile(Pattern.quote(subject + " is caught up with " + peer));
            behindOn = Pattern.compile(Pattern.quote(subject + " is behind on ") + "(\\d{1,9}) shards?");
            fullSyncRemaining = Pattern.compile("full sync: (\\d{1,18}) " + fullSyncUnit + " to sync");
        }
    }

    private static final Pattern STATE_WORD = Pattern.compile("init|preparing for full sync|syncing|unknown");
    private static final Pattern FULL_SYNC_SHARDS = Pattern.compile("full sync: (" + RadosgwText.SHARD_PROGRESS + ")");
    private static final Pattern INCREMENTAL_SHARDS = Pattern.compile("incremental sync: (" + RadosgwText.SHARD_PROGRESS + ")");
    private static final Pattern BEHIND_SHARDS = Pattern.compile("behind shards: (" + RadosgwText.SHARD_LIST + ")");
    private static final Pattern OLDEST_CHANGE =
            Pattern.compile("oldest incremental change not applied: (.+?)(?: \\[(\\d{1,9})])?");
    /** "failed to retrieve sync info: …", "failed read sync status: …", "failed to fetch … sync status: …" */
    private static final Pattern FAILURE = Pattern.compile("failed .+");
    private static final String METADATA_MASTER = "no sync (zone is master)";
    private static final Pattern PERIOD_MISMATCH = Pattern.compile("master is on a different period: .*");
    private static final String ZONE_NOT_FOUND = "zone not found";
    private static final String NOT_SYNCING = "not syncing from zone";
    private static final Pattern RECOVERING_COUNT = Pattern.compile("(\\d{1,9}) shards? (?:are|is) recovering");
    private static final Pattern RECOVERING_SHARDS = Pattern.compile("recovering shards: (" + RadosgwText.SHARD_LIST + ")");

    private final Kind kind;
    private SyncState stateWord;
    private boolean master;
    private boolean zoneNotFound;
    private boolean notSyncing;
    private ShardProgress fullSync;
    private Long fullSyncRemaining;
    private ShardProgress incrementalSync;
    private boolean caughtUp;
    private int behindShardCount;
    private List<Integer> behindShards = List.of();
    private RadosgwText.LocalTimestamp oldestChange;
    private Integer oldestChangeShard;
    private int recoveringShardCount;
    private List<Integer> recoveringShards = List.of();
    private final List<String> failures = new ArrayList<>();

    SyncBlockReader(Kind kind) {
        this.kind = kind;
    }

    /**
     * One detail line, without its indentation. Returns false when the line is not a known detail,
     * so the caller keeps it as a warning; doubtful values are reported to {@code warnings} here.
     */
    boolean read(String detail, TextLine line, ParseWarnings warnings) {
        String text = detail.strip();
        Matcher matcher;
        if (STATE_WORD.matcher(text).matches()) {
            stateWord = stateOf(text);
        } else if (kind == Kind.METADATA && text.equals(METADATA_MASTER)) {
            master = true;
        } else if (kind == Kind.DATA && text.equals(ZONE_NOT_FOUND)) {
            zoneNotFound = true;
        } else if (kind == Kind.DATA && text.equals(NOT_SYNCING)) {
            notSyncing = true;
        } else if ((matcher = kind.fullSyncRemaining.matcher(text)).matches()) {
            fullSyncRemaining = Long.parseLong(matcher.group(1));
        } else if ((matcher = FULL_SYNC_SHARDS.matcher(text)).matches()) {
            fullSync = RadosgwText.shardProgress(matcher.group(1));
        } else if ((matcher = INCREMENTAL_SHARDS.matcher(text)).matches()) {
            incrementalSync = RadosgwText.shardProgress(matcher.group(1));
        } else if (kind.caughtUp.matcher(text).matches()) {
            caughtUp = true;
        } else if ((matcher = kind.behindOn.matcher(text)).matches()) {
            behindShardCount = Integer.parseInt(matcher.group(1));
        } else if ((matcher = BEHIND_SHARDS.matcher(text)).matches()) {
            behindShards = RadosgwText.shardList(matcher.group(1));
        } else if ((matcher = OLDEST_CHANGE.matcher(text)).matches()) {
            readOldestChange(matcher, line, warnings);
        } else if (kind == Kind.DATA && (matcher = RECOVERING_COUNT.matcher(text)).matches()) {
            recoveringShardCount = Integer.parseInt(matcher.group(1));
        } else if (kind == Kind.DATA && (matcher = RECOVERING_SHARDS.matcher(text)).matches()) {
            recoveringShards = RadosgwText.shardList(matcher.group(1));
        } else if (FAILURE.matcher(text).matches()
                || (kind == Kind.METADATA && PERIOD_MISMATCH.matcher(text).matches())) {
            failures.add(text);
        } else {
            return false;
        }
        return true;
    }

    private void readOldestChange(Matcher matcher, TextLine line, ParseWarnings warnings) {
        oldestChangeShard = matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2));
        oldestChange = RadosgwText.localTimestamp(matcher.group(1));
        if (oldestChange == null) {
            warnings.doubtful(line, "unreadable timestamp");
        } else if (oldestChange.offsetAssumed()) {
            warnings.doubtful(line, "timestamp without UTC offset, read as UTC");
        }
    }

    private static SyncState stateOf(String word) {
        return switch (word) {
            case "init" -> SyncState.INIT;
            case "preparing for full sync" -> SyncState.PREPARING;
            case "syncing" -> SyncState.SYNCING;
            default -> SyncState.UNKNOWN;
        };
    }

    /** The state: what the block says it is, FAILED when a failure stands in for it, else UNKNOWN. */
    private SyncState state() {
        if (master) {
            return SyncState.MASTER;
        }
        if (notSyncing) {
            return SyncState.NOT_SYNCING;
        }
        if (zoneNotFound) {
            return SyncState.ZONE_NOT_FOUND;
        }
        if (stateWord != null) {
            return stateWord;
        }
        return failures.isEmpty() ? SyncState.UNKNOWN : SyncState.FAILED;
    }

    /**
     * The verdict. A "behind" line wins over anything else the block says (even a contradicting
     * "no sync"/"not syncing" line); a failure (or a period mismatch, after which radosgw-admin prints
     * "caught up" without comparing anything) beats "recovering" and "caught up"; no verdict line at all
     * is UNKNOWN.
     */
    private SyncHealth health() {
        if (behindShardCount > 0) {
            return SyncHealth.BEHIND;
        }
        if (master) {
            return SyncHealth.MASTER;
        }
        if (notSyncing) {
            return SyncHealth.NOT_SYNCING;
        }
        if (zoneNotFound) {
            return SyncHealth.FAILED;
        }
        if (!failures.isEmpty()) {
            return SyncHealth.FAILED;
        }
        if (recoveringShardCount > 0 || !recoveringShards.isEmpty()) {
            return SyncHealth.RECOVERING;
        }
        return caughtUp ? SyncHealth.CAUGHT_UP : SyncHealth.UNKNOWN;
    }

    private OffsetDateTime oldestChangeTime() {
        return oldestChange == null ? null : oldestChange.time();
    }

    MetadataSync toMetadataSync() {
        return new MetadataSync(state(), fullSync, fullSyncRemaining, incrementalSync, health(), behindShardCount,
                behindShards, oldestChangeTime(), oldestChangeShard, List.copyOf(failures));
    }

    DataSyncSource toDataSyncSource(String zoneId, String zoneName) {
        return new DataSyncSource(zoneId, zoneName, state(), fullSync, fullSyncRemaining, incrementalSync, health(),
                behindShardCount, behindShards, oldestChangeTime(), oldestChangeShard, recoveringShardCount,
                recoveringShards, List.copyOf(failures));
    }
}
