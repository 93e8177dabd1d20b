package sa.mustafeed.local;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import sa.mustafeed.http.Json;

/**
 * Development sign-in, standing in for Cognito: issues HS256 JWTs with the claims Cognito puts in its
 * ID tokens ({@code sub}, {@code name}, {@code cognito:groups}) and checks them as the HTTP API's JWT
 * authorizer does (signature, issuer, audience, expiry). The key is new at every start, so no token
 * outlives the process. Never deployed.
 */
final class DevTokens {
    static final String ISSUER = "mustafeed-local-dev";
    static final String AUDIENCE = "mustafeed-local-console";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];
    private final Clock clock;

    DevTokens(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** A signed token for a development person of the given role ("staff", "manager" or "volunteer"). */
    Map<String, Object> issue(String role) {
        return issue(role, clock.instant());
    }

    /** As {@link #issue(String)}, as if signed in at {@code signedInAt} (tests: an expired token). */
    Map<String, Object> issue(String role, java.time.Instant signedInAt) {
        long now = signedInAt.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "dev-" + role);
        claims.put(
                "name",
                switch (role) {
                    case "manager" -> "مدير تجريبي";
                    case "volunteer" -> "متطوع تجريبي";
                    default -> "موظف تجريبي";
                });
        claims.put(
                "cognito:groups",
                switch (role) {
                    case "manager" -> "[manager staff]";
                    case "volunteer" -> "[volunteer]";
                    default -> "[staff]";
                });
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        String unsigned = B64.encodeToString(
                        Json.write(Map.of("alg", "HS256", "typ", "JWT")).getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", unsigned + "." + B64.encodeToString(sign(unsigned)));
        answer.put("role", role);
        answer.put("name", claims.get("name"));
        answer.put("expiresAt", signedInAt.plus(LIFETIME).toString());
        return answer;
    }

    /** The claims as API Gateway passes them to the function (all strings), or empty when the token is not good. */
    Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String token =
                authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : authorization.strip();
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = Json.readObject(Base64.getUrlDecoder().decode(parts[1]));
            long exp = ((Number) claims.getOrDefault("exp", 0)).longValue();
            if (exp <= clock.instant().getEpochSecond()
                    || !ISSUER.equals(claims.get("iss"))
                    || !AUDIENCE.equals(claims.get("aud"))) {
                return Optional.empty();
            }
            Map<String, String> strings = new LinkedHashMap<>();
            claims.forEach((k, v) -> strings.put(k, String.valueOf(v)));
            return Optional.of(strings);
        } catch (IllegalArgumentException | java.io.IOException | ClassCastException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
