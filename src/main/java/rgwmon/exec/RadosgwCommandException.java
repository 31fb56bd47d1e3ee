package rgwmon.exec;

/**
 * A radosgw-admin call that gave no usable output: it timed out, could not be started, exited
 * non-zero or printed nothing. Always names the command, so the failure shown on the dashboard
 * and in the logs says which call broke and why.
 */
public class RadosgwCommandException extends Exception {

    /** Why the call failed. */
    public enum Kind { TIMEOUT, NOT_FOUND, EXIT_CODE, EMPTY_OUTPUT }

    private final String command;
    private final Kind kind;
    private final int exitCode;
    private final String stderr;

    public RadosgwCommandException(String command, Kind kind, int exitCode, String stderr, String reason) {
        super("radosgw-admin " + command + ": " + reason);
        this.command = command;
        this.kind = kind;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    public String command() {
        return command;
    }

    public Kind kind() {
        return kind;
    }

    /** The process exit code, or -1 when the process never ran. */
    public int exitCode() {
        return exitCode;
    }

    /** The last lines radosgw-admin wrote to stderr (possibly empty). */
    public String stderr() {
        return stderr;
    }
}
