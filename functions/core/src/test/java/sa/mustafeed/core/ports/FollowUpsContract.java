package sa.mustafeed.core.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.recovery.FeedbackFilter;
import sa.mustafeed.core.recovery.FeedbackItem;
import sa.mustafeed.core.recovery.FollowUp;
import sa.mustafeed.core.recovery.FollowUpOutcome;
import sa.mustafeed.core.recovery.FollowUpPlan;
import sa.mustafeed.core.recovery.FollowUpReason;
import sa.mustafeed.core.recovery.FollowUpRecord;
import sa.mustafeed.core.recovery.FollowUpTally;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.survey.SurveyAnswer;
import sa.mustafeed.core.survey.SurveyInvitation;

/**
 * The promises of {@link FollowUps} and {@link SurveyFeedback}, with the survey store that creates
 * follow-ups in the answer's transaction. The in-memory fake and the DynamoDB adapter both run them.
 */
public abstract class FollowUpsContract {
    /** A store holding surveys, follow-ups and answers together, as the table does. */
    public record Stores(SurveyStore surveys, FollowUps followUps, SurveyFeedback feedback) {}

    protected abstract Stores emptyStores() throws Exception;

    private static final Instant OFFERED = Instant.parse("2026-11-22T07:00:00Z");
    private static final Instant TAPPED = Instant.parse("2026-11-23T07:00:00Z");

    private Stores stores;

    @BeforeEach
    void setUp() throws Exception {
        stores = emptyStores();
    }

    private SurveyInvitation offered(String surveyId, String reference) {
        SurveyInvitation invitation = new SurveyInvitation(
                surveyId,
                Optional.of(new ReferenceCode(reference)),
                Category.SERVICE,
                Channel.WEB,
                Language.AR,
                OFFERED,
                OFFERED.plus(Duration.ofDays(14)),
                Optional.empty(),
                Optional.empty(),
                false);
        assertEquals(SurveyStore.Offer.OFFERED, stores.surveys().offer(invitation, "hash-" + surveyId, OFFERED));
        return invitation;
    }

    private SurveyInvitation answered(SurveyInvitation offered, int overall) {
        return stores.surveys().find(offered.surveyId()).orElseThrow();
    }

    private static SurveyAnswer tap(int overall) {
        return new SurveyAnswer(overall, Map.of(), Optional.empty(), Optional.empty(), false, false);
    }

    private static SurveyAnswer details(int overall, Optional<String> comment, boolean anonymous, boolean contact) {
        return new SurveyAnswer(overall, Map.of(), Optional.empty(), comment, anonymous, contact);
    }

    private static FollowUp followUp(SurveyInvitation invitation, int score, Instant at, Instant due, boolean settled) {
        return new FollowUp(
                invitation.reference().orElseThrow(),
                invitation.surveyId(),
                Set.of(FollowUpReason.LOW_SCORE),
                score,
                invitation.channel(),
                invitation.category(),
                at,
                due,
                settled);
    }

    private static FollowUpRecord called(Instant at, long minutes) {
        return new FollowUpRecord(FollowUpOutcome.REACHED_RESOLVED, "اعتذرنا وحُلّت", "u1", "أمل", at, minutes);
    }

    @Test
    void anAnswerWithAFollowUp_listsItOpen_dueFirst_andFindsItByReference() {
        SurveyInvitation late = offered("s-late", "MHF5Q2N7");
        SurveyInvitation early = offered("s-early", "K7XW3A47");
        FollowUp lateOne = followUp(late, 2, TAPPED, TAPPED.plus(Duration.ofDays(3)), true);
        FollowUp earlyOne = followUp(early, 1, TAPPED, TAPPED.plus(Duration.ofDays(2)), true);
        stores.surveys().recordAnswer(late, tap(2), TAPPED, new FollowUpPlan.Create(lateOne));
        stores.surveys().recordAnswer(early, tap(1), TAPPED, new FollowUpPlan.Create(earlyOne));

        assertEquals(List.of(earlyOne, lateOne), stores.followUps().open());
        assertEquals(
                List.of(new FollowUps.Entry(lateOne, Optional.empty())),
                stores.followUps().ofRequest(new ReferenceCode("MHF5Q2N7")));
        assertEquals(List.of(), stores.followUps().ofRequest(new ReferenceCode("PQ3RS4T4")));
    }

    @Test
    void aRefusedAnswer_createsNoSecondFollowUp() {
        SurveyInvitation invitation = offered("s1", "MHF5Q2N7");
        FollowUp one = followUp(invitation, 2, TAPPED, TAPPED.plus(Duration.ofDays(2)), false);
        assertEquals(
                SurveyStore.Recorded.RECORDED,
                stores.surveys().recordAnswer(invitation, tap(2), TAPPED, new FollowUpPlan.Create(one)));
        assertEquals(
                SurveyStore.Recorded.ALREADY_ANSWERED,
                stores.surveys().recordAnswer(invitation, tap(2), TAPPED, new FollowUpPlan.Create(one)));

        assertEquals(1, stores.followUps().open().size());
        assertEquals(1, created(YearMonth.of(2026, 11)));
    }

    @Test
    void recordingACall_takesItOffTheOpenList_once_andCountsItInItsMonth() {
        SurveyInvitation invitation = offered("s1", "MHF5Q2N7");
        FollowUp one = followUp(invitation, 2, TAPPED, TAPPED.plus(Duration.ofDays(2)), true);
        stores.surveys().recordAnswer(invitation, tap(2), TAPPED, new FollowUpPlan.Create(one));
        FollowUpRecord record = called(TAPPED.plus(Duration.ofHours(3)), 180);

        assertEquals(FollowUps.Recording.RECORDED, stores.followUps().record(one, record));
        assertEquals(
                FollowUps.Recording.ALREADY_RECORDED,
                stores.followUps().record(one, called(TAPPED.plus(Duration.ofHours(4)), 240)));

        assertEquals(List.of(), stores.followUps().open());
        assertEquals(
                List.of(new FollowUps.Entry(one, Optional.of(record))),
                stores.followUps().ofRequest(new ReferenceCode("MHF5Q2N7")));
        assertEquals(
                List.of(new FollowUpTally(YearMonth.of(2026, 11), 1, List.of(180L))),
                stores.followUps().followUpTallies(YearMonth.of(2026, 10), YearMonth.of(2026, 12)));
        assertEquals(List.of(), stores.followUps().followUpTallies(YearMonth.of(2026, 12), YearMonth.of(2027, 1)));
    }

    @Test
    void detailsSayingAnonymous_withdrawTheTapsFollowUp_andTakeItOffTheCount() {
        SurveyInvitation invitation = offered("s1", "MHF5Q2N7");
        FollowUp one = followUp(invitation, 1, TAPPED, TAPPED.plus(Duration.ofDays(2)), false);
        stores.surveys().recordAnswer(invitation, tap(1), TAPPED, new FollowUpPlan.Create(one));

        assertEquals(
                SurveyStore.Recorded.RECORDED,
                stores.surveys()
                        .recordDetails(
                                answered(invitation, 1),
                                details(1, Optional.of("انتظرت طويلًا"), true, false),
                                TAPPED.plusSeconds(40),
                                new FollowUpPlan.Withdraw(one)));

        assertEquals(List.of(), stores.followUps().open());
        assertEquals(List.of(), stores.followUps().ofRequest(new ReferenceCode("MHF5Q2N7")));
        assertEquals(0, created(YearMonth.of(2026, 11)));
        FeedbackItem item = stores.feedback()
                .answers(new FeedbackFilter(YearMonth.of(2026, 11), Optional.empty(), Optional.empty()), 10)
                .getFirst();
        assertEquals(Optional.empty(), item.reference());
        assertEquals(Optional.of("انتظرت طويلًا"), item.comment());
    }

    @Test
    void withdrawingARecordedFollowUp_takesItFromTheRequest_andKeepsItCounted() {
        SurveyInvitation invitation = offered("s1", "MHF5Q2N7");
        FollowUp one = followUp(invitation, 1, TAPPED, TAPPED.plus(Duration.ofDays(2)), false);
        stores.surveys().recordAnswer(invitation, tap(1), TAPPED, new FollowUpPlan.Create(one));
        stores.followUps().record(one, called(TAPPED.plus(Duration.ofHours(1)), 60));

        assertEquals(
                SurveyStore.Recorded.RECORDED,
                stores.surveys()
                        .recordDetails(
                                answered(invitation, 1),
                                details(1, Optional.empty(), true, false),
                                TAPPED.plus(Duration.ofHours(2)),
                                new FollowUpPlan.Withdraw(one)));

        assertEquals(List.of(), stores.followUps().ofRequest(new ReferenceCode("MHF5Q2N7")));
        assertTrue(stores.surveys().find("s1").orElseThrow().reference().isEmpty());
        assertEquals(
                List.of(new FollowUpTally(YearMonth.of(2026, 11), 1, List.of(60L))),
                stores.followUps().followUpTallies(YearMonth.of(2026, 11), YearMonth.of(2026, 11)));
    }

    @Test
    void settlingDetails_updateTheOpenFollowUp_andLeaveARecordedOneRecorded() {
        SurveyInvitation invitation = offered("s1", "MHF5Q2N7");
        FollowUp held = followUp(invitation, 2, TAPPED, TAPPED.plus(Duration.ofDays(2)), false);
        stores.surveys().recordAnswer(invitation, tap(2), TAPPED, new FollowUpPlan.Create(held));
        FollowUp settled = held.settledWith(Set.of(FollowUpReason.LOW_SCORE, FollowUpReason.CONTACT_REQUESTED));

        stores.surveys()
                .recordDetails(
                        answered(invitation, 2),
                        details(2, Optional.empty(), false, true),
                        TAPPED.plusSeconds(30),
                        new FollowUpPlan.Settle(settled));

        assertEquals(List.of(settled), stores.followUps().open());
        assertEquals(1, created(YearMonth.of(2026, 11)));
    }

    @Test
    void detailsOfAHappyTap_mayCreateTheFollowUp() {
        SurveyInvitation invitation = offered("s1", "MHF5Q2N7");
        stores.surveys().recordAnswer(invitation, tap(4), TAPPED, FollowUpPlan.NONE);
        assertEquals(List.of(), stores.followUps().open());
        FollowUp asked = new FollowUp(
                invitation.reference().orElseThrow(),
                "s1",
                Set.of(FollowUpReason.COMMENT, FollowUpReason.CONTACT_REQUESTED),
                4,
                Channel.WEB,
                Category.SERVICE,
                TAPPED.plusSeconds(50),
                TAPPED.plus(Duration.ofDays(2)),
                true);

        stores.surveys()
                .recordDetails(
                        answered(invitation, 4),
                        details(4, Optional.of("اتصلوا بي"), false, true),
                        TAPPED.plusSeconds(50),
                        new FollowUpPlan.Create(asked));

        assertEquals(List.of(asked), stores.followUps().open());
    }

    @Test
    void erasure_removesTheFollowUps_openAndRecorded_andKeepsTheCounts() {
        SurveyInvitation open = offered("s-open", "MHF5Q2N7");
        SurveyInvitation done = offered("s-done", "K7XW3A47");
        FollowUp openOne = followUp(open, 1, TAPPED, TAPPED.plus(Duration.ofDays(2)), true);
        FollowUp doneOne = followUp(done, 2, TAPPED, TAPPED.plus(Duration.ofDays(2)), true);
        stores.surveys().recordAnswer(open, tap(1), TAPPED, new FollowUpPlan.Create(openOne));
        stores.surveys().recordAnswer(done, tap(2), TAPPED, new FollowUpPlan.Create(doneOne));
        stores.followUps().record(doneOne, called(TAPPED.plus(Duration.ofHours(1)), 60));

        stores.surveys().forget("s-open");
        stores.surveys().forget("s-done");

        assertEquals(List.of(), stores.followUps().open());
        assertEquals(List.of(), stores.followUps().ofRequest(new ReferenceCode("MHF5Q2N7")));
        assertEquals(List.of(), stores.followUps().ofRequest(new ReferenceCode("K7XW3A47")));
        assertEquals(
                List.of(new FollowUpTally(YearMonth.of(2026, 11), 2, List.of(60L))),
                stores.followUps().followUpTallies(YearMonth.of(2026, 11), YearMonth.of(2026, 11)));
    }

    @Test
    void feedback_filtersByMonthScoreAndComment_newestFirst() {
        SurveyInvitation a = offered("s-a", "MHF5Q2N7");
        SurveyInvitation b = offered("s-b", "K7XW3A47");
        SurveyInvitation c = offered("s-c", "PQ3RS4T4");
        stores.surveys().recordAnswer(a, details(2, Optional.of("بطيء"), false, false), TAPPED, FollowUpPlan.NONE);
        stores.surveys().recordAnswer(b, tap(5), TAPPED.plusSeconds(60), FollowUpPlan.NONE);
        stores.surveys()
                .recordAnswer(
                        c, details(5, Optional.of("ممتاز"), false, false), TAPPED.plusSeconds(120), FollowUpPlan.NONE);
        YearMonth november = YearMonth.of(2026, 11);

        List<FeedbackItem> all =
                stores.feedback().answers(new FeedbackFilter(november, Optional.empty(), Optional.empty()), 10);
        assertEquals(List.of(5, 5, 2), all.stream().map(FeedbackItem::overall).toList());
        List<FeedbackItem> commented =
                stores.feedback().answers(new FeedbackFilter(november, Optional.of(2), Optional.of(true)), 10);
        assertEquals(1, commented.size());
        assertEquals(
                Optional.of(new ReferenceCode("MHF5Q2N7")), commented.getFirst().reference());
        assertEquals(Optional.of("بطيء"), commented.getFirst().comment());
        assertEquals(
                1,
                stores.feedback()
                        .answers(new FeedbackFilter(november, Optional.empty(), Optional.of(false)), 10)
                        .size());
        assertEquals(
                List.of(),
                stores.feedback()
                        .answers(new FeedbackFilter(YearMonth.of(2026, 12), Optional.empty(), Optional.empty()), 10));
        assertEquals(
                2,
                stores.feedback()
                        .answers(new FeedbackFilter(november, Optional.empty(), Optional.empty()), 2)
                        .size());
    }

    private long created(YearMonth month) {
        return stores.followUps().followUpTallies(month, month).stream()
                .mapToLong(FollowUpTally::created)
                .sum();
    }
}
