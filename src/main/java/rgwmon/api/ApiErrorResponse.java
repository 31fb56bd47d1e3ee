package rgwmon.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import rgwmon.processors.ZoneReportValidationException;

/**
 * Turns the exception an API route caught into an {@link ApiError} body and its HTTP status
 * (used by the {@code api-errors} route configuration). Client mistakes are answered with what
 * went wrong; anything else is a 500 that says nothing of the internals (the log has it).
 */
public class ApiErrorResponse implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponse.class);

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiError error = toError(cause);
        if (error.status() >= 500) {
            LOG.warn("{} {} failed: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), cause == null ? "?" : cause.toString());
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, error.status());
        exchange.getMessage().setBody(error);
    }

    static ApiError toError(Throwable cause) {
        if (cause instanceof ApiException api) {
            return error(api.status(), api.field(), api.getMessage());
        }
        if (cause instanceof ZoneReportValidationException invalid) {
            return error(400, invalid.field(), invalid.getMessage());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            return error(400, field, field + ": " + mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException json) {
            return error(400, "$", "malformed JSON: " + json.getOriginalMessage());
        }
        if (cause instanceof DirectConsumerNotAvailableException) {
            return error(503, null, "collection is not available in this process");
        }
        return error(500, null, "internal error");
    }

    /** "buckets[3].bucket.name" from Jackson's reference path. */
    static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static ApiError error(int status, String field, String message) {
        return new ApiError(status, reason(status), field, message);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
