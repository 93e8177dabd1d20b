package sa.mustafeed.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.KioskNotRegisteredException;
import sa.mustafeed.core.errors.SurveyUnavailableException;
import sa.mustafeed.core.errors.SurveyUnavailableException.Reason;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemoryKioskRegistry;
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
    private final SurveyOffers offers =
            new SurveyOffers(tokens, store, clock, Duration.ofDays(14), Duration.ofDays(30), "https://site.example/");
    private final InMemoryFailedAttempts kioskTaps = new InMemoryFailedAttempts();
    private final InMemoryKioskRegistry kiosks = new InMemoryKioskRegistry();
    private final SurveyService surveys = new SurveyService(
            tokens,
            store,
            kioskTaps,
            kiosks,
            clock,
            new LocalizedText("جمعية تمكين", "Tamkeen"),
            sa.mustafeed.core.fakes.SampleServiceLevels.FOLLOW_UPS);

    {
        kiosks.add(Kiosk.registered("lobby-1", "Lobby", SampleDrafts.NOW, "هدى"));
    }

    private java.time.Instant windowStart() {
        long now = clock.instant().getEpochSecond();
        return java.time.Instant.ofEpochSecond(now - now % SurveyService.KIOSK_WINDOW.toSeconds());
    }

    private long kioskTapsCounted() {
        return store.tallies(java.time.YearMonth.of(2026, 11), java.time.YearMonth.of(2026, 11)).stream()
                .filter(t -> t.channel() == Channel.KIOSK)
                .mapToLong(SurveyTally::responses)
                .sum();
    }

    private static ServiceRequest completed(String reference, Category category, String mobileHash) {
        return new ServiceRequest(
                new ReferenceCode(reference),
                category,
                Channel.WEB,
                Status.COMPLETED,
                "x",
                "+966501234567",
                mobileHash,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "مكة",
                "d",
                ContactMethod.SMS,
                Language.AR,
                Optional.empty(),
                "v",
                SampleDrafts.NOW,
                SampleDrafts.NOW,
                SampleDrafts.NOW,
                4);
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

        surveys.answer(token, SurveyAnswerDraft.overall(4));
        surveys.answer(
                token,
                new SurveyAnswerDraft(
                        new Score(4), Map.of("speed", new Score(5)), true, "شكرًا", true, null, List.of()));
        SurveyUnavailableException again = assertThrows(
                SurveyUnavailableException.class,
                () -> surveys.answer(
                        token,
                        new SurveyAnswerDraft(
                                new Score(4), Map.of("speed", new Score(1)), null, null, null, null, List.of())));
        assertEquals(Reason.ALREADY_ANSWERED, again.reason());
        assertEquals(
                Reason.ALREADY_ANSWERED,
                assertThrows(SurveyUnavailableException.class, () -> surveys.open(token))
                        .reason());
        assertEquals(
                Optional.empty(),
                store.find(tokens.verify(token).orElseThrow().surveyId())
                        .orElseThrow()
                        .reference(),
                "an anonymous answer is no longer linked to the request");
    }

    @Test
    void aSecondTapWithAnotherScore_isAlreadyAnswered() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        surveys.answer(token, SurveyAnswerDraft.overall(2));
        assertThrows(SurveyUnavailableException.class, () -> surveys.answer(token, SurveyAnswerDraft.overall(5)));
    }

    @Test
    void concurrentDoubleSubmits_recordExactlyOneAnswer() throws Exception {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        List<Callable<Boolean>> taps = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            taps.add(() -> {
                try {
                    surveys.answer(token, SurveyAnswerDraft.overall(5));
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
        assertEquals(
                1,
                store.tallies(java.time.YearMonth.of(2026, 11), java.time.YearMonth.of(2026, 11))
                        .getFirst()
                        .responses());
    }

    @Test
    void anExpiredLink_isGone() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        clock.advance(Duration.ofDays(15));
        assertEquals(
                Reason.EXPIRED,
                assertThrows(SurveyUnavailableException.class, () -> surveys.open(token))
                        .reason());
        assertEquals(
                Reason.EXPIRED,
                assertThrows(
                                SurveyUnavailableException.class,
                                () -> surveys.answer(token, SurveyAnswerDraft.overall(3)))
                        .reason());
    }

    @Test
    void complaintsAndRecentlySurveyedBeneficiaries_getNoSurvey() {
        assertEquals(Optional.empty(), offers.linkFor(completed("MHF5Q2N7", Category.COMPLAINT, "h1")));
        assertTrue(offers.linkFor(completed("MHF5Q2N7", Category.SERVICE, "h2")).isPresent());
        String otherReference = "2345678H";
        assertEquals(
                Optional.empty(),
                offers.linkFor(completed(otherReference, Category.INQUIRY, "h2")),
                "the same beneficiary within the cooldown");
        assertTrue(
                offers.linkFor(completed("MHF5Q2N7", Category.SERVICE, "h2")).isPresent(),
                "a redelivered completion gets the same survey again");
        clock.advance(Duration.ofDays(31));
        assertTrue(offers.linkFor(completed(otherReference, Category.INQUIRY, "h2"))
                .isPresent());
    }

    @Test
    void answersBreakingTheRules_areRefusedField() {
        String token = tokenFor(completed("MHF5Q2N7", Category.SERVICE, "h1"));
        // Off-scale scores, unknown questions and wrong JSON types are refused where the JSON is read
        // (SurveyBodiesTest); what reaches the rules here can still break them.
        Map<SurveyAnswerDraft, List<FieldError>> bad = new LinkedHashMap<>();
        bad.put(
                new SurveyAnswerDraft(null, Map.of(), null, null, null, null, List.of()),
                List.of(FieldError.of("overall", ErrorCode.REQUIRED)));
        bad.put(
                new SurveyAnswerDraft(new Score(3), Map.of(), null, "x".repeat(1001), null, null, List.of()),
                List.of(FieldError.of("comment", ErrorCode.TOO_LONG)));
        bad.put(
                new SurveyAnswerDraft(new Score(3), Map.of(), null, "a\u0000b", null, null, List.of()),
                List.of(FieldError.of("comment", ErrorCode.INVALID_TEXT)));
        bad.put(
                new SurveyAnswerDraft(new Score(3), Map.of(), null, null, true, true, List.of()),
                List.of(FieldError.of("contactConsent", ErrorCode.INVALID_CHOICE)));
        bad.put(
                new SurveyAnswerDraft(
                        new Score(3),
                        Map.of(),
                        null,
                        "x".repeat(1001),
                        null,
                        null,
                        List.of(
                                FieldError.of("anonymous", ErrorCode.INVALID_TYPE),
                                FieldError.of("answers.mood", ErrorCode.INVALID_CHOICE))),
                List.of(
                        FieldError.of("answers.mood", ErrorCode.INVALID_CHOICE),
                        FieldError.of("comment", ErrorCode.TOO_LONG),
                        FieldError.of("anonymous", ErrorCode.INVALID_TYPE)));
        for (var each : bad.entrySet()) {
            assertEquals(
                    each.getValue(),
                    assertThrows(InvalidInputException.class, () -> surveys.answer(token, each.getKey()))
                            .errors(),
                    each.getKey().toString());
        }
        surveys.answer(token, new SurveyAnswerDraft(new Score(3), Map.of(), null, "  ", false, false, List.of()));
    }

    @Test
    void kioskMashing_isRefusedButOneTapCounts() {
        surveys.kioskFeedback(KioskFeedback.of("lobby-1", 4));
        surveys.kioskFeedback(KioskFeedback.of("lobby-1", 5));
        assertThrows(TooManyAttemptsException.class, () -> surveys.kioskFeedback(KioskFeedback.of("lobby-1", 5)));
        clock.advance(Duration.ofSeconds(5));
        surveys.kioskFeedback(KioskFeedback.of("lobby-1", 3));
        assertThrows(InvalidInputException.class, () -> surveys.kioskFeedback(KioskFeedback.of("lobby 1", 3)));
        // An off-scale score (7) is refused where the JSON is read (SurveyBodiesTest): no Score of 7 exists.
        assertEquals(
                List.of(FieldError.of("kioskId", ErrorCode.REQUIRED), FieldError.of("score", ErrorCode.INVALID_CHOICE)),
                assertThrows(
                                InvalidInputException.class,
                                () -> surveys.kioskFeedback(new KioskFeedback(
                                        null, null, List.of(FieldError.of("score", ErrorCode.INVALID_CHOICE)))))
                        .errors());
        assertEquals(
                List.of(FieldError.of("score", ErrorCode.REQUIRED)),
                assertThrows(
                                InvalidInputException.class,
                                () -> surveys.kioskFeedback(new KioskFeedback("lobby-1", null, List.of())))
                        .errors());
        long counted = store.tallies(java.time.YearMonth.of(2026, 11), java.time.YearMonth.of(2026, 11)).stream()
                .mapToLong(SurveyTally::responses)
                .sum();
        assertEquals(3, counted);
    }

    @Test
    void kioskFeedback_fromAnIdNobodyRegistered_isRefused_andNothingIsCountedOrWritten() {
        // GIVEN eight taps from invented ids (what moved overall satisfaction from 1.0 to 0.2)
        surveys.kioskFeedback(KioskFeedback.of("lobby-1", 5));
        for (int i = 0; i < 8; i++) {
            String invented = "lobby-" + (100 + i);
            // WHEN each is sent THEN each is refused
            assertThrows(KioskNotRegisteredException.class, () -> surveys.kioskFeedback(KioskFeedback.of(invented, 1)));
            assertEquals(0, kioskTaps.count("kiosk:" + invented, windowStart()), "no rate counter either");
        }
        // AND only the registered tablet's tap counts, once
        assertEquals(1, kioskTapsCounted());
        assertThrows(KioskNotRegisteredException.class, () -> surveys.checkKiosk("lobby-9"));
        assertThrows(KioskNotRegisteredException.class, () -> surveys.checkKiosk("../lobby-1"));
        surveys.checkKiosk("lobby-1");
    }

    @Test
    void kioskFeedback_fromARetiredKiosk_stopsCounting_whatItCountedStays() {
        surveys.kioskFeedback(KioskFeedback.of("lobby-1", 4));
        kiosks.retire("lobby-1", SampleDrafts.NOW, "هدى");
        clock.advance(Duration.ofSeconds(5));

        assertThrows(KioskNotRegisteredException.class, () -> surveys.kioskFeedback(KioskFeedback.of("lobby-1", 1)));
        assertThrows(KioskNotRegisteredException.class, () -> surveys.checkKiosk("lobby-1"));
        assertEquals(1, kioskTapsCounted());
    }

    @Test
    void kioskFeedback_aMalformedId_isAnInputError_beforeTheRegistryIsRead() {
        assertEquals(
                List.of(FieldError.of("kioskId", ErrorCode.INVALID_TEXT)),
                assertThrows(
                                InvalidInputException.class,
                                () -> surveys.kioskFeedback(KioskFeedback.of("x".repeat(41), 3)))
                        .errors());
        assertEquals(0, kiosks.reads());
    }
}
