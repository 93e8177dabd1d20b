package sa.mustafeed.core.fakes;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.SurveyStatistics;
import sa.mustafeed.core.ports.SurveyStore;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.survey.SurveyAnswer;
import sa.mustafeed.core.survey.SurveyInvitation;
import sa.mustafeed.core.survey.SurveyReach;
import sa.mustafeed.core.survey.SurveyTally;

/** {@link SurveyStore} and {@link SurveyStatistics} in memory, with the same conditions, serialised. */
public final class InMemorySurveyStore implements SurveyStore, SurveyStatistics {
    private final Map<String, SurveyInvitation> invitations = new HashMap<>();
    private final Map<String, Instant> lastOffered = new HashMap<>();
    private final Map<String, long[]> tallies = new HashMap<>();
    /** month|channel → {sent, answered}, both on the month the link was sent. */
    private final Map<String, long[]> links = new HashMap<>();

    public final List<SurveyAnswer> answers = new ArrayList<>();

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
    public synchronized Recorded recordAnswer(SurveyInvitation invitation, SurveyAnswer answer, Instant at) {
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
        link(current)[1]++;
        count(at, "overall", current.channel(), Optional.of(current.category()), answer.overall());
        answer.scores().forEach((q, v) -> count(at, q, current.channel(), Optional.of(current.category()), v));
        return Recorded.RECORDED;
    }

    @Override
    public synchronized Recorded recordDetails(SurveyInvitation invitation, SurveyAnswer answer, Instant at) {
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
        answer.scores()
                .forEach((q, v) ->
                        count(current.answeredAt().get(), q, current.channel(), Optional.of(current.category()), v));
        return Recorded.RECORDED;
    }

    @Override
    public synchronized void forget(String surveyId) {
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
}
