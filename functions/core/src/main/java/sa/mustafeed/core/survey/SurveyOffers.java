package sa.mustafeed.core.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.ports.SurveyLinks;
import sa.mustafeed.core.ports.SurveyStore;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.ServiceRequest;

/**
 * Decides whether a completed request gets a survey link, and makes the link. No beneficiary is
 * asked more than once in the cooldown; complaints get no automatic survey (a complaint may be
 * sensitive, and a satisfaction survey can feel careless after one); the link expires.
 */
public final class SurveyOffers implements SurveyLinks {
    private final SurveyTokens tokens;
    private final SurveyStore store;
    private final Clock clock;
    private final Duration validFor;
    private final Duration cooldown;
    private final String siteUrl;

    public SurveyOffers(
            SurveyTokens tokens, SurveyStore store, Clock clock, Duration validFor, Duration cooldown, String siteUrl) {
        this.tokens = tokens;
        this.store = store;
        this.clock = clock;
        this.validFor = validFor;
        this.cooldown = cooldown;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** The survey link for this completed request version, or empty when none should be offered. */
    @Override
    public Optional<String> linkFor(ServiceRequest request) {
        if (request.category() == Category.COMPLAINT || request.anonymous()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String surveyId = tokens.surveyIdFor(request.reference(), request.version());
        Optional<SurveyInvitation> earlier = store.find(surveyId);
        SurveyInvitation invitation = earlier.orElseGet(() -> new SurveyInvitation(
                surveyId,
                Optional.of(request.reference()),
                request.category(),
                request.channel(),
                request.language(),
                now,
                now.plus(validFor),
                Optional.empty(),
                Optional.empty(),
                false));
        if (earlier.isEmpty()
                && store.offer(invitation, request.mobileHash(), now.minus(cooldown))
                        == SurveyStore.Offer.COOLING_DOWN) {
            return Optional.empty();
        }
        String token = tokens.issue(new SurveyTokens.Ticket(surveyId, request.reference(), invitation.expiresAt()));
        return Optional.of(siteUrl + (request.language() == Language.AR ? "" : "/en") + "/survey/?t=" + token);
    }
}
