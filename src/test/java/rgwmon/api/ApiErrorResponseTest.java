package rgwmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.apache.camel.Exchange;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import rgwmon.model.ZoneReport;
import rgwmon.processors.ZoneReportValidationException;

class ApiErrorResponseTest {

    private static ApiError answer(Throwable cause) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        new ApiErrorResponse().process(exchange);
        ApiError error = exchange.getMessage().getBody(ApiError.class);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(error.status());
        return error;
    }

    @Test
    void client_mistakes_keep_their_status_and_field() {
        assertThat(answer(ApiException.badParameter("limit", "must be positive")))
                .isEqualTo(new ApiError(400, "Bad Request", "limit", "limit: must be positive"));
        assertThat(answer(ApiException.notFound("unknown bucket: x")).status()).isEqualTo(404);
        assertThat(answer(new ZoneReportValidationException("buckets[2].bucket", "required")).field())
                .isEqualTo("buckets[2].bucket");
    }

    @Test
    void a_jackson_type_mismatch_names_the_json_path() {
        Throwable mismatch = catchThrowable(() -> JsonMapper.create().readValue(
                "{\"schemaVersion\":1,\"buckets\":[{\"sources\":[{\"behindShards\":\"many\"}]}]}", ZoneReport.class));
        ApiError error = answer(mismatch);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.field()).isEqualTo("buckets[0].sources[0].behindShards");
        Throwable malformed = catchThrowable(() -> JsonMapper.create().readValue("{\"zone\":", ZoneReport.class));
        assertThat(answer(malformed).field()).isEqualTo("$");
    }

    @Test
    void missing_collection_is_503_and_anything_else_a_500_without_details() {
        assertThat(answer(new DirectConsumerNotAvailableException("no consumers", null)).status()).isEqualTo(503);
        ApiError internal = answer(new IllegalStateException("secret internal detail"));
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.message()).doesNotContain("secret");
    }
}
