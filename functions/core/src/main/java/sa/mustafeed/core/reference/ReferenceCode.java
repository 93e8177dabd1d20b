package sa.mustafeed.core.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import sa.mustafeed.core.validation.Digits;

/**
 * The number a beneficiary reads aloud, types on a phone, or hears from the kiosk: eight characters
 * shown as {@code XXXX-XXXX}, seven random and one check character.
 *
 * <p>The alphabet leaves out 0/O, 1/I/L, U and Z (confused with 2 in handwriting), which also makes its
 * size 29, a prime. The check character makes the position-weighted sum (weights 1…8) divisible by 29.
 * Because 29 is prime and every weight is below it, changing any one character, or swapping two
 * adjacent different characters, changes the sum by a non-multiple of 29: every single substitution
 * and every adjacent transposition is caught (the test proves it exhaustively).
 *
 * <p>29^7 ≈ 1.7 × 10^10 codes: guessing one is hopeless, and lookups also need the mobile's last
 * digits and are rate-limited.
 */
public record ReferenceCode(String value) {
    /** The characters a reference is made of (public: the local runner's history copies remake references). */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY";

    static final int BASE = ALPHABET.length();
    static final int RANDOM_LENGTH = 7;
    static final int LENGTH = RANDOM_LENGTH + 1;
    private static final int INVERSE_OF_LAST_WEIGHT = 11; // 8 × 11 = 88 ≡ 1 (mod 29)

    public ReferenceCode {
        if (!isValidCanonical(value)) {
            throw new IllegalArgumentException("not a reference code");
        }
    }

    /** A new random code; the caller still has to make sure it is unused (a conditional write). */
    public static ReferenceCode random(RandomGenerator random) {
        char[] chars = new char[LENGTH];
        int weighted = 0;
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            int v = random.nextInt(BASE);
            chars[i] = ALPHABET.charAt(v);
            weighted += (i + 1) * v;
        }
        int check = Math.floorMod(-weighted * INVERSE_OF_LAST_WEIGHT, BASE);
        chars[RANDOM_LENGTH] = ALPHABET.charAt(check);
        return new ReferenceCode(new String(chars));
    }

    /**
     * Reads a code the way people type it: any case, spaces or dashes anywhere, Arabic-Indic digits.
     * Empty when it is not eight alphabet characters or the check character does not match.
     */
    public static Optional<ReferenceCode> parse(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder compact = new StringBuilder(LENGTH);
        String ascii = Digits.toAscii(typed).toUpperCase(Locale.ROOT);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c == ' ' || c == '-' || c == '_' || c == '\u00A0' || c == '\u2010' || c == '\u2011' || c == '\u2013') {
                continue;
            }
            compact.append(c);
        }
        String candidate = compact.toString();
        return isValidCanonical(candidate) ? Optional.of(new ReferenceCode(candidate)) : Optional.empty();
    }

    private static boolean isValidCanonical(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        int weighted = 0;
        for (int i = 0; i < LENGTH; i++) {
            int v = ALPHABET.indexOf(value.charAt(i));
            if (v < 0) {
                return false;
            }
            weighted += (i + 1) * v;
        }
        return weighted % BASE == 0;
    }

    /** {@code XXXX-XXXX}: two groups are easier to read aloud and to compare by eye. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    @Override
    public String toString() {
        return display();
    }
}
