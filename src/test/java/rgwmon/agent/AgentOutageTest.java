package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.Test;

import rgwmon.agent.TestPrimary.Answer;

/**
 * The agent as a daemon (cycle timer + spool retry) while the primary answers 503 for several
 * cycles, then is down (connection refused) for several more, then comes back: every report
 * collected meanwhile arrives, in collection order, exactly once.
 */
class AgentOutageTest extends AgentTestSupport {

    @Override
    String scenario() {
        return "caught-up";
    }

    @Override
    String zone() {
        return "us-west";
    }

    @Override
    Map<String, String> properties() {
        return FAST_DAEMON;
    }

    /** Route statistics (JMX) count the cycles: exchanges the cycle timer's route completed. */
    @Override
    protected boolean useJmx() {
        return true;
    }

    long cycles() {
        ManagedRouteMBean timer = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute(AgentRun.CYCLE_TIMER_ROUTE);
        assertThat(timer.getExchangesFailed()).as("failed cycles").isZero();
        return timer.getExchangesCompleted();
    }

    void awaitCycles(long atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cycles() >= atLeast);
    }

    Instant collectedAt(TestPrimary.Push push) {
        try {
            return Instant.parse(json.readTree(push.json()).get("collectedAt").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void after_503s_and_a_dead_primary_every_snapshot_arrives_in_order_exactly_once() throws Exception {
        primary.pushAnswer = push -> new Answer(503, "{\"error\":\"store unavailable\"}");
        AgentRun.startContinuous(context, false);

        awaitCycles(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> primary.pushes.size() >= 2);
        assertThat(primary.pushes).allSatisfy(p -> assertThat(p.answeredWith()).isEqualTo(503));

        primary.stop();
        long beforeDown = cycles();
        awaitCycles(beforeDown + 3);

        primary.pushAnswer = push -> Answer.accepted();
        primary.restart();
        awaitCycles(cycles() + 2);
        context.getRouteController().stopRoute(AgentRun.CYCLE_TIMER_ROUTE);
        long collected = cycles();

        ReportSpool spool = context.getRegistry().lookupByNameAndType("reportSpool", ReportSpool.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> spool.isEmpty() && primary.accepted().size() >= collected);

        List<Instant> accepted = primary.accepted().stream().map(this::collectedAt).toList();
        assertThat(accepted).hasSize((int) collected).isSorted().doesNotHaveDuplicates();
        Set<Instant> everAttempted = new HashSet<>(primary.pushes.stream().map(this::collectedAt).toList());
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(everAttempted);
        for (TestPrimary.Push push : primary.accepted()) {
            JsonNode report = json.readTree(push.json());
            assertThat(report.get("droppedReports").asLong()).isZero();
            assertThat(report.get("zone").asText()).isEqualTo("us-west");
        }
    }
}
