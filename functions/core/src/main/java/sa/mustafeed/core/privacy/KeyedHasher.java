package sa.mustafeed.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret key, so a stored hash of a national ID or mobile cannot be reversed by
 * hashing the (small) space of all IDs without the key. The purpose is mixed in so a hash made for
 * one use cannot be matched against another.
 */
public final class KeyedHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public KeyedHasher(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the hashing key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String hash(HashPurpose purpose, String value) {
        return HexFormat.of().formatHex(mac(purpose, value));
    }

    /** The raw MAC, for signatures (survey links) that must stay short. */
    public byte[] mac(HashPurpose purpose, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.name().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
