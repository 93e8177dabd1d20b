package sa.mustafeed.core.fakes;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.FollowUps;
import sa.mustafeed.core.ports.SurveyFeedback;
import sa.mustafeed.core.ports.SurveyStatistics;
import sa.mustafeed.core.ports.SurveyStore;
import sa.mustafeed.core.recovery.FeedbackFilter;
import sa.mustafeed.core.recovery.FeedbackItem;
import sa.mustafeed.core.recovery.FollowUp;
import sa.mustafeed.core.recovery.FollowUpPlan;
import sa.mustafeed.core.recovery.FollowUpRecord;
import sa.mustafeed.core.recovery.FollowUpTally;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.survey.SurveyAnswer;
import sa.mustafeed.core.survey.SurveyInvitation;
import sa.mustafeed.core.survey.SurveyReach;
import sa.mustafeed.core.survey.SurveyTally;

/**
 * {@link SurveyStore}, {@link SurveyStatistics}, {@link FollowUps} and {@link SurveyFeedback} in
 * memory, with the same conditions, serialised: one store, as in DynamoDB, so a follow-up is created
 * with its answer and the staff side reads what the survey side wrote.
 */
public final class InMemorySurveyStore implements SurveyStore, SurveyStatistics, FollowUps, SurveyFeedback {
    private final Map<String, SurveyInvitation> invitations = new HashMap<>();
    private final Map<String, Instant> lastOffered = new HashMap<>();
    private final Map<String, long[]> tallies = new HashMap<>();
    /** month|channel → {sent, answered}, both on the month the link was sent. */
    private final Map<String, long[]> links = new HashMap<>();

    public final List<SurveyAnswer> answers = new ArrayList<>();

    /** surveyId → follow-up with its record, if any. */
    private final Map<String, Entry> followUps = new HashMap<>();
    /** month → follow-ups created (withdrawn ones taken off). */
    private final Map<YearMonth, Long> created = new HashMap<>();
    /** month → surveyId → working minutes to record. */
    private final Map<YearMonth, Map<String, Long>> recordedMinutes = new HashMap<>();
    /** surveyId → the answer as managers read it. */
    private final Map<String, FeedbackItem> feedback = new HashMap<>();

    @Override
    public synchronized Offer offer(SurveyInvitation invitation, String mobileHash, Instant cooldownStart) {
        if (invitations.containsKey(invitation.surveyId())) {
            return Offer.ALREADY_OFFERED;
        }
        Instant last = lastOffered.get(mobileHash);
        if (last != null && !last.isBefore(cooldownStart)) {
            return Offer.COOLING_DOWN;
        }
        invitations.put(invitation.surveyId(), invitation);
        lastOffered.put(mobileHash, invitation.offeredAt());
        link(invitation)[0]++;
        return Offer.OFFERED;
    }

    @Override
    public synchronized Optional<SurveyInvitation> find(String surveyId) {
        return Optional.ofNullable(invitations.get(surveyId));
    }

    @Override
    public synchronized Recorded recordAnswer(
            SurveyInvitation invitation, SurveyAnswer answer, Instant at, FollowUpPlan followUp) {
        SurveyInvitation current = invitations.get(invitation.surveyId());
        if (current == null || current.answeredAt().isPresent()) {
            return Recorded.ALREADY_ANSWERED;
        }
        invitations.put(
                current.surveyId(),
                new SurveyInvitation(
                        current.surveyId(),
                        answer.anonymous() ? Optional.empty() : current.reference(),
                        current.category(),
                        current.channel(),
                        current.language(),
                        current.offeredAt(),
                        current.expiresAt(),
                        Optional.of(at),
                        Optional.of(answer.overall()),
                        answer.hasDetails()));
        answers.add(answer);
        feedback.put(current.surveyId(), feedbackItem(current, answer, at));
        if (followUp instanceof FollowUpPlan.Create create) {
            create(create.followUp());
        }
        link(current)[1]++;
        count(at, "overall", current.channel(), Optional.of(current.category()), answer.overall());
        answer.scores().forEach((q, v) -> count(at, q, current.channel(), Optional.of(current.category()), v));
        return Recorded.RECORDED;
    }

    @Override
    public synchronized Recorded recordDetails(
            SurveyInvitation invitation, SurveyAnswer answer, Instant at, FollowUpPlan followUp) {
        SurveyInvitation current = invitations.get(invitation.surveyId());
        if (current == null
                || current.answeredAt().isEmpty()
                || current.detailsGiven()
                || !current.overall().equals(Optional.of(answer.overall()))) {
            return Recorded.ALREADY_ANSWERED;
        }
        invitations.put(
                current.surveyId(),
                new SurveyInvitation(
                        current.surveyId(),
                        answer.anonymous() ? Optional.empty() : current.reference(),
                        current.category(),
                        current.channel(),
                        current.language(),
                        current.offeredAt(),
                        current.expiresAt(),
                        current.answeredAt(),
                        current.overall(),
                        true));
        answers.add(answer);
        feedback.put(
                current.surveyId(),
                feedbackItem(current, answer, current.answeredAt().get()));
        switch (followUp) {
            case FollowUpPlan.Create create -> create(create.followUp());
            case FollowUpPlan.Settle settle -> {
                Entry entry = followUps.get(settle.followUp().surveyId());
                if (entry != null && entry.record().isEmpty()) {
                    followUps.put(settle.followUp().surveyId(), new Entry(settle.followUp(), Optional.empty()));
                }
            }
            case FollowUpPlan.Withdraw withdraw -> withdraw(withdraw.followUp());
            case FollowUpPlan.None none -> {}
        }
        answer.scores()
                .forEach((q, v) ->
                        count(current.answeredAt().get(), q, current.channel(), Optional.of(current.category()), v));
        return Recorded.RECORDED;
    }

    @Override
    public synchronized void forget(String surveyId) {
        followUps.remove(surveyId);
        FeedbackItem item = feedback.get(surveyId);
        if (item != null) {
            feedback.put(
                    surveyId,
                    new FeedbackItem(
                            item.answeredAt(),
                            item.overall(),
                            item.channel(),
                            item.category(),
                            Optional.empty(),
                            Optional.empty()));
        }
        SurveyInvitation c = invitations.get(surveyId);
        if (c != null) {
            invitations.put(
                    surveyId,
                    new SurveyInvitation(
                            c.surveyId(),
                            Optional.empty(),
                            c.category(),
                            c.channel(),
                            c.language(),
                            c.offeredAt(),
                            c.expiresAt(),
                            c.answeredAt(),
                            c.overall(),
                            c.detailsGiven()));
        }
    }

    @Override
    public synchronized void recordKioskFeedback(String kioskId, int score, Instant at) {
        count(at, "overall", Channel.KIOSK, Optional.empty(), score);
    }

    private long[] link(SurveyInvitation invitation) {
        return links.computeIfAbsent(
                YearMonth.from(invitation.offeredAt().atZone(ZoneOffset.UTC)) + "|"
                        + invitation.channel().wireName(),
                k -> new long[2]);
    }

    private void count(Instant at, String question, Channel channel, Optional<Category> category, int score) {
        String key = YearMonth.from(at.atZone(ZoneOffset.UTC)) + "|" + question + "|" + channel.wireName() + "|"
                + category.map(Category::wireName).orElse("");
        tallies.computeIfAbsent(key, k -> new long[5])[score - 1]++;
    }

    @Override
    public synchronized List<SurveyTally> tallies(YearMonth first, YearMonth last) {
        List<SurveyTally> out = new ArrayList<>();
        tallies.forEach((key, counts) -> {
            String[] p = key.split("\\|", -1);
            YearMonth month = YearMonth.parse(p[0]);
            if (!month.isBefore(first) && !month.isAfter(last)) {
                out.add(new SurveyTally(
                        month,
                        Channel.fromWireName(p[2]).orElseThrow(),
                        p[3].isEmpty() ? Optional.empty() : Category.fromWireName(p[3]),
                        p[1],
                        counts));
            }
        });
        return out;
    }

    @Override
    public synchronized List<SurveyReach> reach(YearMonth first, YearMonth last) {
        List<SurveyReach> out = new ArrayList<>();
        links.forEach((key, counts) -> {
            String[] p = key.split("\\|", -1);
            YearMonth month = YearMonth.parse(p[0]);
            if (!month.isBefore(first) && !month.isAfter(last)) {
                out.add(new SurveyReach(month, Channel.fromWireName(p[1]).orElseThrow(), counts[0], counts[1]));
            }
        });
        return out;
    }

    private static FeedbackItem feedbackItem(SurveyInvitation invitation, SurveyAnswer answer, Instant at) {
        return new FeedbackItem(
                at,
                answer.overall(),
                invitation.channel(),
                invitation.category(),
                answer.comment(),
                answer.anonymous() ? Optional.empty() : invitation.reference());
    }

    private static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    private void create(FollowUp followUp) {
        if (followUps.putIfAbsent(followUp.surveyId(), new Entry(followUp, Optional.empty())) == null) {
            created.merge(monthOf(followUp.createdAt()), 1L, Long::sum);
        }
    }

    private void withdraw(FollowUp followUp) {
        Entry entry = followUps.get(followUp.surveyId());
        if (entry == null) {
            return;
        }
        followUps.remove(followUp.surveyId());
        if (entry.record().isEmpty()) {
            created.merge(monthOf(followUp.createdAt()), -1L, Long::sum);
        }
        // A recorded call still counts in its month: it happened.
    }

    /** Whether this survey's answer has a follow-up (open or recorded): what tests of anonymity ask. */
    public synchronized boolean hasFollowUp(String surveyId) {
        return followUps.containsKey(surveyId);
    }

    @Override
    public synchronized List<FollowUp> open() {
        return followUps.values().stream()
                .filter(e -> e.record().isEmpty())
                .map(Entry::followUp)
                .sorted(java.util.Comparator.comparing(FollowUp::due)
                        .thenComparing(f -> f.reference().value()))
                .toList();
    }

    @Override
    public synchronized List<Entry> ofRequest(ReferenceCode reference) {
        return followUps.values().stream()
                .filter(e -> e.followUp().reference().equals(reference))
                .sorted(java.util.Comparator.comparing(e -> e.followUp().createdAt()))
                .toList();
    }

    @Override
    public synchronized FollowUps.Recording record(FollowUp followUp, FollowUpRecord record) {
        Entry entry = followUps.get(followUp.surveyId());
        if (entry == null || entry.record().isPresent()) {
            return FollowUps.Recording.ALREADY_RECORDED;
        }
        followUps.put(followUp.surveyId(), new Entry(entry.followUp(), Optional.of(record)));
        recordedMinutes
                .computeIfAbsent(monthOf(entry.followUp().createdAt()), m -> new HashMap<>())
                .put(followUp.surveyId(), record.workingMinutes());
        return FollowUps.Recording.RECORDED;
    }

    @Override
    public synchronized List<FollowUpTally> followUpTallies(YearMonth first, YearMonth last) {
        java.util.Set<YearMonth> months = new java.util.TreeSet<>(created.keySet());
        months.addAll(recordedMinutes.keySet());
        return months.stream()
                .filter(m -> !m.isBefore(first) && !m.isAfter(last))
                .map(m -> new FollowUpTally(
                        m,
                        created.getOrDefault(m, 0L),
                        List.copyOf(recordedMinutes.getOrDefault(m, Map.of()).values())))
                .toList();
    }

    @Override
    public synchronized List<FeedbackItem> answers(FeedbackFilter filter, int limit) {
        return feedback.values().stream()
                .filter(f -> monthOf(f.answeredAt()).equals(filter.month()))
                .filter(filter::matches)
                .sorted(java.util.Comparator.comparing(FeedbackItem::answeredAt).reversed())
                .limit(limit)
                .toList();
    }
}
