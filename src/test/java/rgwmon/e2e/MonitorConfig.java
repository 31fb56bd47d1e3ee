package rgwmon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration files the suite hands to the jar with --config: only documented keys of
 * application.properties (radosgw-admin pointed at the lab's zone, shortened intervals, the
 * agent's token, data under target/).
 */
final class MonitorConfig {

    private MonitorConfig() {
    }

    static Path primary(Path dir, String cephConf, String zone, Duration interval, Map<String, String> agentTokens,
            String adminToken, Path dataDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rgw.admin.conf", cephConf);
        p.put("rgw.admin.zone", zone);
        return write(dir.resolve("primary.properties"), "the primary, on the master zone " + zone, p);
    }

    static Path agent(Path dir, String cephConf, String zone, Path dataDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rgw.admin.conf", cephConf);
        p.put("rgw.admin.zone", zone);
        return write(dir.resolve("agent.properties"), "the agent on zone " + zone, p);
    }

    private static Path write(Path file, String what, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder("# end-to-end suite: " + what + "\n");
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
