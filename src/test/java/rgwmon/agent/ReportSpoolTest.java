package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSpoolTest {

    static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");

    @TempDir
    Path dir;

    ReportSpool spool(long maxBytes, Duration maxAge, Instant now) {
        return new ReportSpool(dir.resolve("spool"), maxBytes, maxAge, Clock.fixed(now, ZoneOffset.UTC));
    }

    static byte[] report(int size, char fill) {
        return String.valueOf(fill).repeat(size).getBytes(StandardCharsets.US_ASCII);
    }

    List<String> drainAll(ReportSpool spool) throws IOException {
        List<String> out = new ArrayList<>();
        for (Optional<ReportSpool.Entry> e = spool.oldest(); e.isPresent(); e = spool.oldest()) {
            out.add(new String(spool.read(e.get()), StandardCharsets.US_ASCII).substring(0, 1));
            spool.remove(e.get());
        }
        return out;
    }

    @Test
    void reports_come_out_oldest_first_even_across_a_restart() throws IOException {
        ReportSpool first = spool(10_000, Duration.ofHours(1), NOW);
        first.append(report(10, 'a'), NOW.minusSeconds(30));
        first.append(report(10, 'b'), NOW.minusSeconds(20));
        ReportSpool afterRestart = spool(10_000, Duration.ofHours(1), NOW);
        afterRestart.append(report(10, 'c'), NOW.minusSeconds(10));

        assertThat(drainAll(afterRestart)).containsExactly("a", "b", "c");
        try (var files = Files.list(dir.resolve("spool"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp"));
        }
    }

    @Test
    void over_its_size_the_spool_drops_the_oldest_and_counts_them() throws IOException {
        ReportSpool spool = spool(250, Duration.ofHours(1), NOW);
        for (char c = 'a'; c <= 'e'; c++) {
            spool.append(report(100, c), NOW);
        }
        assertThat(spool.dropped()).isEqualTo(3);
        assertThat(drainAll(spool)).containsExactly("d", "e");
    }

    @Test
    void reports_older_than_the_maximum_age_are_dropped_and_counted() throws IOException {
        ReportSpool spool = spool(10_000, Duration.ofHours(24), NOW);
        spool.append(report(10, 'a'), NOW.minus(Duration.ofHours(25)));
        spool.append(report(10, 'b'), NOW.minus(Duration.ofHours(23)));
        assertThat(drainAll(spool)).containsExactly("b");
        assertThat(spool.dropped()).isEqualTo(1);
    }

    @Test
    void the_dropped_count_survives_a_restart_until_the_primary_was_told() throws IOException {
        ReportSpool spool = spool(10_000, Duration.ofHours(1), NOW);
        spool.append(report(10, 'a'), NOW);
        spool.drop(spool.oldest().orElseThrow());
        spool.append(report(10, 'b'), NOW);
        spool.drop(spool.oldest().orElseThrow());

        ReportSpool restarted = spool(10_000, Duration.ofHours(1), NOW);
        assertThat(restarted.dropped()).isEqualTo(2);
        restarted.acknowledgeDropped(2);
        assertThat(spool(10_000, Duration.ofHours(1), NOW).dropped()).isZero();
    }

    @Test
    void files_that_are_not_spooled_reports_are_left_alone() throws IOException {
        ReportSpool spool = spool(10_000, Duration.ofHours(1), NOW);
        spool.append(report(10, 'a'), NOW);
        Files.writeString(dir.resolve("spool/notes.txt"), "operator's note");
        assertThat(spool.size()).isEqualTo(1);
        assertThat(drainAll(spool)).containsExactly("a");
        assertThat(dir.resolve("spool/notes.txt")).exists();
    }
}
