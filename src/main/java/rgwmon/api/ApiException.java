package rgwmon.api;

/**
 * A request the API refuses, with the HTTP status to answer and, for a bad parameter or field,
 * its name. Mapped to a JSON error body by {@link ApiErrorResponse}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badParameter(String field, String message) {
        return new ApiException(400, field, field + ": " + message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, null, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, null, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, null, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
