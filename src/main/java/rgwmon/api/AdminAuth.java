package rgwmon.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Guards the admin endpoints (POST /api/config, POST /api/collect): {@code Authorization: Bearer}
 * with {@code rgw.api.admin.token}. Without a configured token the admin endpoints are closed.
 */
public class AdminAuth implements Processor {

    private final String adminToken;

    public AdminAuth(String adminToken) {
        this.adminToken = adminToken == null ? "" : adminToken.trim();
    }

    @Override
    public void process(Exchange exchange) {
        String presented = BearerTokens.presented(exchange);
        if (adminToken.isEmpty()) {
            throw ApiException.unauthorized("admin endpoints are disabled: rgw.api.admin.token is not set");
        }
        if (presented == null) {
            throw ApiException.unauthorized("missing 'Authorization: Bearer <admin token>'");
        }
        if (!BearerTokens.matches(adminToken, presented)) {
            throw ApiException.unauthorized("wrong admin token");
        }
    }
}
