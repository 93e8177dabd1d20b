package sa.mustafeed.core.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FollowUpUnavailableException;
import sa.mustafeed.core.errors.FollowUpUnavailableException.Reason;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.survey.Score;
import sa.mustafeed.core.survey.SurveyAnswerDraft;
import sa.mustafeed.core.survey.SurveyOffers;
import sa.mustafeed.core.survey.SurveyService;
import sa.mustafeed.core.survey.SurveyTokens;

/** Survey answers → follow-ups → the employee's call → the report's figures, over the in-memory store. */
class ServiceRecoveryTest {
    /** Wednesday 2026-11-25 11:30 Riyadh. */
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);

    private final InMemorySurveyStore store = new InMemorySurveyStore();
    private final SurveyTokens tokens = new SurveyTokens(SampleDrafts.HASHER);
    private final SurveyOffers offers =
            new SurveyOffers(tokens, store, clock, Duration.ofDays(14), Duration.ofDays(30), "https://site.example/");
    private final SurveyService surveys = new SurveyService(
            tokens,
            store,
            new InMemoryFailedAttempts(),
            new sa.mustafeed.core.fakes.InMemoryKioskRegistry(),
            clock,
            new LocalizedText("جمعية تمكين", "Tamkeen"),
            SampleServiceLevels.FOLLOW_UPS);
    private final FollowUpService followUps = new FollowUpService(store, SampleServiceLevels.FOLLOW_UPS, clock);
    private final StaffMember amal = new StaffMember("u1", "أمل", Role.STAFF);

    private String tokenFor(String reference, String mobileHash) {
        ServiceRequest request = new ServiceRequest(
                new ReferenceCode(reference),
                Category.SERVICE,
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
        String link = offers.linkFor(request).orElseThrow();
        return link.substring(link.indexOf("t=") + 2);
    }

    private static SurveyAnswerDraft details(int overall, String comment, Boolean anonymous, Boolean contact) {
        return new SurveyAnswerDraft(new Score(overall), Map.of(), null, comment, anonymous, contact, List.of());
    }

    @Test
    void aTwoWithContactConsent_isAFollowUpDueInTwoWorkingDays() {
        String token = tokenFor("MHF5Q2N7", "h1");

        surveys.answer(token, SurveyAnswerDraft.overall(2));
        surveys.answer(token, details(2, null, null, true));

        FollowUp followUp = followUps.open().getFirst();
        assertEquals(new ReferenceCode("MHF5Q2N7"), followUp.reference());
        // Wednesday 11:30 + 2 working days: Thursday, then (after the weekend) Sunday 11:30.
        assertEquals(Instant.parse("2026-11-29T08:30:00Z"), followUp.due());
        assertEquals(Set.of(FollowUpReason.LOW_SCORE, FollowUpReason.CONTACT_REQUESTED), followUp.reasons());
        assertEquals(2, followUp.score());
        assertEquals(Channel.WEB, followUp.channel());
    }

    @Test
    void anAnonymousOne_createsNoFollowUp_whetherAnonymityComesWithTheTapOrAfterIt() {
        String atOnce = tokenFor("MHF5Q2N7", "h1");
        String afterwards = tokenFor("K7XW3A47", "h2");

        surveys.answer(atOnce, details(1, "لم يرد أحد", true, null));
        surveys.answer(afterwards, SurveyAnswerDraft.overall(1));
        surveys.answer(afterwards, details(1, "لم يرد أحد", true, null));
        clock.advance(Duration.ofDays(1));

        assertEquals(List.of(), followUps.open());
        assertEquals(List.of(), store.ofRequest(new ReferenceCode("MHF5Q2N7")));
        assertEquals(List.of(), store.ofRequest(new ReferenceCode("K7XW3A47")));
        assertEquals(
                0,
                followUps
                        .figures(YearMonth.of(2026, 11), YearMonth.of(2026, 11))
                        .created());
    }

    @Test
    void aLowTapAlone_isHeldForItsDetails_thenListed() {
        String token = tokenFor("MHF5Q2N7", "h1");
        surveys.answer(token, SurveyAnswerDraft.overall(1));

        assertEquals(List.of(), followUps.open());
        assertEquals(
                Reason.NOT_FOUND,
                assertThrows(
                                FollowUpUnavailableException.class,
                                () -> followUps.record(
                                        new ReferenceCode("MHF5Q2N7"),
                                        FollowUpOutcome.NOT_REACHED,
                                        Optional.empty(),
                                        amal))
                        .reason());
        clock.advance(FollowUp.HOLD);
        assertEquals(
                Set.of(FollowUpReason.LOW_SCORE), followUps.open().getFirst().reasons());
    }

    @Test
    void aHappyAnswer_withoutCommentOrConsent_createsNone_aCommentDoes() {
        String quiet = tokenFor("MHF5Q2N7", "h1");
        String commented = tokenFor("K7XW3A47", "h2");

        surveys.answer(quiet, SurveyAnswerDraft.overall(5));
        surveys.answer(commented, SurveyAnswerDraft.overall(4));
        surveys.answer(commented, details(4, "الموظفة كانت لطيفة", false, false));

        assertEquals(
                List.of(new ReferenceCode("K7XW3A47")),
                followUps.open().stream().map(FollowUp::reference).toList());
        assertEquals(Set.of(FollowUpReason.COMMENT), followUps.open().getFirst().reasons());
    }

    @Test
    void recordingTheCall_takesItOffTheList_aSecondRecordIsRefused_andAnUnknownOneNotFound() {
        String token = tokenFor("MHF5Q2N7", "h1");
        surveys.answer(token, details(2, null, null, true));
        clock.advance(Duration.ofHours(3));

        FollowUpRecord record = followUps.record(
                new ReferenceCode("MHF5Q2N7"),
                FollowUpOutcome.REACHED_RESOLVED,
                Optional.of("  اعتذرنا، وأعدنا الموعد  "),
                amal);

        assertEquals("اعتذرنا، وأعدنا الموعد", record.note());
        assertEquals(180, record.workingMinutes());
        assertEquals(List.of(), followUps.open());
        assertEquals(
                Reason.ALREADY_RECORDED,
                assertThrows(
                                FollowUpUnavailableException.class,
                                () -> followUps.record(
                                        new ReferenceCode("MHF5Q2N7"),
                                        FollowUpOutcome.NOT_REACHED,
                                        Optional.empty(),
                                        amal))
                        .reason());
        assertEquals(
                Reason.NOT_FOUND,
                assertThrows(
                                FollowUpUnavailableException.class,
                                () -> followUps.record(
                                        new ReferenceCode("K7XW3A47"),
                                        FollowUpOutcome.NOT_REACHED,
                                        Optional.empty(),
                                        amal))
                        .reason());
    }

    @Test
    void aNoteTooLong_isRefused_andNothingIsRecorded() {
        surveys.answer(tokenFor("MHF5Q2N7", "h1"), details(2, null, null, true));
        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> followUps.record(
                        new ReferenceCode("MHF5Q2N7"),
                        FollowUpOutcome.REACHED_RESOLVED,
                        Optional.of("م".repeat(FollowUpService.NOTE_MAX + 1)),
                        amal));
        assertEquals(ErrorCode.TOO_LONG, refused.errors().getFirst().code());
        assertEquals(1, followUps.open().size());
    }

    @Test
    void theReport_hasTheFollowUpRate_andTheMedianWorkingHours() {
        surveys.answer(tokenFor("MHF5Q2N7", "h1"), details(2, null, null, true));
        surveys.answer(tokenFor("K7XW3A47", "h2"), details(1, "تأخرتم", false, false));
        surveys.answer(tokenFor("PQ3RS4T4", "h3"), details(5, null, false, true));
        clock.advance(Duration.ofHours(1));
        followUps.record(new ReferenceCode("MHF5Q2N7"), FollowUpOutcome.REACHED_RESOLVED, Optional.empty(), amal);
        // Wednesday 12:30 → Sunday 11:30 Riyadh: 3.5 working hours Wednesday, 8 Thursday, 3.5 Sunday.
        clock.advance(Duration.ofDays(4).minusHours(1));
        followUps.record(new ReferenceCode("K7XW3A47"), FollowUpOutcome.NOT_REACHED, Optional.empty(), amal);

        FollowUpFigures figures = followUps.figures(YearMonth.of(2026, 11), YearMonth.of(2026, 11));

        assertEquals(3, figures.created());
        assertEquals(2, figures.recorded());
        assertEquals(Optional.of(2.0 / 3), figures.rate());
        // Median of 1 and 16 working hours.
        assertEquals(Optional.of(8.5), figures.medianWorkingHours());
        FollowUp third = followUps.open().getFirst();
        assertEquals(clock.instant(), third.due());
        assertFalse(third.overdueAt(clock.instant()));
        assertTrue(third.overdueAt(clock.instant().plusSeconds(60)));
    }
}
