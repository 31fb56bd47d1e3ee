package rgwmon.agent;

/**
 * Exit codes of the agent role, one per reason, so a wrapper (systemd, cron, a script) can tell
 * them apart. Documented in the README ("Zone agent", exit codes).
 */
public enum AgentExit {
    OK(0, "success"),
    FAILURE(1, "unexpected failure (see the log line)"),
    USAGE(2, "invalid command line (usage printed)"),
    CONFIG(3, "invalid configuration: config file, token, settings"),
    BINARY(4, "radosgw-admin (or the timeout wrapper) cannot be run"),
    CLUSTER(5, "no cluster access: radosgw-admin realm get failed"),
    PRIMARY(6, "--once: primary unreachable: GET <primary-url>/api/health failed"),
    ZONE(7, "zone not detected, or not the zone given with --zone"),
    UNDELIVERED(8, "--once: the report could not be delivered and waits in the spool"),
    REFUSED(9, "--once: the primary refused the report (4xx)");

    private final int code;
    private final String meaning;

    AgentExit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
