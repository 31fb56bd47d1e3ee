package rgwmon.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The agent's YAML config file (--config), as in the seed plus the token and radosgw-admin
 * settings, turned into {@code rgw.*} properties. Unknown keys and wrong types are refused with the
 * key named, so a typo does not silently fall back to a default.
 *
 * <pre>
 * primary_url: http://primary-node:5000
 * push_interval: 60          # seconds
 * zone_name: ""              # empty = auto-detect; else also radosgw-admin's --rgw-zone
 * max_buckets: 500
 * token_file: /etc/rgw-monitor/agent.token   # or token: "..."
 * concurrency: 4
 * spool_dir: /var/lib/rgw-monitor/spool
 * radosgw_admin:
 *   binary: radosgw-admin
 *   cluster: ceph
 *   conf: /etc/ceph/ceph.conf
 *   id: admin
 *   timeout_seconds: 60
 * </pre>
 */
public final class AgentConfigFile {

    /** A config file that cannot be used; the message names the file and the key. */
    public static class InvalidConfigException extends Exception {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    private enum Type { TEXT, POSITIVE_INT, SECONDS }

    /** A YAML key: the properties it sets (zone_name sets two, like --zone) and its type. */
    private record Key(List<String> properties, Type type) {
        Key(String property, Type type) {
            this(List.of(property), type);
        }
    }

    private static final Map<String, Key> TOP = new LinkedHashMap<>();
    private static final Map<String, Key> RADOSGW_ADMIN = new LinkedHashMap<>();

    static {
        TOP.put("primary_url", new Key("rgw.agent.primary-url", Type.TEXT));
        TOP.put("push_interval", new Key("rgw.agent.interval", Type.SECONDS));
        TOP.put("zone_name", new Key(List.of("rgw.agent.zone", "rgw.admin.zone"), Type.TEXT));
        TOP.put("max_buckets", new Key("rgw.agent.max-buckets", Type.POSITIVE_INT));
        TOP.put("token", new Key("rgw.agent.token", Type.TEXT));
        TOP.put("token_file", new Key("rgw.agent.token-file", Type.TEXT));
        TOP.put("concurrency", new Key("rgw.agent.concurrency", Type.POSITIVE_INT));
        TOP.put("spool_dir", new Key("rgw.agent.spool.dir", Type.TEXT));
        RADOSGW_ADMIN.put("binary", new Key("rgw.admin.binary", Type.TEXT));
        RADOSGW_ADMIN.put("cluster", new Key("rgw.admin.cluster", Type.TEXT));
        RADOSGW_ADMIN.put("conf", new Key("rgw.admin.conf", Type.TEXT));
        RADOSGW_ADMIN.put("id", new Key("rgw.admin.id", Type.TEXT));
        RADOSGW_ADMIN.put("extra_args", new Key("rgw.admin.extra-args", Type.TEXT));
        RADOSGW_ADMIN.put("timeout_seconds", new Key("rgw.admin.timeout-seconds", Type.POSITIVE_INT));
    }

    private AgentConfigFile() {
    }

    /** The file's settings as property key → value, in file order; absent keys are absent. */
    public static Map<String, String> read(Path file) throws InvalidConfigException {
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new InvalidConfigException("cannot read config file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (YamlEngineException e) {
            throw new InvalidConfigException("config file " + file + " is not valid YAML: "
                    + e.getMessage().replaceAll("\\s+", " ").strip());
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (root == null) {
            return properties;
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new InvalidConfigException("config file " + file + " must be a YAML mapping of keys to values");
        }
        for (Map.Entry<?, ?> entry : top.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals("radosgw_admin")) {
                if (!(entry.getValue() instanceof Map<?, ?> nested)) {
                    throw new InvalidConfigException(file + ": radosgw_admin must be a mapping (binary, cluster, conf, ...)");
                }
                for (Map.Entry<?, ?> inner : nested.entrySet()) {
                    put(properties, file, "radosgw_admin." + inner.getKey(), RADOSGW_ADMIN.get(String.valueOf(inner.getKey())),
                            inner.getValue(), List.copyOf(RADOSGW_ADMIN.keySet()));
                }
            } else {
                put(properties, file, name, TOP.get(name), entry.getValue(), allTopKeys());
            }
        }
        return properties;
    }

    private static void put(Map<String, String> properties, Path file, String name, Key key, Object value,
                            List<String> known) throws InvalidConfigException {
        if (key == null) {
            throw new InvalidConfigException(file + ": unknown key '" + name + "' (known: " + String.join(", ", known) + ")");
        }
        if (value == null) {
            return;
        }
        switch (key.type()) {
            case TEXT -> {
                if (value instanceof Map || value instanceof List) {
                    throw new InvalidConfigException(file + ": " + name + " must be a single value");
                }
                key.properties().forEach(p -> properties.put(p, String.valueOf(value).trim()));
            }
            case POSITIVE_INT, SECONDS -> {
                if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 1) {
                    throw new InvalidConfigException(file + ": " + name + " must be a whole number of at least 1, not '"
                            + value + "'");
                }
                key.properties().forEach(p -> properties.put(p, value + (key.type() == Type.SECONDS ? "s" : "")));
            }
            default -> throw new IllegalStateException();
        }
    }

    private static List<String> allTopKeys() {
        List<String> keys = new ArrayList<>(TOP.keySet());
        keys.add("radosgw_admin");
        return keys;
    }
}
