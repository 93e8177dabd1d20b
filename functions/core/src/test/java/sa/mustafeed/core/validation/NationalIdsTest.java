package sa.mustafeed.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdsTest {

    /** Citizens' IDs start with 1, residents' iqamas with 2; all pass the Luhn check. */
    @ParameterizedTest
    @ValueSource(strings = {"1526018153", "1908301664", "1131860916", "2390996037", "2082462819", "2948219932"})
    void normalise_acceptsValidIdsAndIqamas(String id) {
        assertEquals(Optional.of(id), NationalIds.normalise(id));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1526018154",
                "1526018150",
                "2390996036",
                "3526018153",
                "0526018153",
                "152601815",
                "15260181533",
                "15260181x3",
                "",
                "abcdefghij"
            })
    void normalise_refusesWrongChecksumPrefixOrLength(String id) {
        assertEquals(Optional.empty(), NationalIds.normalise(id));
    }

    @Test
    void normalise_readsArabicIndicDigitsAndSpaces() {
        assertEquals(Optional.of("1526018153"), NationalIds.normalise("١٥٢٦ ٠١٨ ١٥٣"));
    }

    @Test
    void luhn_catchesEverySingleDigitChange() {
        String valid = "2390996037";
        for (int position = 0; position < 10; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertEquals(false, NationalIds.luhnValid(changed), changed);
            }
        }
    }
}
