package sa.mustafeed.core.request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * The one-time code that reopens a lookup someone else locked by guessing: six digits sent by SMS to
 * the phone on file. The code is derived from the reference and a random nonce under the system's
 * secret key, so the table holds only the nonce: reading the table (or its stream) never gives the
 * code, while the notifier, holding the same key, can compute the code it sends.
 */
public final class UnlockCodes {
    public static final int LENGTH = TrackingCodes.LENGTH;
    private static final int SPACE = 1_000_000;

    private final KeyedHasher hasher;

    public UnlockCodes(KeyedHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher);
    }

    /**
     * Built on first use, never at init: a generator seeded before a SnapStart snapshot would be
     * shared by every environment restored from it, and init stays free of the seeding.
     */
    private static final class Entropy {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /** A fresh nonce: 128 random bits, URL-safe text. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        Entropy.RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The code for this reference and nonce, always the same one. */
    public String codeFor(ReferenceCode reference, String nonce) {
        byte[] mac = hasher.mac(HashPurpose.UNLOCK_CODE, reference.value() + "|" + nonce);
        // 2^64 over 10^6: the bias of the remainder is below one part in 10^13.
        long value = Long.remainderUnsigned(ByteBuffer.wrap(mac).getLong(), SPACE);
        return String.format("%06d", value);
    }

    /** Compared in constant time, so response timing does not tell how many digits matched. */
    public boolean matches(ReferenceCode reference, String nonce, String code) {
        return MessageDigest.isEqual(
                codeFor(reference, nonce).getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII));
    }
}
