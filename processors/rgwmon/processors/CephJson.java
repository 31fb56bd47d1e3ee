package rgwmon.processors;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value forms Ceph prints, in one place: timestamps, booleans and integers as they appear
 * across releases. Pure functions; a value that is not one of the known forms is an
 * {@link IllegalArgumentException} whose message says what was expected (callers add the command
 * and where the value was).
 */
public final class CephJson {

    /**
     * {@code 2019-12-17T19:47:01.457166Z} (Octopus+ utime), {@code 2021-02-26 10:04:50.956965Z}
     * (pre-Octopus), {@code 2019-10-18 08:07:33.331855} (Nautilus mtime: no zone = UTC),
     * {@code 2024-02-12T17:19:24Z} (current_time); a numeric offset ({@code +0000}, {@code -05:00}) is tolerated.
     */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?");

    /** utime_t printed as seconds since the epoch (values under ten years): {@code "0.000000"} = unset. */
    private static final Pattern EPOCH_SECONDS = Pattern.compile("(\\d{1,12})\\.(\\d{6})");

    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private CephJson() {
    }

    /**
     * A Ceph timestamp as an instant; null for the unset value {@code "0.000000"}.
     *
     * @throws IllegalArgumentException when the text is none of the known forms
     */
    public static Instant utime(String text) {
        Matcher epoch = EPOCH_SECONDS.matcher(text);
        if (epoch.matches()) {
            long seconds = Long.parseLong(epoch.group(1));
            long micros = Long.parseLong(epoch.group(2));
            return seconds == 0 && micros == 0 ? null : Instant.ofEpochSecond(seconds, micros * 1000);
        }
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a Ceph timestamp (e.g. 2019-12-17T19:47:01.457166Z)");
        }
        try {
            LocalTime time = LocalTime.parse(m.group(2) + (m.group(3) == null ? "" : m.group(3)));
            // ZoneOffset.of reads Z, +hh:mm and +hhmm
            ZoneOffset offset = m.group(4) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(4));
            return LocalDate.parse(m.group(1)).atTime(time).toInstant(offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date/time (" + e.getMessage() + ")");
        }
    }

    /**
     * A boolean: JSON {@code true}/{@code false} (Reef+, and dump_bool fields) or the strings
     * {@code "true"}/{@code "false"} (encode_json(bool) before Reef).
     */
    public static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
            return node.textValue().equals("true");
        }
        throw new IllegalArgumentException("expected true or false");
    }

    /**
     * An integer as a long. Ceph counters are uint64: a value above {@link Long#MAX_VALUE} is read
     * with its two's-complement meaning, so an underflowed counter printed as
     * {@code 18446744073709551615} becomes -1 (visibly wrong) instead of being rejected or clamped.
     */
    public static long integer(JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException("expected an integer");
        }
        if (node.canConvertToLong()) {
            return node.longValue();
        }
        BigInteger value = node.bigIntegerValue();
        if (value.signum() < 0 || value.compareTo(UINT64_LIMIT) >= 0) {
            throw new IllegalArgumentException("integer out of 64-bit range");
        }
        return value.longValue();
    }

    /** A small integer (shard ids, counts of shards, errno, flags). */
    public static int smallInteger(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(node.isIntegralNumber() ? "integer out of range" : "expected an integer");
        }
        return node.intValue();
    }
}
