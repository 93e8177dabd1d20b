package sa.mustafeed.core.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void hasForbiddenCharacters_refusesEveryBidiEmbeddingOverrideAndIsolate() {
        IntStream.concat(IntStream.rangeClosed(0x202A, 0x202E), IntStream.rangeClosed(0x2066, 0x2069))
                .forEach(cp -> {
                    String text = "مكة" + Character.toString(cp) + "gpj.pdf";
                    assertTrue(Texts.hasForbiddenCharacters(text, true), Integer.toHexString(cp));
                    assertTrue(Texts.hasForbiddenCharacters(text, false), Integer.toHexString(cp));
                });
    }

    @Test
    void hasForbiddenCharacters_keepsTheMarksArabicTextUses() {
        assertFalse(Texts.hasForbiddenCharacters("مكة\u200F المكرمة\u200E (2)", false));
        assertFalse(Texts.hasForbiddenCharacters("عبد\u200Cالله\u200D", false));
        assertFalse(Texts.hasForbiddenCharacters("سطر\nسطر", true));
        assertTrue(Texts.hasForbiddenCharacters("سطر\nسطر", false));
    }
}
