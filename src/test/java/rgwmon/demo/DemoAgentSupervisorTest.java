package rgwmon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rgwmon.demo.DemoTimeline.Phase;
import rgwmon.exec.StandInData;

/**
 * The demo's agent really stops while the story wants it silent and starts again after: checked
 * with a stand-in child process (a long sleep with a recognisable duration) instead of the agent JVM.
 */
class DemoAgentSupervisorTest {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final DemoTimeline TIMELINE = new DemoTimeline(Duration.ofSeconds(240));
    static final String SLEEP_SECONDS = "3581";

    @TempDir
    Path dir;

    @Test
    void the_agent_process_is_stopped_for_the_stale_window_and_started_again_after() throws Exception {
        DemoPrimaryTest.SettableClock clock = new DemoPrimaryTest.SettableClock(TIMELINE.timeIn(START, 0, Phase.CAUGHT_UP, 0.5));
        DemoScenario scenario = new DemoScenario(new DemoCluster(), TIMELINE, START);
        try (DemoAgentSupervisor supervisor = new DemoAgentSupervisor(List.of("sleep", SLEEP_SECONDS),
                dir.resolve("agent.log"), scenario, clock, () -> true)) {
            supervisor.check();
            assertThat(supervisor.running()).isTrue();
            assertThat(StandInData.processRunning("sleep", SLEEP_SECONDS)).isTrue();

            clock.set(TIMELINE.agentStoppedTime(START, 0));
            supervisor.check();
            assertThat(supervisor.running()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> !StandInData.processRunning("sleep", SLEEP_SECONDS));

            clock.set(TIMELINE.timeIn(START, 1, Phase.CAUGHT_UP, 0.1));
            supervisor.check();
            assertThat(supervisor.running()).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !StandInData.processRunning("sleep", SLEEP_SECONDS));
    }

    @Test
    void the_agent_waits_for_the_primary_to_listen() {
        DemoPrimaryTest.SettableClock clock = new DemoPrimaryTest.SettableClock(TIMELINE.timeIn(START, 0, Phase.CAUGHT_UP, 0.5));
        AtomicBoolean primaryUp = new AtomicBoolean(false);
        try (DemoAgentSupervisor supervisor = new DemoAgentSupervisor(List.of("sleep", SLEEP_SECONDS),
                dir.resolve("agent.log"), new DemoScenario(new DemoCluster(), TIMELINE, START), clock, primaryUp::get)) {
            supervisor.check();
            assertThat(supervisor.running()).isFalse();
            primaryUp.set(true);
            supervisor.check();
            assertThat(supervisor.running()).isTrue();
        }
    }
}
