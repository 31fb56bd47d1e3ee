package rgwmon.processors;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rgwmon.model.BucketRef;
import rgwmon.model.ShardProgress;

/**
 * Small readers shared by the text parsers (sync status, bucket sync status): line splitting,
 * stderr-like noise, "id (name)", shard lists, "n/m shards", and the timestamp printers.
 * Numbers are bounded in the patterns so that no input can overflow them.
 */
final class RadosgwText {

    /**
     * Lines radosgw-admin writes to stderr (ceph log lines "2024-… 7f… -1 …", "ERROR: …", cephadm's
     * "Inferring …" / "Using … image …"): when they end up in stdout they are kept as warnings.
     */
    private static final Pattern STDERR_NOISE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})? +[0-9a-f]{6,16} .*"
                    + "|(?:ERROR|WARNING): .*"
                    + "|(?:Inferring fsid|Inferring config|Using ceph image|Using recent ceph image) .*");

    /** "&lt;id&gt; (&lt;name&gt;)": the name is free text, so greedy up to the last ")" on the line. */
    private static final Pattern ID_AND_NAME = Pattern.compile("(\\S*)(?: \\((.*)\\))?");

    /** std::set&lt;int&gt; as printed: "[0,3,71]", "[]"; ids bounded so they always fit an int. */
    static final String SHARD_LIST = "\\[\\s*(?:\\d{1,9}(?:\\s*,\\s*\\d{1,9})*)?\\s*]";

    /** "n/m shards", bounded so both always fit an int. */
    static final String SHARD_PROGRESS = "\\d{1,9}/\\d{1,9} shards";

    private static final Pattern SHARD_PROGRESS_PARTS = Pattern.compile("(\\d{1,9})/(\\d{1,9}) shards");

    /**
     * ceph::real_time as printed in "oldest incremental change not applied": Octopus+
     * "2024-04-18T13:09:04.446175+0000"; older "2017-03-22 10:20:00.0.881361s" (the fraction printed as a
     * duration "0.881361s", no offset).
     */
    private static final Pattern LOCAL_TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})"
                    + "(?:\\.(\\d{1,9})|\\.\\d{1,9}\\.(\\d{1,9})s)?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** Bucket printer: "tenant:name[id])" (Octopus+, stray ")", tenant may be empty) or "name[marker]" (older). */
    private static final Pattern BUCKET_PRINTER = Pattern.compile("(?:([^:\\[\\]]*):)?([^\\[\\]]+)\\[([^\\[\\]]*)]\\)?");

    /** Bucket key ("source bucket" line): "[tenant/]name[:instance-id]". */
    private static final Pattern BUCKET_KEY = Pattern.compile("(?:([^/:\\s]+)/)?([^/:\\s\\[\\]]+)(?::(\\S+))?");

    private RadosgwText() {
    }

    /** Numbered lines; "\r\n" endings tolerated. A trailing newline yields a last blank line. */
    static List<TextLine> lines(String stdout) {
        String[] raw = stdout.split("\n", -1);
        List<TextLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            lines.add(new TextLine(i + 1, text));
        }
        return lines;
    }

    static boolean isStderrNoise(String line) {
        return STDERR_NOISE.matcher(line).matches();
    }

    /** "id (name)" or "id": name is null when the "(name)" part is missing, "" when printed empty. */
    static IdAndName idAndName(String text) {
        Matcher matcher = ID_AND_NAME.matcher(text);
        return matcher.matches() ? new IdAndName(matcher.group(1), matcher.group(2)) : null;
    }

    /** Ids of a {@link #SHARD_LIST}; null when the text is not such a list. */
    static List<Integer> shardList(String text) {
        String list = text.strip();
        if (!list.matches(SHARD_LIST)) {
            return null;
        }
        String ids = list.substring(1, list.length() - 1).strip();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Integer> shards = new ArrayList<>();
        for (String id : ids.split(",")) {
            shards.add(Integer.parseInt(id.strip()));
        }
        return List.copyOf(shards);
    }

    /** A {@link #SHARD_PROGRESS} as a record; null when the text is not that. */
    static ShardProgress shardProgress(String text) {
        Matcher matcher = SHARD_PROGRESS_PARTS.matcher(text);
        return matcher.matches()
                ? new ShardProgress(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
                : null;
    }

    /** "current time" (Reef+, UTC "2024-02-12T17:19:24Z"); null when unreadable. */
    static Instant currentTime(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A local-time timestamp; null when unreadable. {@code offsetAssumed}: no offset printed, read as UTC. */
    static LocalTimestamp localTimestamp(String text) {
        Matcher matcher = LOCAL_TIMESTAMP.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        try {
            String fraction = matcher.group(5) != null ? matcher.group(5) : matcher.group(6);
            int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(LocalDate.parse(matcher.group(1)), LocalTime.of(
                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)), nanos));
            String offset = matcher.group(7);
            return offset == null
                    ? new LocalTimestamp(local.atOffset(ZoneOffset.UTC), true)
                    : new LocalTimestamp(local.atOffset(ZoneOffset.of(offset)), false);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The "bucket" header line of bucket sync status; null when in neither printer form. */
    static BucketRef bucketFromPrinter(String text) {
        Matcher matcher = BUCKET_PRINTER.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        return new BucketRef(nullToEmpty(matcher.group(1)), matcher.group(2), emptyToNull(matcher.group(3)));
    }

    /** The "source bucket" line: key form "[tenant/]name[:id]", or the printer form on other builds. */
    static BucketRef bucketFromKeyOrPrinter(String text) {
        Matcher matcher = BUCKET_KEY.matcher(text.strip());
        if (matcher.matches()) {
            return new BucketRef(nullToEmpty(matcher.group(1)), matcher.group(2), emptyToNull(matcher.group(3)));
        }
        return bucketFromPrinter(text);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** A zone/zonegroup/realm reference as printed: id, and name (null when not printed). */
    record IdAndName(String id, String name) {
    }

    /** A timestamp and whether its offset was missing (then read as UTC, and worth a warning). */
    record LocalTimestamp(OffsetDateTime time, boolean offsetAssumed) {
    }
}
