package rgwmon.processors;

/**
 * A pushed {@link rgwmon.model.ZoneReport} that breaks the payload schema. {@link #field()} names the
 * failing field as a path, e.g. {@code buckets[3].bucket.name}; the primary answers 400 with it.
 */
public class ZoneReportValidationException extends IllegalArgumentException {

    private final String field;

    public ZoneReportValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
