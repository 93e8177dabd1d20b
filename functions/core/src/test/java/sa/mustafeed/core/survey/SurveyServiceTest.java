package sa.mustafeed.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.SurveyUnavailableException;
import sa.mustafeed.core.errors.SurveyUnavailableException.Reason;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;

class SurveyServiceTest {
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final InMemorySurveyStore store = new InMemorySurveyStore();
    private final SurveyTokens tokens = new SurveyTokens(SampleDrafts.HASHER);
    private final SurveyOffers offers = new SurveyOffers(tokens, store, clock, Duration.ofDays(14), Duration.ofDays(30),
            "https://site.example/");
    private final SurveyService surveys = new SurveyService(tokens, store, new InMemoryFailedAttempts(), clock,
            new LocalizedText("جمعية تمكين", "Tamkeen"));

    private static ServiceRequest completed(String reference, Category category, String mobileHash) {
        return new ServiceRequest(new ReferenceCode(reference), category, Channel.WEB, Status.COMPLETED, "x",
                "+966501234567", mobileHash, Optional.empty(), Optional.empty(), Optional.empty(), "مكة", "d",
                ContactMethod.SMS, Language.AR, Optional.empty(), "v", SampleDrafts.NOW, SampleDrafts.NOW, SampleDrafts.NOW, 4);
    }

    private String tokenFor(ServiceRequest request) {
        String link = offers.linkFor(request).orElseThrow();
        assertTrue(link.startsWith("https://site.example/survey/?t="), link);
        return link.substring(link.indexOf("t=") + 2);
    }

    @Test
    void tokens_rejectTamperingAWrongKeyAndGarbage() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        assertTrue(tokens.verify(token).isPresent());
        String tampered = token.replace("MHF5Q2N7", "2345678H");
        assertEquals(Optional.empty(), tokens.verify(tampered));
        assertEquals(Optional.empty(), tokens.verify(token.substring(0, token.length() - 2) + "AA"));
        SurveyTokens other = new SurveyTokens(new KeyedHasher("another-key-another-key-another-key!".getBytes()));
        assertEquals(Optional.empty(), other.verify(token));
        for (String garbage : List.of("", ".", "a.b.c.d", "x".repeat(500), "٠٠٠.٠٠٠")) {
            assertEquals(Optional.empty(), tokens.verify(garbage), garbage);
        }
    }

    @Test
    void oneTapIsACompleteAnswer_andOneFollowUpMayAddDetails() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        assertEquals(Language.AR, surveys.open(token).language());

        surveys.answer(token, Map.of("overall", 4));
        surveys.answer(token, Map.of("overall", 4, "answers", Map.of("speed", 5, "needMet", true), "comment", "شكرًا",
                "anonymous", true));
        SurveyUnavailableException again = assertThrows(SurveyUnavailableException.class,
                () -> surveys.answer(token, Map.of("overall", 4, "answers", Map.of("speed", 1))));
        assertEquals(Reason.ALREADY_ANSWERED, again.reason());
        assertEquals(Reason.ALREADY_ANSWERED, assertThrows(SurveyUnavailableException.class,
                () -> surveys.open(token)).reason());
        assertEquals(Optional.empty(), store.find(tokens.verify(token).orElseThrow().surveyId()).orElseThrow().reference(),
                "an anonymous answer is no longer linked to the request");
    }

    @Test
    void aSecondTapWithAnotherScore_isAlreadyAnswered() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        surveys.answer(token, Map.of("overall", 2));
        assertThrows(SurveyUnavailableException.class, () -> surveys.answer(token, Map.of("overall", 5)));
    }

    @Test
    void concurrentDoubleSubmits_recordExactlyOneAnswer() throws Exception {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        List<Callable<Boolean>> taps = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            taps.add(() -> {
                try {
                    surveys.answer(token, Map.of("overall", 5));
                    return true;
                } catch (SurveyUnavailableException e) {
                    return false;
                }
            });
        }
        int recorded = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> f : pool.invokeAll(taps)) {
                recorded += f.get() ? 1 : 0;
            }
        }
        assertEquals(1, recorded);
        assertEquals(1, store.tallies(java.time.YearMonth.of(2026, 11), java.time.YearMonth.of(2026, 11)).getFirst().responses());
    }

    @Test
    void anExpiredLink_isGone() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        clock.advance(Duration.ofDays(15));
        assertEquals(Reason.EXPIRED, assertThrows(SurveyUnavailableException.class, () -> surveys.open(token)).reason());
        assertEquals(Reason.EXPIRED, assertThrows(SurveyUnavailableException.class,
                () -> surveys.answer(token, Map.of("overall", 3))).reason());
    }

    @Test
    void complaintsAndRecentlySurveyedBeneficiaries_getNoSurvey() {
        assertEquals(Optional.empty(), offers.linkFor(completed("MHF5Q2N7", Category.COMPLAINT, "h1")));
        assertTrue(offers.linkFor(completed("MHF5Q2N7", Category.SERVICE, "h2")).isPresent());
        String otherReference = "2345678H";
        assertEquals(Optional.empty(), offers.linkFor(completed(otherReference, Category.INQUIRY, "h2")),
                "the same beneficiary within the cooldown");
        assertTrue(offers.linkFor(completed("MHF5Q2N7", Category.SERVICE, "h2")).isPresent(),
                "a redelivered completion gets the same survey again");
        clock.advance(Duration.ofDays(31));
        assertTrue(offers.linkFor(completed(otherReference, Category.INQUIRY, "h2")).isPresent());
    }

    @Test
    void answersOutOfRange_areRefusedField() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(), Map.of("overall", 0), Map.of("overall", 6),
                Map.of("overall", "5"), Map.of("overall", 3, "answers", Map.of("speed", 9)),
                Map.of("overall", 3, "answers", Map.of("mood", 3)), Map.of("overall", 3, "comment", "x".repeat(1001)),
                Map.of("overall", 3, "anonymous", "yes"), Map.of("overall", 3, "anonymous", true, "contactConsent", true))) {
            assertThrows(InvalidInputException.class, () -> surveys.answer(token, bad), bad.toString());
        }
    }

    @Test
    void kioskMashing_isRefusedButOneTapCounts() {
        surveys.kioskFeedback("lobby-1", 4);
        surveys.kioskFeedback("lobby-1", 5);
        assertThrows(TooManyAttemptsException.class, () -> surveys.kioskFeedback("lobby-1", 5));
        clock.advance(Duration.ofSeconds(5));
        surveys.kioskFeedback("lobby-1", 3);
        assertThrows(InvalidInputException.class, () -> surveys.kioskFeedback("lobby 1", 3));
        assertThrows(InvalidInputException.class, () -> surveys.kioskFeedback("lobby-1", 7));
        long counted = store.tallies(java.time.YearMonth.of(2026, 11), java.time.YearMonth.of(2026, 11)).stream()
                .mapToLong(SurveyTally::responses).sum();
        assertEquals(3, counted);
    }
}
