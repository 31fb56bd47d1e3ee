package rgwmon;

/**
 * Why a role refused to start, told back to the launcher: the one-line reason it prints and the
 * exit code it returns. Bound in the registry as {@value #BEAN_NAME} by the launcher; set by a
 * start-up check (e.g. the primary's pre-flight) that then stops Camel.
 */
public final class StartupOutcome {

    public static final String BEAN_NAME = "startupOutcome";

    private volatile String reason;
    private volatile int exitCode;

    public synchronized void fail(int code, String oneLineReason) {
        if (reason == null) {
            this.exitCode = code;
            this.reason = oneLineReason;
        }
    }

    public boolean failed() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }

    public int exitCode() {
        return exitCode;
    }
}
