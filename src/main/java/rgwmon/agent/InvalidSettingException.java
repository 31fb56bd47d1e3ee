package rgwmon.agent;

/**
 * An {@code rgw.agent.*} value that cannot be used (not a number, not a duration, out of range):
 * the agent stops with one line naming the key (exit 3), not a stack trace.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    public InvalidSettingException(String key, String value, String expected) {
        super(key + " = '" + value + "' is invalid: " + expected);
    }
}
