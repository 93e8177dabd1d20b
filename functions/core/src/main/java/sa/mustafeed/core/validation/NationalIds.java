package sa.mustafeed.core.validation;

import java.util.Optional;

/**
 * Saudi national ID (starts with 1) and iqama (starts with 2): ten digits whose last one is a Luhn
 * check digit over the first nine, as the Ministry of Interior issues them.
 */
public final class NationalIds {
    private NationalIds() {}

    /** The ID as ten ASCII digits, or empty when it is not a valid ID or iqama number. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String ascii = Digits.toAscii(typed.strip()).replace(" ", "").replace("-", "");
        if (ascii.length() != 10 || !Digits.allAsciiDigits(ascii)) {
            return Optional.empty();
        }
        char first = ascii.charAt(0);
        if (first != '1' && first != '2') {
            return Optional.empty();
        }
        return luhnValid(ascii) ? Optional.of(ascii) : Optional.empty();
    }

    /** Kept beside the keyed hash so staff can confirm an ID a person reads out. */
    public static String lastFour(String id) {
        return id.substring(id.length() - 4);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
