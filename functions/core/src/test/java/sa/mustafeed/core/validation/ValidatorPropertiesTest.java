package sa.mustafeed.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of every validator a visitor's typing reaches: for any string at all (any UTF-16 unit,
 * lone surrogates, control characters, emoji, Arabic and Latin mixed, huge) each answers a value of
 * the promised shape or "no", never an exception; and every form a real person types is accepted.
 */
class ValidatorPropertiesTest {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern SAUDI_E164 = Pattern.compile("\\+9665[0-9]{8}");

    /** Anything a browser, a kiosk keyboard or a script can send. */
    @Provide
    static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().all().ofMinLength(200).ofMaxLength(20_000),
                mixedScripts(),
                Arbitraries.strings()
                        .withChars("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹+-() .\u00A0")
                        .ofMaxLength(45));
    }

    /** Arabic, Latin, digits of three scripts, emoji (surrogate pairs), controls, bidi marks, joiners. */
    @Provide
    static Arbitrary<String> mixedScripts() {
        Arbitrary<String> piece = Arbitraries.of(
                "سارة",
                "العتيبي",
                "Sara",
                "ö",
                "٠٥٠",
                "۱۲۳",
                "0501234567",
                "+966",
                "@",
                ".",
                "-",
                " ",
                "\n",
                "\r\n",
                "\t",
                "\u0000",
                "\u001B",
                "\u007F",
                "\u200F",
                "\u202E",
                "\u200C",
                "\u0640",
                "\uFEFF",
                "😀",
                "👨‍👩‍👧",
                "\uD83D",
                "\uDE00",
                "\uE000",
                "\u0301",
                "<script>",
                "'; DROP TABLE",
                "%00",
                "\\u0000");
        return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    // ------------------------------------------------------------------ mobiles

    @Property(tries = 2000)
    void mobile_isE164OrNothing_forAnyText(@ForAll("anyText") String typed) {
        Optional<String> e164 = MobileNumbers.toE164(typed);
        e164.ifPresent(n -> {
            assertTrue(E164.matcher(n).matches(), n);
            if (n.startsWith("+966")) {
                assertTrue(SAUDI_E164.matcher(n).matches(), "a Saudi number that is not a mobile: " + n);
            }
            assertEquals(e164, MobileNumbers.toE164(n), "normalising twice changes nothing");
            assertEquals(n.substring(n.length() - 4), MobileNumbers.lastFour(n));
        });
    }

    @Property
    void mobile_everyCommonSaudiForm_isTheSameNumber(
            @ForAll("saudiSubscriber") String eightDigits,
            @ForAll("saudiForm") int form,
            @ForAll("digitScript") int script,
            @ForAll boolean spaced) {
        String national = "5" + eightDigits;
        String typed = switch (form) {
            case 0 -> "0" + national;
            case 1 -> national;
            case 2 -> "+966" + national;
            case 3 -> "00966" + national;
            default -> "966" + national;
        };
        if (spaced) {
            typed = typed.substring(0, 3) + " " + typed.substring(3, 6) + "-" + typed.substring(6);
        }
        typed = inScript(typed, script);
        assertEquals(Optional.of("+966" + national), MobileNumbers.toE164(" " + typed + " "), typed);
    }

    @Property
    void mobile_withALetterOrEmoji_isRefused(
            @ForAll("saudiSubscriber") String eightDigits,
            @ForAll("intruder") String intruder,
            @ForAll @IntRange(min = 1, max = 9) int at) {
        String typed = "05" + eightDigits;
        assertEquals(Optional.empty(), MobileNumbers.toE164(typed.substring(0, at) + intruder + typed.substring(at)));
    }

    // ------------------------------------------------------------------ national IDs

    @Property(tries = 2000)
    void nationalId_isTenLuhnDigitsOrNothing_forAnyText(@ForAll("anyText") String typed) {
        NationalIds.normalise(typed).ifPresent(id -> {
            assertTrue(id.matches("[12][0-9]{9}"), id);
            assertTrue(NationalIds.luhnValid(id), id);
            assertEquals(id.substring(6), NationalIds.lastFour(id));
        });
    }

    @Property
    void nationalId_validIds_areAccepted_inAnyDigitScript(
            @ForAll("validNationalId") String id, @ForAll("digitScript") int script) {
        String typed = inScript(id.substring(0, 4) + " " + id.substring(4), script);
        assertEquals(Optional.of(id), NationalIds.normalise(typed));
    }

    @Property
    void nationalId_anySingleDigitChange_isRefused(
            @ForAll("validNationalId") String id,
            @ForAll @IntRange(min = 1, max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        char changed = (char) ('0' + (id.charAt(position) - '0' + delta) % 10);
        String typo = id.substring(0, position) + changed + id.substring(position + 1);
        assertEquals(Optional.empty(), NationalIds.normalise(typo), id + " → " + typo);
    }

    // ------------------------------------------------------------------ email

    @Property(tries = 2000)
    void email_isOnePlainAddressOrNothing_forAnyText(@ForAll("anyText") String typed) {
        EmailAddresses.normalise(typed).ifPresent(address -> {
            assertEquals(1, address.chars().filter(c -> c == '@').count(), address);
            assertTrue(address.chars().allMatch(c -> c > 0x20 && c < 0x7F), "ASCII only: " + address);
            String domain = address.substring(address.indexOf('@') + 1);
            assertEquals(domain.toLowerCase(java.util.Locale.ROOT), domain);
            assertFalse(address.contains(".."));
            assertEquals(Optional.of(address), EmailAddresses.normalise(address));
        });
    }

    @Property
    void email_plainAddresses_areAccepted_withTheLocalPartKept(
            @ForAll("localPart") String local, @ForAll("domainLabel") String label, @ForAll("tld") String tld) {
        String typed = local + "@" + label.toUpperCase(java.util.Locale.ROOT) + "." + tld;
        assertEquals(
                Optional.of(local + "@" + label.toLowerCase(java.util.Locale.ROOT) + "." + tld),
                EmailAddresses.normalise("  " + typed + "\n"));
    }

    /** The pattern has nested repetition: no input within the length limit may make it backtrack for long. */
    @Property(tries = 300)
    void email_adversarialInputs_answerQuickly(
            @ForAll @IntRange(min = 1, max = 120) int repeat, @ForAll("backtrackBait") String bait) {
        String typed = ("a@" + bait.repeat(repeat) + "!").substring(0, Math.min(254, 3 + bait.length() * repeat));
        long started = System.nanoTime();
        EmailAddresses.normalise(typed);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 250, "took " + millis + " ms on " + typed);
    }

    // ------------------------------------------------------------------ free text

    @Property(tries = 2000)
    void texts_cleanIsStableAndCountsCodePoints(@ForAll("anyText") String typed) {
        String clean = Texts.clean(typed);
        assertEquals(clean, Texts.clean(clean), "cleaning twice changes nothing");
        assertFalse(clean.contains("\r\n"));
        assertEquals(clean.codePointCount(0, clean.length()), Texts.length(clean));
        Texts.hasForbiddenCharacters(clean, true);
        Texts.isPersonName(clean);
    }

    @Property
    void texts_controlCharacters_areAlwaysForbidden(
            @ForAll("mixedScripts") String around,
            @ForAll("controlCharacter") String control,
            @ForAll boolean multiline) {
        assertTrue(Texts.hasForbiddenCharacters(around + control + around, multiline));
        assertTrue(Texts.hasForbiddenCharacters(around + "\n" + around, false));
    }

    @Property
    void texts_namesInArabicOrLatinLetters_arePersonNames(@ForAll("nameWords") List<String> words) {
        String name = String.join(" ", words);
        assertTrue(Texts.isPersonName(name), name);
        assertFalse(Texts.hasForbiddenCharacters(name, false), name);
        assertFalse(Texts.isPersonName(name + " 7"), "digits are not a name");
        assertFalse(Texts.isPersonName(name + " 😀"), "emoji are not a name");
        assertFalse(Texts.isPersonName(name + "<b>"), "markup is not a name");
    }

    // ------------------------------------------------------------------ generators

    @Provide
    static Arbitrary<String> saudiSubscriber() {
        return Arbitraries.strings().numeric().ofLength(8);
    }

    @Provide
    static Arbitrary<Integer> saudiForm() {
        return Arbitraries.integers().between(0, 4);
    }

    /** 0 ASCII, 1 Arabic-Indic, 2 Persian (Extended Arabic-Indic) digits. */
    @Provide
    static Arbitrary<Integer> digitScript() {
        return Arbitraries.integers().between(0, 2);
    }

    static String inScript(String ascii, int script) {
        if (script == 0) {
            return ascii;
        }
        char zero = script == 1 ? '\u0660' : '\u06F0';
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (zero + c - '0') : (char) c));
        return out.toString();
    }

    @Provide
    static Arbitrary<String> intruder() {
        return Arbitraries.of("a", "O", "ل", "😀", "\u0000", "\u202E", "#", "*", "/", "x1", "٫");
    }

    @Provide
    static Arbitrary<String> validNationalId() {
        return Combinators.combine(
                        Arbitraries.of('1', '2'),
                        Arbitraries.strings().numeric().ofLength(8))
                .as((first, rest) -> {
                    String nine = first + rest;
                    for (char check = '0'; check <= '9'; check++) {
                        if (NationalIds.luhnValid(nine + check)) {
                            return nine + check;
                        }
                    }
                    throw new AssertionError("a Luhn check digit always exists");
                });
    }

    @Provide
    static Arbitrary<String> localPart() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars("_%+'-")
                .ofMinLength(1)
                .ofMaxLength(30)
                .flatMap(s -> Arbitraries.of(s, s + "." + s));
    }

    @Provide
    static Arbitrary<String> domainLabel() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .ofMinLength(1)
                .ofMaxLength(20);
    }

    @Provide
    static Arbitrary<String> tld() {
        return Arbitraries.of("sa", "org", "com", "org.sa", "gov.sa", "example");
    }

    @Provide
    static Arbitrary<String> backtrackBait() {
        return Arbitraries.of("a-", "a.", "-a", "aa", "a-a.", "0-", ".-", "a");
    }

    @Provide
    static Arbitrary<String> controlCharacter() {
        return Arbitraries.of(
                "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\r", "\u001B", "\u007F", "\u0085",
                "\u009F", "\uD800", "\uDFFF", "\uE000", "\uF8FF", "\u0378");
    }

    @Provide
    static Arbitrary<List<String>> nameWords() {
        Arbitrary<String> arabic = Arbitraries.strings()
                .withCharRange('\u0621', '\u063A')
                .withCharRange('\u0641', '\u064A')
                .ofMinLength(2)
                .ofMaxLength(10);
        Arbitrary<String> latin = Arbitraries.strings().alpha().ofMinLength(2).ofMaxLength(10);
        return Arbitraries.oneOf(arabic, latin, Arbitraries.of("عبد الله", "آل سعود", "O'Neil", "Al-Harbi"))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }
}
