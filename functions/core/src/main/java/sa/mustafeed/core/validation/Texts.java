package sa.mustafeed.core.validation;

import java.text.Normalizer;

/** Free text as people type it: trimmed, NFC, line breaks kept, other control characters refused. */
public final class Texts {
    private Texts() {}

    public static String clean(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).replace("\r\n", "\n");
    }

    /**
     * Control and unassigned characters corrupt what staff read and what SMS carries. The bidirectional
     * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused as well: they
     * reorder what is shown, so {@code "\u202Egpj.pdf"} reads "fdp.jpg" in the console. The marks
     * Arabic text really uses (U+200E, U+200F, the joiners) stay allowed.
     */
    public static boolean hasForbiddenCharacters(String text, boolean allowLineBreaks) {
        return text.codePoints().anyMatch(cp -> {
            if (cp == '\n' || cp == '\t') {
                return !allowLineBreaks;
            }
            if (isBidiControl(cp)) {
                return true;
            }
            int type = Character.getType(cp);
            return type == Character.CONTROL
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE;
        });
    }

    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Names: letters of any script, marks (Arabic harakat), spaces, and the joiners names really use. */
    public static boolean isPersonName(String text) {
        return text.codePoints()
                .allMatch(cp -> Character.isLetter(cp)
                        || Character.getType(cp) == Character.NON_SPACING_MARK
                        || cp == ' '
                        || cp == '-'
                        || cp == '\''
                        || cp == '.'
                        || cp == '\u0640'
                        || cp == '\u200C');
    }
}
