package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

import rgwmon.agent.TestPrimary.Answer;

/**
 * Zones in separate clusters: with rgw.agent.compare-source-bucket-stats=false the agent cannot
 * compare object counts itself, so the buckets the primary names in its push answer
 * ({@code suspectBuckets}) are what fills category (3), ahead of the rotation.
 */
class AgentPrimaryHintsTest extends AgentTestSupport {

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
        return Map.of("rgw.agent.compare-source-bucket-stats", "false", "rgw.agent.read-source-datalog", "false",
                "rgw.agent.max-buckets", "10", "rgw.agent.rotation-share", "0.1");
    }

    @Test
    void the_primarys_suspect_buckets_are_inspected_as_count_mismatches_in_the_next_cycle() throws Exception {
        // "versioned" sorts last of the zone's 21 buckets: the rotation would not reach it in two cycles
        primary.pushAnswer = push -> new Answer(200,
                "{\"status\":\"applied\",\"suspectBuckets\":[\"versioned\",\"not-a-bucket-here\"]}");
        Configurator.setLevel(AgentCollector.class.getName(), Level.DEBUG);
        try (LogCapture log = LogCapture.attach()) {
            oneCycle();
            assertThat(log.lines).extracting(LogCapture.Line::message)
                    .noneMatch(m -> m.contains("COUNT_MISMATCH"))
                    .noneMatch(m -> m.startsWith("Bucket versioned picked"));
            log.lines.clear();

            oneCycle();
            assertThat(log.lines).extracting(LogCapture.Line::message)
                    .contains("Bucket versioned picked: COUNT_MISMATCH", "Bucket not-a-bucket-here picked: COUNT_MISMATCH");
        } finally {
            Configurator.setLevel(AgentCollector.class.getName(), Level.INFO);
        }
    }
}
