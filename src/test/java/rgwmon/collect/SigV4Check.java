package rgwmon.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side check of an AWS Signature V4 GET request, written from the AWS specification (canonical
 * request, string to sign, derived key), independent of the SDK that signs in the application:
 * what RGW verifies on its side.
 */
final class SigV4Check {

    static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    private SigV4Check() {
    }

    /** True when the Authorization header is a valid signature of this GET with these keys. */
    static boolean valid(String authorization, String path, String query, Map<String, String> headers,
                         String accessKey, String secretKey) throws Exception {
        Matcher m = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
        if (!m.matches() || !m.group(1).equals(accessKey)) {
            return false;
        }
        String date = m.group(2);
        String region = m.group(3);
        String service = m.group(4);
        String signedHeaders = m.group(5);
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            canonicalHeaders.append(name).append(':').append(headers.get(name).trim()).append('\n');
        }
        String canonicalRequest = "GET\n" + path + "\n" + query + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                + headers.get("x-amz-content-sha256");
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + headers.get("x-amz-date") + "\n" + scope + "\n"
                + hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign)).equals(m.group(6));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
