package rgwmon.e2e;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Looks at every /api/dashboard answer the suite reads for signs that a parser could not read a
 * real output fully: a collection failure of kind PARSE (a part of the primary or a failure an
 * agent reported) or lines a parser kept as warnings (of a zone's sync status, or of the bucket sync
 * status of the buckets a zone's summary names). Each new one is a finding, handed at once to
 * a consumer that captures the same command's output as a fixture (see {@link UnreadableOutputCapture}).
 */
final class UnreadableOutputWatch {

    record Finding(String zone, List<String> command, String what) {
    }

    /** The radosgw-admin words behind each collected part of the store (StoreIngest's part names). */
    private static final Map<String, List<String>> PART_COMMANDS = Map.of(
            "topology", List.of("period", "get"),
            "bucket-stats", List.of("bucket", "stats"),
            "sync-status", List.of("sync", "status"),
            "sync-errors", List.of("sync", "error", "list"));

    private final Consumer<Finding> onNewFinding;
    private final String defaultZone;
    private final Set<Finding> findings = new LinkedHashSet<>();

    /** defaultZone: the zone of the primary's cluster-wide parts (the master zone). */
    UnreadableOutputWatch(Consumer<Finding> onNewFinding, String defaultZone) {
        this.onNewFinding = onNewFinding;
        this.defaultZone = defaultZone;
    }

    synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Inspects one /api/dashboard answer. */
    synchronized void inspectDashboard(JsonNode dashboard) {
        for (JsonNode part : dashboard.path("parts")) {
            String reason = part.path("staleReason").asText("");
            if (reason.startsWith("PARSE")) {
                String zone = part.path("zone").isTextual() ? part.path("zone").asText() : defaultZone;
                List<String> command = PART_COMMANDS.getOrDefault(part.path("part").asText(), List.of());
                record(new Finding(zone, command, part.path("origin").asText() + " part " + part.path("part").asText()
                        + ": " + reason));
            }
        }
        dashboard.path("zoneAgents").fields().forEachRemaining(agent -> {
            for (JsonNode failure : agent.getValue().path("failures")) {
                if ("PARSE".equals(failure.path("kind").asText())) {
                    record(new Finding(agent.getKey(), words(failure.path("command").asText()),
                            "agent failure: " + failure.path("message").asText()));
                }
            }
        });
        for (JsonNode zone : dashboard.path("zones")) {
            String name = zone.path("name").asText();
            JsonNode warnings = zone.path("sync").path("warnings");
            if (warnings.isArray() && !warnings.isEmpty()) {
                record(new Finding(name, List.of("sync", "status"),
                        "lines the sync status parser did not recognise: " + warnings));
            }
            // buckets whose agent-side bucket sync status kept warnings or source block messages (the
            // dashboard names the first few; their lines are in /api/buckets/{name})
            for (JsonNode bucket : zone.path("buckets").path("parserWarningBuckets")) {
                record(new Finding(name, List.of("bucket", "sync", "status", "--bucket=" + bucket.asText()),
                        "bucket sync status of " + bucket.asText() + " has lines the parser did not fully read"
                                + " (parserWarnings / sources[].messages of /api/buckets/" + bucket.asText() + ")"));
            }
        }
    }

    private void record(Finding finding) {
        if (findings.add(finding)) {
            onNewFinding.accept(finding);
        }
    }

    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        for (String word : command.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
