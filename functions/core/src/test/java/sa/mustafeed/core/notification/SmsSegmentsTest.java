package sa.mustafeed.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {
    @Test
    void arabicIsUcs2_70InOneAnd67PerPart() {
        assertFalse(SmsSegments.isGsm7("مرحبا"));
        assertEquals(1, SmsSegments.count("م".repeat(70)));
        assertEquals(2, SmsSegments.count("م".repeat(71)));
        assertEquals(2, SmsSegments.count("م".repeat(134)));
        assertEquals(3, SmsSegments.count("م".repeat(135)));
    }

    @Test
    void latinIsGsm7_160InOneAnd153PerPart() {
        assertTrue(SmsSegments.isGsm7("Your request MHF5-Q2N7 is complete."));
        assertEquals(1, SmsSegments.count("a".repeat(160)));
        assertEquals(2, SmsSegments.count("a".repeat(161)));
        assertEquals(3, SmsSegments.count("a".repeat(307)));
    }

    @Test
    void extendedCharactersCostTwoSeptetsAndOneArabicLetterMakesItAllUcs2() {
        assertEquals(2, SmsSegments.count("€".repeat(81)));
        assertEquals(3, SmsSegments.count("a".repeat(150) + "م"));
    }

    @Test
    void emojiCountAsTwoCodeUnits() {
        assertEquals(1, SmsSegments.count("😀".repeat(35)));
        assertEquals(2, SmsSegments.count("😀".repeat(36)));
    }
}
