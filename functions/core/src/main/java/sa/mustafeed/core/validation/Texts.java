package sa.mustafeed.core.validation;

import java.text.Normalizer;

/** Free text as people type it: trimmed, NFC, line breaks kept, other control characters refused. */
public final class Texts {
    private Texts() {}

    public static String clean(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).replace("\r\n", "\n");
    }

    /** Control and unassigned characters corrupt what staff read and what SMS carries. */
    public static boolean hasForbiddenCharacters(String text, boolean allowLineBreaks) {
        return text.codePoints().anyMatch(cp -> {
            if (cp == '\n' || cp == '\t') {
                return !allowLineBreaks;
            }
            int type = Character.getType(cp);
            return type == Character.CONTROL
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE;
        });
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
