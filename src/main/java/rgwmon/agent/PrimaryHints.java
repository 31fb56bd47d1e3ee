package rgwmon.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Buckets the primary suspects (it compares object counts across zones): the optional JSON field
 * {@code "suspectBuckets": [names]} of a push answer. Untrusted input: only plausible bucket names
 * are kept, at most {@link #MAX_HINTS}; an answer without the field (or not JSON) changes nothing.
 */
public final class PrimaryHints {

    static final int MAX_HINTS = 10_000;
    /** S3 bucket names, optionally "tenant/" before them; no spaces or control characters. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,254}(/[A-Za-z0-9][A-Za-z0-9._\\-]{0,254})?");

    private final ObjectMapper json;
    private volatile List<String> suspects = List.of();

    public PrimaryHints(ObjectMapper json) {
        this.json = json;
    }

    public List<String> suspectBuckets() {
        return suspects;
    }

    /** Reads a push answer; keeps the previous hints when the answer has no {@code suspectBuckets}. */
    public void update(String answer) {
        if (answer == null || answer.isBlank()) {
            return;
        }
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (Exception notJson) {
            return;
        }
        JsonNode list = root == null ? null : root.get("suspectBuckets");
        if (list == null || !list.isArray()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode name : list) {
            if (name.isTextual() && PLAUSIBLE.matcher(name.asText()).matches() && names.size() < MAX_HINTS) {
                names.add(name.asText());
            }
        }
        suspects = List.copyOf(new ArrayList<>(names));
    }
}
