package sa.mustafeed.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * {@link SurveyTokens#verify} for anything a link can carry: the ticket it was issued for, or nothing;
 * never an exception, never a ticket for a token that was changed in any one character or signed with
 * another key.
 */
class SurveyTokensPropertiesTest {
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    private final SurveyTokens tokens = new SurveyTokens(SampleDrafts.HASHER);

    @Provide
    static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars(TOKEN_CHARS).ofMaxLength(130),
                Arbitraries.strings().all().ofMinLength(121).ofMaxLength(20_000),
                Arbitraries.strings().withChars("😀\u0000\u202E.=+/٣").ofMaxLength(40));
    }

    @Provide
    static Arbitrary<SurveyTokens.Ticket> tickets() {
        Arbitrary<String> surveyIds = Arbitraries.strings()
                .withChars(TOKEN_CHARS.replace(".", ""))
                .ofMinLength(1)
                .ofMaxLength(16);
        Arbitrary<ReferenceCode> references = Arbitraries.longs().map(seed -> ReferenceCode.random(new Random(seed)));
        Arbitrary<Instant> expiries =
                Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
        return net.jqwik.api.Combinators.combine(surveyIds, references, expiries)
                .as(SurveyTokens.Ticket::new);
    }

    @Property
    void verify_anyText_isATicketOrNothing_neverAnException(@ForAll("anyText") String token) {
        Optional<SurveyTokens.Ticket> ticket = tokens.verify(token);
        ticket.ifPresent(t -> assertEquals(token, tokens.issue(t), "only a token we signed names a ticket"));
    }

    @Property
    void verify_givesBackWhatWasIssued(@ForAll("tickets") SurveyTokens.Ticket ticket) {
        assertEquals(Optional.of(ticket), tokens.verify(tokens.issue(ticket)));
    }

    @Property
    void verify_refusesAnySingleCharacterChange(
            @ForAll("tickets") SurveyTokens.Ticket ticket,
            @ForAll @IntRange(min = 0, max = 200) int position,
            @ForAll("replacement") char replacement) {
        String issued = tokens.issue(ticket);
        int at = position % issued.length();
        if (issued.charAt(at) == replacement) {
            return;
        }
        String tampered = issued.substring(0, at) + replacement + issued.substring(at + 1);
        assertTrue(tokens.verify(tampered).isEmpty(), "tampered at " + at + ": " + tampered);
    }

    @Provide
    static Arbitrary<Character> replacement() {
        return Arbitraries.chars().with(TOKEN_CHARS.toCharArray());
    }

    @Property
    void verify_refusesATokenSignedWithAnotherKey(@ForAll("tickets") SurveyTokens.Ticket ticket) {
        SurveyTokens other = new SurveyTokens(new KeyedHasher("another-key-another-key-another-key!".getBytes()));
        assertTrue(tokens.verify(other.issue(ticket)).isEmpty());
    }
}
