package rgwmon.collect;

/**
 * A request to a zone's RGW admin API that gave no usable answer. Names the request (method and
 * URL, never credentials) and why: {@code HTTP_STATUS}, {@code TIMEOUT}, {@code CONNECT},
 * {@code NO_ENDPOINT} or {@code NOT_CONFIGURED}.
 */
public class RgwAdminRestException extends Exception {

    private final String request;
    private final String kind;

    public RgwAdminRestException(String request, String kind, String reason) {
        super(request + ": " + reason);
        this.request = request;
        this.kind = kind;
    }

    public String request() {
        return request;
    }

    public String kind() {
        return kind;
    }
}
