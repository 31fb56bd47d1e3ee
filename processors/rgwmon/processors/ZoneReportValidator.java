package rgwmon.processors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import rgwmon.model.BucketSyncStatus;
import rgwmon.model.CollectionFailure;
import rgwmon.model.Coverage;
import rgwmon.model.DataShardDetail;
import rgwmon.model.DataSyncSource;
import rgwmon.model.SyncErrorList;
import rgwmon.model.SyncStatus;
import rgwmon.model.ZoneReport;

/**
 * Checks a pushed {@link ZoneReport} (schema version 1) before the store sees it; the first
 * violation is thrown as a {@link ZoneReportValidationException} naming the field. What is checked:
 * the schema version; the zone name (a radosgw zone name: letters, digits, {@code . _ -}, at most 64);
 * {@code collectedAt} present and not further in the future than the allowed clock skew; the sync
 * status, when present, is this zone's own; list elements are not null; every bucket names a bucket;
 * counts are not negative and lists are within their limits. Absent optional parts (sync status,
 * sync errors, buckets, shard details) mean "not collected this cycle", which is allowed.
 */
public class ZoneReportValidator implements Processor {

    private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_TEXT = 1024;

    private final Clock clock;
    private final Duration maxClockSkew;
    private final int maxBuckets;
    private final int maxErrors;

    /**
     * @param maxClockSkew how far in the future {@code collectedAt} may be
     * @param maxBuckets   bucket sync statuses accepted in one report
     * @param maxErrors    sync error entries accepted in one report
     */
    public ZoneReportValidator(Clock clock, Duration maxClockSkew, int maxBuckets, int maxErrors) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
        this.maxBuckets = maxBuckets;
        this.maxErrors = maxErrors;
    }

    @Override
    public void process(Exchange exchange) {
        validate(exchange.getMessage().getBody(ZoneReport.class));
    }

    public ZoneReport validate(ZoneReport report) {
        if (report == null) {
            throw new ZoneReportValidationException("$", "the body is not a zone report object");
        }
        if (report.schemaVersion() != ZoneReport.SCHEMA_VERSION) {
            throw new ZoneReportValidationException("schemaVersion", "unsupported version " + report.schemaVersion()
                    + "; this primary reads version " + ZoneReport.SCHEMA_VERSION);
        }
        if (report.zone() == null || !ZONE_NAME.matcher(report.zone()).matches()) {
            throw new ZoneReportValidationException("zone", "required: a zone name of letters, digits, '.', '_' or '-' (at most 64)");
        }
        requireShortText("zoneId", report.zoneId());
        requireShortText("agentVersion", report.agentVersion());
        Instant collectedAt = report.collectedAt();
        if (collectedAt == null) {
            throw new ZoneReportValidationException("collectedAt", "required: when the agent finished collecting (ISO-8601)");
        }
        if (collectedAt.isAfter(clock.instant().plus(maxClockSkew))) {
            throw new ZoneReportValidationException("collectedAt", collectedAt + " is more than "
                    + maxClockSkew.toSeconds() + " s in the future of the primary's clock");
        }
        if (report.droppedReports() < 0) {
            throw new ZoneReportValidationException("droppedReports", "must not be negative");
        }
        validateSyncStatus(report.zone(), report.syncStatus());
        validateSyncErrors(report.syncErrors());
        validateBuckets(report.buckets());
        validateShardDetails(report.shardDetails());
        validateCoverage(report.coverage());
        validateFailures(report.failures());
        return report;
    }

    private static void validateSyncStatus(String zone, SyncStatus status) {
        if (status == null) {
            return;
        }
        if (status.zoneName() != null && !status.zoneName().equals(zone)) {
            throw new ZoneReportValidationException("syncStatus.zoneName", "'" + status.zoneName()
                    + "' is not the report's zone '" + zone + "'");
        }
        List<DataSyncSource> sources = status.dataSources();
        for (int i = 0; sources != null && i < sources.size(); i++) {
            DataSyncSource source = sources.get(i);
            if (source == null) {
                throw new ZoneReportValidationException("syncStatus.dataSources[" + i + "]", "must not be null");
            }
            if (source.behindShardCount() < 0 || source.recoveringShardCount() < 0) {
                throw new ZoneReportValidationException("syncStatus.dataSources[" + i + "]", "shard counts must not be negative");
            }
        }
    }

    private void validateSyncErrors(SyncErrorList errors) {
        if (errors == null || errors.entries() == null) {
            return;
        }
        if (errors.entries().size() > maxErrors) {
            throw new ZoneReportValidationException("syncErrors.entries", errors.entries().size()
                    + " entries, more than the " + maxErrors + " accepted");
        }
        requireNoNulls("syncErrors.entries", errors.entries());
    }

    private void validateBuckets(List<BucketSyncStatus> buckets) {
        if (buckets == null) {
            return;
        }
        if (buckets.size() > maxBuckets) {
            throw new ZoneReportValidationException("buckets", buckets.size() + " buckets, more than the "
                    + maxBuckets + " accepted");
        }
        for (int i = 0; i < buckets.size(); i++) {
            BucketSyncStatus bucket = buckets.get(i);
            if (bucket == null) {
                throw new ZoneReportValidationException("buckets[" + i + "]", "must not be null");
            }
            if (bucket.bucket() == null) {
                throw new ZoneReportValidationException("buckets[" + i + "].bucket", "required");
            }
            if (bucket.bucket().name() == null || bucket.bucket().name().isBlank()) {
                throw new ZoneReportValidationException("buckets[" + i + "].bucket.name", "required");
            }
            requireNoNulls("buckets[" + i + "].sources", bucket.sources());
        }
    }

    private static void validateShardDetails(List<DataShardDetail> details) {
        if (details == null) {
            return;
        }
        for (int i = 0; i < details.size(); i++) {
            DataShardDetail detail = details.get(i);
            if (detail == null) {
                throw new ZoneReportValidationException("shardDetails[" + i + "]", "must not be null");
            }
            if (detail.shardId() < 0) {
                throw new ZoneReportValidationException("shardDetails[" + i + "].shardId", "must not be negative");
            }
        }
    }

    private static void validateCoverage(Coverage coverage) {
        if (coverage == null) {
            return;
        }
        if (coverage.bucketsInspected() < 0 || coverage.bucketsKnown() < 0) {
            throw new ZoneReportValidationException("coverage", "counts must not be negative");
        }
    }

    private static void validateFailures(List<CollectionFailure> failures) {
        if (failures == null) {
            return;
        }
        for (int i = 0; i < failures.size(); i++) {
            CollectionFailure failure = failures.get(i);
            if (failure == null) {
                throw new ZoneReportValidationException("failures[" + i + "]", "must not be null");
            }
            if (failure.command() == null || failure.command().isBlank()) {
                throw new ZoneReportValidationException("failures[" + i + "].command", "required");
            }
        }
    }

    private static void requireShortText(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new ZoneReportValidationException(field, "longer than " + MAX_TEXT + " characters");
        }
    }

    private static void requireNoNulls(String field, List<?> list) {
        for (int i = 0; list != null && i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new ZoneReportValidationException(field + "[" + i + "]", "must not be null");
            }
        }
    }
}
