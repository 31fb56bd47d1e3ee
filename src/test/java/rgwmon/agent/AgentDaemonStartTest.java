package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * The daemon started while the primary is down: pre-flight warns in one line and lets it start;
 * the reports collected meanwhile wait in the spool and arrive once the primary is back. A --once
 * run in the same situation still stops with exit 6.
 */
class AgentDaemonStartTest extends AgentTestSupport {

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

    @Test
    void a_daemon_started_while_the_primary_is_down_warns_once_spools_and_delivers_later() throws Exception {
        primary.stop();

        assertThat(new AgentPreflight(context, false, true).run()).as("--once").hasValueSatisfying(
                failure -> assertThat(failure.exit()).isEqualTo(AgentExit.PRIMARY));
        try (LogCapture log = LogCapture.attach()) {
            assertThat(new AgentPreflight(context, false, false).run()).as("daemon").isEmpty();
            assertThat(log.lines).filteredOn(l -> l.level().isMoreSpecificThan(Level.WARN))
                    .singleElement().satisfies(line -> {
                        assertThat(line.level()).isEqualTo(Level.WARN);
                        assertThat(line.message()).contains("unreachable").contains("starting anyway");
                        assertThat(line.withThrowable()).isFalse();
                    });
        }

        AgentRun.startContinuous(context, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var files = Files.list(spool)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".json")).count() >= 2;
            }
        });
        assertThat(primary.accepted()).isEmpty();

        primary.restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> primary.accepted().size() >= 2);
    }
}
