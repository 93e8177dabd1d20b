package sa.mustafeed.core.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldErrors;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.KioskNotRegisteredException;
import sa.mustafeed.core.errors.SurveyUnavailableException;
import sa.mustafeed.core.errors.SurveyUnavailableException.Reason;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.ports.FailedAttempts;
import sa.mustafeed.core.ports.KioskRegistry;
import sa.mustafeed.core.ports.SurveyStore;
import sa.mustafeed.core.recovery.FollowUpPolicy;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.validation.Texts;

/**
 * Satisfaction answers: the beneficiary's right and the association's tool for improving the
 * service. One tap is a complete answer; the optional questions may follow once. Links are checked
 * by signature, then against the stored invitation; nothing in an answer reveals which references exist.
 */
public final class SurveyService {
    public static final Map<String, LocalizedText> QUESTIONS;
    public static final LocalizedText NEED_MET = new LocalizedText("هل لُبّيت حاجتك؟", "Was your need met?");
    public static final int COMMENT_MAX = 1000;
    /** A tablet tapped more often than this is being mashed: later taps in the window are not counted. */
    static final Duration KIOSK_WINDOW = Duration.ofSeconds(5);

    static final int KIOSK_TAPS_PER_WINDOW = 2;

    static {
        Map<String, LocalizedText> questions = new LinkedHashMap<>();
        questions.put("speed", new LocalizedText("سرعة إنجاز الخدمة", "Speed of the service"));
        questions.put("courtesy", new LocalizedText("تعامل الموظفين", "Courtesy of the staff"));
        questions.put("clarity", new LocalizedText("وضوح المعلومات", "Clarity of the information"));
        QUESTIONS = java.util.Collections.unmodifiableMap(questions);
    }

    private final SurveyTokens tokens;
    private final SurveyStore store;
    private final FailedAttempts kioskTaps;
    private final KioskRegistry kiosks;
    private final Clock clock;
    private final LocalizedText associationName;
    private final FollowUpPolicy followUps;

    public SurveyService(
            SurveyTokens tokens,
            SurveyStore store,
            FailedAttempts kioskTaps,
            KioskRegistry kiosks,
            Clock clock,
            LocalizedText associationName,
            FollowUpPolicy followUps) {
        this.followUps = followUps;
        this.tokens = tokens;
        this.store = store;
        this.kioskTaps = kioskTaps;
        this.kiosks = kiosks;
        this.clock = clock;
        this.associationName = associationName;
    }

    /** What the survey page shows: no personal data, only the association, the kind of service and the language. */
    public record SurveyView(LocalizedText association, LocalizedText service, Language language, Instant expiresAt) {}

    /** @throws SurveyUnavailableException when the link is unknown or tampered, expired, or already answered */
    public SurveyView open(String token) {
        SurveyInvitation invitation = usable(token);
        if (invitation.answeredAt().isPresent()) {
            throw new SurveyUnavailableException(Reason.ALREADY_ANSWERED);
        }
        Category category = invitation.category();
        return new SurveyView(associationName, category.label(), invitation.language(), invitation.expiresAt());
    }

    /**
     * Records the first answer, or the one addition of details to it, each with what it means for
     * the answer's service-recovery follow-up ({@link FollowUpPolicy}).
     *
     * @throws InvalidInputException when a value is out of range
     * @throws SurveyUnavailableException when the link cannot be answered (again)
     */
    public void answer(String token, SurveyAnswerDraft draft) {
        SurveyAnswer answer = validate(draft);
        SurveyInvitation invitation = usable(token);
        Instant now = clock.instant();
        if (invitation.answeredAt().isEmpty()) {
            if (store.recordAnswer(invitation, answer, now, followUps.forAnswer(invitation, answer, now))
                    == SurveyStore.Recorded.RECORDED) {
                return;
            }
            invitation = store.find(invitation.surveyId())
                    .orElseThrow(() -> new SurveyUnavailableException(Reason.NOT_FOUND));
        }
        boolean addsDetails = answer.hasDetails()
                && !invitation.detailsGiven()
                && invitation.overall().equals(Optional.of(answer.overall()));
        if (!addsDetails
                || store.recordDetails(invitation, answer, now, followUps.forDetails(invitation, answer, now))
                        != SurveyStore.Recorded.RECORDED) {
            throw new SurveyUnavailableException(Reason.ALREADY_ANSWERED);
        }
    }

    /**
     * One face tap at a lobby kiosk; anonymous by construction. Counted only from a registered,
     * active kiosk: the registry is read (one strongly consistent GetItem) before anything is
     * written, so an invented id costs one read and leaves nothing behind, not even a rate counter.
     *
     * @throws KioskNotRegisteredException when no active kiosk has the id (nothing is counted)
     * @throws TooManyAttemptsException when the tablet is being tapped faster than people can leave
     */
    public void kioskFeedback(KioskFeedback tap) {
        FieldErrors errors = new FieldErrors(tap.shapeErrors(), "kioskId", "score");
        String id = tap.kioskId() == null ? null : tap.kioskId().strip();
        if (id == null || id.isEmpty() || !KioskService.isWellFormedId(id)) {
            errors.add("kioskId", id == null || id.isEmpty() ? ErrorCode.REQUIRED : ErrorCode.INVALID_TEXT);
        }
        if (tap.score() == null && errors.readable("score")) {
            errors.add("score", ErrorCode.REQUIRED);
        }
        errors.throwIfAny();
        activeKiosk(id);
        int value = tap.score().value();
        Instant now = clock.instant();
        Instant windowStart =
                Instant.ofEpochSecond(now.getEpochSecond() - now.getEpochSecond() % KIOSK_WINDOW.toSeconds());
        String subject = "kiosk:" + id;
        if (kioskTaps.count(subject, windowStart) >= KIOSK_TAPS_PER_WINDOW) {
            throw new TooManyAttemptsException(Duration.between(now, windowStart.plus(KIOSK_WINDOW)));
        }
        kioskTaps.record(subject, windowStart, windowStart.plus(Duration.ofMinutes(10)));
        store.recordKioskFeedback(id, value, now);
    }

    /**
     * Whether the tablet's page may show the faces: so a tablet nobody registered (or one retired)
     * says so to staff at once instead of thanking visitors for taps that are not counted.
     *
     * @throws KioskNotRegisteredException when no active kiosk has the id
     */
    public void checkKiosk(String kioskId) {
        if (!KioskService.isWellFormedId(kioskId)) {
            throw new KioskNotRegisteredException();
        }
        activeKiosk(kioskId);
    }

    private void activeKiosk(String id) {
        if (kiosks.find(id).filter(Kiosk::active).isEmpty()) {
            throw new KioskNotRegisteredException();
        }
    }

    private SurveyInvitation usable(String token) {
        SurveyTokens.Ticket ticket =
                tokens.verify(token).orElseThrow(() -> new SurveyUnavailableException(Reason.NOT_FOUND));
        SurveyInvitation invitation = store.find(ticket.surveyId())
                .filter(i -> i.reference().isEmpty() || i.reference().get().equals(ticket.reference()))
                .orElseThrow(() -> new SurveyUnavailableException(Reason.NOT_FOUND));
        if (ticket.isExpiredAt(clock.instant())) {
            throw new SurveyUnavailableException(Reason.EXPIRED);
        }
        return invitation;
    }

    /** The rules over what the edge read: an overall score, a clean comment, no contact promised to an anonymous answer. */
    static SurveyAnswer validate(SurveyAnswerDraft draft) {
        FieldErrors errors =
                new FieldErrors(draft.shapeErrors(), "overall", "answers", "comment", "anonymous", "contactConsent");
        if (draft.overall() == null && errors.readable("overall")) {
            errors.add("overall", ErrorCode.REQUIRED);
        }
        Optional<String> comment = Optional.empty();
        if (draft.comment() != null && errors.readable("comment")) {
            String clean = Texts.clean(draft.comment());
            if (Texts.length(clean) > COMMENT_MAX) {
                errors.add("comment", ErrorCode.TOO_LONG);
            } else if (Texts.hasForbiddenCharacters(clean, true)) {
                errors.add("comment", ErrorCode.INVALID_TEXT);
            } else if (!clean.isEmpty()) {
                comment = Optional.of(clean);
            }
        }
        boolean anonymous = Boolean.TRUE.equals(draft.anonymous());
        boolean contact = Boolean.TRUE.equals(draft.contactConsent());
        if (anonymous && contact) {
            // An anonymous answer keeps no link to the request, so nobody could follow it up.
            errors.add("contactConsent", ErrorCode.INVALID_CHOICE);
        }
        errors.throwIfAny();
        Map<String, Integer> scores = new LinkedHashMap<>();
        draft.scores().forEach((question, score) -> scores.put(question, score.value()));
        return new SurveyAnswer(
                draft.overall().value(), scores, Optional.ofNullable(draft.needMet()), comment, anonymous, contact);
    }
}
