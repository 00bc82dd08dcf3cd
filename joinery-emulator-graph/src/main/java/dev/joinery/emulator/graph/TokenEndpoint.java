package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}, the client-credentials grant (notes §8, §9): {@code client_secret}
 * (form or HTTP Basic) or a {@code client_assertion} JWT signed with a registered certificate (RS256 as msal4j
 * sends, or PS256), scope {@code https://graph.microsoft.com/.default} (msal4j's added {@code openid profile
 * offline_access} accepted). Errors carry {@code error}, {@code error_description} starting {@code AADSTS},
 * {@code error_codes}.
 */
final class TokenEndpoint {
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A token-endpoint failure: HTTP status and the OAuth error body. */
    static final class OAuthError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient ObjectNode body;

        OAuthError(int status, String error, int aadsts, String description) {
            super(description, null, false, false);
            this.status = status;
            this.body = JsonNodeFactory.instance.objectNode();
            body.put("error", error);
            body.put("error_description", "AADSTS" + aadsts + ": " + description);
            body.putArray("error_codes").add(aadsts);
        }
    }

    private TokenEndpoint() {}

    static ObjectNode issue(
            EmulatedTenant tenant,
            String tenantSegment,
            Map<String, List<String>> form,
            String basicAuth,
            String tokenUrl,
            AccessTokens tokens,
            Clock clock) {
        if (tenant == null) {
            throw new OAuthError(400, "invalid_request", 90002, "Tenant '" + tenantSegment + "' not found.");
        }
        if (!"client_credentials".equals(first(form, "grant_type"))) {
            throw new OAuthError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }
        String clientId = first(form, "client_id");
        String secret = first(form, "client_secret");
        if (basicAuth != null && basicAuth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair =
                    new String(Base64.getDecoder().decode(basicAuth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            clientId = java.net.URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
            secret = java.net.URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
        }
        List<String> scopes = Arrays.asList(first(form, "scope").trim().split("\\s+"));
        if (!scopes.contains(GRAPH_SCOPE)
                || !scopes.stream().allMatch(s -> s.equals(GRAPH_SCOPE) || OIDC_SCOPES.contains(s))) {
            throw new OAuthError(
                    400,
                    "invalid_scope",
                    70011,
                    "The provided value for the input parameter 'scope' is" + " not valid. The scope "
                            + String.join(" ", scopes) + " is not valid.");
        }
        EmulatedTenant.App app = tenant.app(clientId);
        if (app == null) {
            throw new OAuthError(
                    400,
                    "unauthorized_client",
                    700016,
                    "Application with identifier '" + clientId + "' was not found in the directory '" + tenant.name()
                            + "'.");
        }
        String assertion = first(form, "client_assertion");
        if (!assertion.isEmpty()) {
            verifyAssertion(assertion, app, clientId, tokenUrl, clock);
        } else if (app.secret() == null
                || !MessageDigest.isEqual(
                        app.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthError(401, "invalid_client", 7000215, "Invalid client secret provided.");
        }
        String token = tokens.issue(new GraphRequest.Caller(tenant.name(), clientId));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.lifetime().toSeconds());
        body.put("ext_expires_in", tokens.lifetime().toSeconds());
        body.put("access_token", token);
        return body;
    }

    /** notes §8 "Certificate assertion", §9: signature by a registered certificate; aud, iss, sub, exp, nbf. */
    private static void verifyAssertion(
            String jwt, EmulatedTenant.App app, String clientId, String tokenUrl, Clock clock) {
        String[] parts = jwt.split("\\.");
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            boolean verified = false;
            for (X509Certificate cert : app.certificates()) {
                Signature sig;
                if ("PS256".equals(header.path("alg").asText())) {
                    sig = Signature.getInstance("RSASSA-PSS");
                    sig.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                } else {
                    sig = Signature.getInstance("SHA256withRSA");
                }
                sig.initVerify(cert.getPublicKey());
                sig.update(signed);
                verified |= sig.verify(signature);
            }
            long now = clock.instant().getEpochSecond();
            boolean claimsOk = claims.path("iss").asText().equals(clientId)
                    && claims.path("sub").asText().equals(clientId)
                    && claims.path("aud").asText().equalsIgnoreCase(tokenUrl)
                    && claims.path("exp").asLong(0) > now
                    && claims.path("nbf").asLong(0) <= now + 300;
            if (!verified || !claimsOk) {
                throw new OAuthError(
                        401, "invalid_client", 700027, "Client assertion failed signature or claim" + " validation.");
            }
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            if (e instanceof OAuthError) {
                throw (OAuthError) e;
            }
            throw new OAuthError(401, "invalid_client", 700027, "Client assertion is not a valid JWT.");
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }
}
