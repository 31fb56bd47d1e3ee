package rgwmon.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * How radosgw-admin is invoked: binary, the global arguments that select cluster, config, client
 * id and zone, extra global arguments (by default a short {@code --client_mount_timeout}, so a
 * dead monitor fails in seconds instead of Ceph's 300 s), and the per-call deadline.
 */
public record RadosgwSettings(String binary, String cluster, String conf, String clientId, String zone,
                              String extraArgs, int timeoutSeconds, int killAfterSeconds) {

    public RadosgwSettings {
        if (binary == null || binary.isBlank()) {
            throw new IllegalArgumentException("rgw.admin.binary must name the radosgw-admin executable");
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("rgw.admin.timeout-seconds must be at least 1, was " + timeoutSeconds);
        }
        if (killAfterSeconds < 1) {
            throw new IllegalArgumentException("rgw.admin.kill-after-seconds must be at least 1, was " + killAfterSeconds);
        }
    }

    /** Global arguments in the order radosgw-admin documents them; blank settings are left out. */
    public List<String> globalArgs() {
        return globalArgs(zone);
    }

    /** As {@link #globalArgs()}, for a call about another zone (the primary reads each zone's bucket stats). */
    public List<String> globalArgs(String zoneOverride) {
        List<String> args = new ArrayList<>();
        addIfSet(args, "--cluster", cluster);
        addIfSet(args, "-c", conf);
        addIfSet(args, "--id", clientId);
        addIfSet(args, "--rgw-zone", zoneOverride == null || zoneOverride.isBlank() ? zone : zoneOverride);
        if (extraArgs != null && !extraArgs.isBlank()) {
            args.addAll(List.of(extraArgs.trim().split("\\s+")));
        }
        return args;
    }

    private static void addIfSet(List<String> args, String flag, String value) {
        if (value != null && !value.isBlank()) {
            args.add(flag);
            args.add(value.trim());
        }
    }
}
