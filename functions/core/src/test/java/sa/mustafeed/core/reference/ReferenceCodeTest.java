package sa.mustafeed.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceCodeTest {
    private static final String ALPHABET = ReferenceCode.ALPHABET;

    @Test
    void alphabet_isPrimeSizedAndUnambiguous() {
        assertEquals(29, ALPHABET.length());
        for (char confusable : "01OILUZ".toCharArray()) {
            assertFalse(ALPHABET.indexOf(confusable) >= 0, "alphabet must not contain " + confusable);
        }
    }

    @Test
    void random_codesAreValidAndShownInTwoGroups() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            ReferenceCode code = ReferenceCode.random(random);
            assertEquals(Optional.of(code), ReferenceCode.parse(code.display()));
            assertTrue(code.display().matches("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}"), code.display());
        }
    }

    @Test
    void checkCharacter_catchesEverySingleSubstitution() {
        SplittableRandom random = new SplittableRandom(2);
        for (int sample = 0; sample < 300; sample++) {
            String code = ReferenceCode.random(random).value();
            for (int position = 0; position < code.length(); position++) {
                for (char other : ALPHABET.toCharArray()) {
                    if (other == code.charAt(position)) {
                        continue;
                    }
                    String typo = code.substring(0, position) + other + code.substring(position + 1);
                    assertEquals(Optional.empty(), ReferenceCode.parse(typo), "substitution not caught: " + typo);
                }
            }
        }
    }

    @Test
    void checkCharacter_catchesEveryAdjacentSwap() {
        SplittableRandom random = new SplittableRandom(3);
        for (int sample = 0; sample < 2000; sample++) {
            String code = ReferenceCode.random(random).value();
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertEquals(Optional.empty(), ReferenceCode.parse(swapped), "swap not caught: " + swapped);
            }
        }
    }

    @Test
    void parse_forgivesCaseSpacesDashesAndArabicDigits() {
        ReferenceCode code = ReferenceCode.random(new SplittableRandom(4));
        String value = code.value();
        String arabicDigits = value.chars()
                .mapToObj(c ->
                        c >= '0' && c <= '9' ? String.valueOf((char) ('\u0660' + (c - '0'))) : String.valueOf((char) c))
                .reduce("", String::concat);
        Set<String> typings = Set.of(
                value.toLowerCase(),
                " " + code.display() + " ",
                value.substring(0, 4) + " " + value.substring(4),
                value.substring(0, 2) + "-" + value.substring(2),
                arabicDigits);
        for (String typed : typings) {
            assertEquals(Optional.of(code), ReferenceCode.parse(typed), typed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABC", "ABCDEFGHJ", "0000-0000", "IIII-IIII", "ABCD-EFG!", "ابجد-هوزح"})
    void parse_refusesWhatIsNotACode(String typed) {
        assertEquals(Optional.empty(), ReferenceCode.parse(typed));
    }

    @Test
    void random_isNotSequentialOrRepeating() {
        SplittableRandom random = new SplittableRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ReferenceCode.random(random).value());
        }
        assertTrue(seen.size() >= 9_999, "10,000 codes from 29^7 should almost never repeat");
    }
}
