package sa.mustafeed.core.request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.validation.Digits;

/**
 * The private code that follows an anonymous request in place of the mobile's last four digits: six
 * digits, easy to copy down at a kiosk or read aloud, shown once with the reference.
 *
 * <p>It is derived from the reference under the system's secret key rather than drawn and stored, so
 * nothing that could open the request sits in the table, and a retried submission (same idempotency
 * key) gets the same code again. Six digits are enough because a guess also needs the reference
 * (29^7 of them) and failures are limited to five per reference per fifteen minutes, as the lookup
 * limits mobile digits: a script would need years to try a tenth of the codes for one reference.
 */
public final class TrackingCodes {
    public static final int LENGTH = 6;
    private static final int SPACE = 1_000_000;

    private final KeyedHasher hasher;

    public TrackingCodes(KeyedHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher);
    }

    /** The code for this reference, always the same one. */
    public String codeFor(ReferenceCode reference) {
        byte[] mac = hasher.mac(HashPurpose.TRACKING_CODE, reference.value());
        // 2^64 over 10^6: the bias of the remainder is below one part in 10^13.
        long value = Long.remainderUnsigned(ByteBuffer.wrap(mac).getLong(), SPACE);
        return String.format("%06d", value);
    }

    /** Compared in constant time, so response timing does not tell how many digits matched. */
    public boolean matches(ReferenceCode reference, String code) {
        return MessageDigest.isEqual(
                codeFor(reference).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a code as people type it: Arabic-Indic digits, spaces or dashes between groups. Empty if not six digits. */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 20) {
            return Optional.empty();
        }
        String compact = Digits.toAscii(typed).replaceAll("[\\s\\-\u00A0]", "");
        return compact.length() == LENGTH && compact.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Optional.of(compact)
                : Optional.empty();
    }
}
