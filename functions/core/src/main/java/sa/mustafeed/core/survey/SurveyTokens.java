package sa.mustafeed.core.survey;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * Survey links that cannot be forged: {@code <surveyId>.<reference>.<expiry>.<signature>}, signed
 * with HMAC-SHA256 under the system's secret key (domain-separated from every other use of that key). Short,
 * because it travels in an Arabic SMS where every character counts (67 per part). The signature is
 * the first 96 bits of the MAC: forging one still takes 2^96 tries against a rate-limited API.
 */
public final class SurveyTokens {
    private static final int SIGNATURE_BYTES = 12;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyedHasher hasher;

    /** Signs with the system's secret key, under a purpose of its own (no other use can produce these MACs). */
    public SurveyTokens(KeyedHasher hasher) {
        this.hasher = hasher;
    }

    /** What a valid token names. */
    public record Ticket(String surveyId, ReferenceCode reference, Instant expiresAt) {
        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    public String issue(Ticket ticket) {
        String body = ticket.surveyId() + "." + ticket.reference().value() + "."
                + Long.toString(ticket.expiresAt().getEpochSecond(), 36);
        return body + "." + B64.encodeToString(sign(body));
    }

    /** The ticket, or empty when the token is malformed or its signature does not match. */
    public Optional<Ticket> verify(String token) {
        if (token == null || token.length() > 120) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, last);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(last + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(body), given)) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<ReferenceCode> reference = ReferenceCode.parse(parts[1]);
        try {
            long expiry = Long.parseLong(parts[2], 36);
            return reference.map(r -> new Ticket(parts[0], r, Instant.ofEpochSecond(expiry)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A survey id derived from the request version, so a redelivered change offers the same survey. */
    public String surveyIdFor(ReferenceCode reference, long version) {
        byte[] mac = hasher.mac(HashPurpose.SURVEY_ID, reference.value() + "|" + version);
        return B64.encodeToString(Arrays.copyOf(mac, 8));
    }

    private byte[] sign(String body) {
        return Arrays.copyOf(hasher.mac(HashPurpose.SURVEY_TOKEN, body), SIGNATURE_BYTES);
    }
}
