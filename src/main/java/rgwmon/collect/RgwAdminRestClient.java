package rgwmon.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * REST mode for another zone's bucket stats ({@code use_rest_for_bucket_stats}): for zones whose
 * pools this host cannot read (separate clusters), asks the zone's RGW admin API
 * {@code GET <endpoint>/admin/bucket?stats=true}. The request is signed with AWS Signature V4 by
 * the AWS SDK's signer (no hand-made crypto) with the monitor user's keys; the answer is the same
 * JSON as {@code radosgw-admin bucket stats}, so the same parser reads it.
 *
 * <p>Body in: a {@link ZoneTarget}. Body out: the response text. Endpoints are tried in order until
 * one answers. The secret key never appears in a message or a log line.
 */
public class RgwAdminRestClient implements Processor {

    static final String BUCKET_STATS_PATH = "/admin/bucket?stats=true";
    /** RGW checks signatures with the S3 service name, for the admin API too. */
    static final String SIGNING_SERVICE = "s3";

    private final Settings settings;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final HttpClient http;

    /**
     * @param region SigV4 region; blank = the zone's zonegroup name (RGW's zonegroup api_name)
     */
    public record Settings(boolean enabled, String accessKey, String secretKey, boolean verifyTls, String region,
                           int timeoutSeconds) {

        @Override
        public String toString() {
            // records print every component: keep the secret out of any accidental log line
            return "Settings[enabled=" + enabled + ", accessKey=" + accessKey + ", secretKey=****, verifyTls="
                    + verifyTls + ", region=" + region + ", timeoutSeconds=" + timeoutSeconds + "]";
        }
    }

    public RgwAdminRestClient(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .sslContext(settings.verifyTls() ? defaultSslContext() : trustAllSslContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void process(Exchange exchange) throws RgwAdminRestException, org.apache.camel.InvalidPayloadException {
        ZoneTarget zone = exchange.getMessage().getMandatoryBody(ZoneTarget.class);
        exchange.getMessage().setBody(bucketStats(zone));
    }

    /** The zone's {@code bucket stats} JSON, from the first of its endpoints that answers. */
    public String bucketStats(ZoneTarget zone) throws RgwAdminRestException {
        String description = "GET " + BUCKET_STATS_PATH + " on zone " + zone.name();
        if (!settings.enabled() || blank(settings.accessKey()) || blank(settings.secretKey())) {
            throw new RgwAdminRestException(description, "NOT_CONFIGURED",
                    "REST mode needs rgw.collect.rest.access-key and rgw.collect.rest.secret-key");
        }
        if (zone.endpoints().isEmpty()) {
            throw new RgwAdminRestException(description, "NO_ENDPOINT", "the zone has no endpoints in the period");
        }
        RgwAdminRestException last = null;
        for (String endpoint : zone.endpoints()) {
            try {
                return get(URI.create(stripSlash(endpoint) + BUCKET_STATS_PATH), region(zone));
            } catch (RgwAdminRestException e) {
                last = e;
                if (!"CONNECT".equals(e.kind())) {
                    throw e;
                }
            }
        }
        throw last;
    }

    String get(URI uri, String region) throws RgwAdminRestException {
        String description = "GET " + uri;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofSeconds(settings.timeoutSeconds()));
        sign(uri, region).forEach((name, values) -> {
            // the JDK client sets Host itself, from the same URI the signature covers
            if (!"host".equalsIgnoreCase(name)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new RgwAdminRestException(description, "CONNECT", "cannot connect: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new RgwAdminRestException(description, "TIMEOUT", "no answer within " + settings.timeoutSeconds() + " s");
        } catch (IOException e) {
            throw new RgwAdminRestException(description, "CONNECT", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RgwAdminRestException(description, "TIMEOUT", "interrupted");
        }
        if (response.statusCode() != 200) {
            throw new RgwAdminRestException(description, "HTTP_STATUS", "HTTP " + response.statusCode()
                    + (response.body() == null || response.body().isBlank() ? "" : ": " + CollectionFailures.oneLine(
                    response.body().length() > 200 ? response.body().substring(0, 200) : response.body())));
        }
        return response.body();
    }

    /** Authorization, X-Amz-Date and x-amz-content-sha256 for a GET without body. */
    Map<String, List<String>> sign(URI uri, String region) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        SignedRequest signed = signer.sign(r -> r
                .identity(AwsCredentialsIdentity.create(settings.accessKey(), settings.secretKey()))
                .request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().headers();
    }

    private String region(ZoneTarget zone) {
        if (!blank(settings.region())) {
            return settings.region().trim();
        }
        return blank(zone.zonegroup()) ? "us-east-1" : zone.zonegroup().toLowerCase(Locale.ROOT);
    }

    private static String stripSlash(String endpoint) {
        String trimmed = endpoint.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** rgw.collect.rest.verify-tls=false: accept any certificate and host name (self-signed lab RGWs). */
    private static SSLContext trustAllSslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }

    /** An extended trust manager that checks nothing, host name included (the JDK checks it in here). */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
