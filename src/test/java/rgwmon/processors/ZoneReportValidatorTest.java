package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import rgwmon.fixtures.ModelRecords;
import rgwmon.fixtures.RealFixtures;
import rgwmon.fixtures.ZoneReportBuilder;
import rgwmon.model.BucketRef;
import rgwmon.model.BucketSyncStatus;
import rgwmon.model.CollectionFailure;
import rgwmon.model.ZoneReport;

class ZoneReportValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ZoneReportValidator validator = new ZoneReportValidator(CLOCK, Duration.ofMinutes(10), 3, 100);

    private static ZoneReport valid(Consumer<ZoneReportBuilder> change) {
        ZoneReportBuilder report = ZoneReportBuilder.from(
                ModelRecords.westReport(NOW.minusSeconds(30), ModelRecords.bucketSync("a", 1)));
        change.accept(report);
        return report.build();
    }

    private void assertRejected(ZoneReport report, String field) {
        assertThatThrownBy(() -> validator.validate(report))
                .isInstanceOfSatisfying(ZoneReportValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    @Test
    void a_well_formed_report_passes_and_absent_optional_parts_are_allowed() {
        assertThat(validator.validate(valid(report -> { }))).isNotNull();
        assertThat(validator.validate(valid(report -> {
            report.syncStatus = null;
            report.syncErrors = null;
            report.buckets = null;
            report.shardDetails = null;
            report.coverage = null;
            report.failures = null;
        }))).isNotNull();
    }

    @Test
    void real_parsed_reports_of_every_scenario_pass() {
        ZoneReportValidator production = new ZoneReportValidator(CLOCK, Duration.ofMinutes(10), 100_000, 100_000);
        for (String scenario : List.of("caught-up", "secondary-down-behind", "catching-up",
                "errors", "recovered", "sync-disabled-bucket")) {
            assertThat(production.validate(RealFixtures.agentReport(scenario, "us-west", NOW))).as(scenario).isNotNull();
        }
    }

    @Test
    void each_violation_names_its_field() {
        assertRejected(null, "$");
        assertRejected(valid(report -> report.schemaVersion = 2), "schemaVersion");
        assertRejected(valid(report -> report.zone = null), "zone");
        assertRejected(valid(report -> report.zone = "us west; rm -rf /"), "zone");
        assertRejected(valid(report -> report.zone = "z".repeat(65)), "zone");
        assertRejected(valid(report -> report.zoneId = "x".repeat(2000)), "zoneId");
        assertRejected(valid(report -> report.collectedAt = null), "collectedAt");
        assertRejected(valid(report -> report.collectedAt = NOW.plus(Duration.ofMinutes(11))), "collectedAt");
        assertRejected(valid(report -> report.droppedReports = -1), "droppedReports");
        assertRejected(valid(report -> report.syncStatus = ModelRecords.masterSyncStatus()), "syncStatus.zoneName");
        assertRejected(valid(report -> report.buckets = Arrays.asList(ModelRecords.bucketSync("a"), null)), "buckets[1]");

        BucketSyncStatus named = ModelRecords.bucketSync("a");
        BucketSyncStatus nameless = new BucketSyncStatus(named.realmId(), named.realmName(), named.zonegroupId(),
                named.zonegroupName(), named.zoneId(), named.zoneName(), new BucketRef("", " ", null), null, false,
                named.sources(), List.of());
        assertRejected(valid(report -> report.buckets = List.of(named, nameless)), "buckets[1].bucket.name");

        List<BucketSyncStatus> tooMany = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tooMany.add(ModelRecords.bucketSync("b" + i));
        }
        assertRejected(valid(report -> report.buckets = tooMany), "buckets");
        assertRejected(valid(report -> report.failures = List.of(new CollectionFailure(" ", "TIMEOUT", "x", NOW))),
                "failures[0].command");
    }

    @Test
    void as_a_processor_it_validates_the_message_body() {
        DefaultExchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(valid(report -> report.schemaVersion = 7));
        assertThatThrownBy(() -> validator.process(exchange)).isInstanceOf(ZoneReportValidationException.class);
    }
}
