package rgwmon.api;

/**
 * The JSON body of every error answer.
 *
 * @param status HTTP status
 * @param error  short reason phrase, e.g. "Bad Request"
 * @param field  the parameter or payload field at fault (400), else null
 * @param message what went wrong, for people
 */
public record ApiError(int status, String error, String field, String message) {
}
