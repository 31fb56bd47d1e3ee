package rgwmon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files the suite hands to the jar, as an operator would write them: only documented keys of
 * application.properties (radosgw-admin pointed at the lab's zone, shortened intervals, the push
 * token, data under target/), and the agent's token in a file only its owner can read.
 */
final class MonitorConfig {

    private MonitorConfig() {
    }

    /** For {@code primary --config FILE}. */
    static Path primary(Path dir, String cephConf, String zone, Duration interval, String agentZone, String agentToken,
            Path dataDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rgw.admin.conf", cephConf);
        p.put("rgw.admin.zone", zone);
        p.put("rgw.collect.interval-seconds", String.valueOf(interval.toSeconds()));
        p.put("rgw.push.token", agentZone + ":" + agentToken);
        p.put("rgw.history.path", dataDir.resolve("history").toString());
        return write(dir.resolve("primary.properties"), "the primary, on the master zone " + zone, p);
    }

    /** For {@code agent --properties FILE} (the agent's --config is its YAML file). */
    static Path agent(Path dir, String cephConf, Path dataDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rgw.admin.conf", cephConf);
        p.put("rgw.agent.spool.dir", dataDir.resolve("agent-spool").toString());
        return write(dir.resolve("agent.properties"), "the zone agent", p);
    }

    /** For {@code agent --token-file FILE}: a token on the command line would be visible to every local user. */
    static Path tokenFile(Path dir, String token) throws IOException {
        Path file = dir.resolve("agent.token");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n");
        return file;
    }

    private static Path write(Path file, String what, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder("# end-to-end suite: " + what + "\n");
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
