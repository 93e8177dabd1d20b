package sa.mustafeed.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ReferenceCode#parse} for anything typed: a canonical code or nothing, never an exception;
 * every code survives the ways people retype it (case, spaces, dashes, Arabic-Indic digits).
 */
class ReferenceCodePropertiesTest {

    @Provide
    static Arbitrary<String> anyText() {
        Arbitrary<String> nearMiss = Arbitraries.strings()
                .withChars(ReferenceCode.ALPHABET + "01ILOUZ-_ ٢٣٤\u00A0\u2011")
                .ofMaxLength(14);
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings().all().ofMinLength(41).ofMaxLength(10_000),
                nearMiss,
                Arbitraries.strings().withChars("😀\u0000\u202Eab").ofMaxLength(12));
    }

    @Provide
    static Arbitrary<ReferenceCode> codes() {
        return Arbitraries.longs().map(seed -> ReferenceCode.random(new Random(seed)));
    }

    @Property(tries = 3000)
    void parse_givesACanonicalCodeOrNothing(@ForAll("anyText") String typed) {
        Optional<ReferenceCode> parsed = ReferenceCode.parse(typed);
        parsed.ifPresent(code -> {
            assertTrue(code.value().matches("[" + ReferenceCode.ALPHABET + "]{8}"), code.value());
            assertEquals(parsed, ReferenceCode.parse(code.display()));
            assertEquals(parsed, ReferenceCode.parse(code.value()));
        });
    }

    @Property
    void parse_readsEveryWayAPersonRetypesACode(
            @ForAll("codes") ReferenceCode code,
            @ForAll boolean lower,
            @ForAll("separator") String separator,
            @ForAll boolean arabicDigits) {
        String typed = code.value().substring(0, 4) + separator + code.value().substring(4);
        if (lower) {
            typed = typed.toLowerCase(Locale.ROOT);
        }
        if (arabicDigits) {
            StringBuilder out = new StringBuilder();
            typed.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('\u0660' + c - '0') : (char) c));
            typed = out.toString();
        }
        assertEquals(Optional.of(code), ReferenceCode.parse(" " + typed + " "), typed);
    }

    @Property
    void parse_refusesAnySingleSubstitution(
            @ForAll("codes") ReferenceCode code,
            @ForAll("position") int position,
            @ForAll("alphabetIndex") int replacement) {
        char changed = ReferenceCode.ALPHABET.charAt(replacement);
        if (code.value().charAt(position) == changed) {
            return;
        }
        String typo =
                code.value().substring(0, position) + changed + code.value().substring(position + 1);
        assertEquals(Optional.empty(), ReferenceCode.parse(typo), code + " → " + typo);
    }

    @Provide
    static Arbitrary<String> separator() {
        return Arbitraries.of("-", "", " ", "  ", "_", "\u00A0", "\u2011", "\u2013", " - ");
    }

    @Provide
    static Arbitrary<Integer> position() {
        return Arbitraries.integers().between(0, ReferenceCode.LENGTH - 1);
    }

    @Provide
    static Arbitrary<Integer> alphabetIndex() {
        return Arbitraries.integers().between(0, ReferenceCode.BASE - 1);
    }
}
