package sa.mustafeed.core.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import sa.mustafeed.core.errors.AccessDeniedException;
import sa.mustafeed.core.errors.ComplaintStateException;
import sa.mustafeed.core.errors.ComplaintStateException.Reason;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.Complaints;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.validation.Texts;

/**
 * Complaints handled as complaints (ISO 10002 §8.4–8.6): a manager or the complaint's assignee records
 * the outcome, which is sent to the complainant as a public reply in their language; the complainant
 * then rates the handling from the tracking page, once. Confidentiality ({@link
 * sa.mustafeed.core.staff.Confidentiality}) holds as everywhere: a complaint about staff is opened by
 * managers alone.
 */
public final class ComplaintService {
    public static final int ACTION_MAX = 2000;
    public static final int COMMENT_MAX = 1000;
    /** The reply's wording, with {@code {result}} and {@code {action}}; one source with the site's labels. */
    static final String REPLY_KEY = "complaint.outcome.reply";

    private final CaseService cases;
    private final Complaints complaints;
    private final ComplaintPolicy policy;
    private final Clock clock;

    public ComplaintService(CaseService cases, Complaints complaints, ComplaintPolicy policy, Clock clock) {
        this.cases = cases;
        this.complaints = complaints;
        this.policy = policy;
        this.clock = clock;
    }

    public ComplaintPolicy policy() {
        return policy;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether {@code who} may record this complaint's outcome: a manager, or the employee it is assigned to. */
    public static boolean mayRecordOutcome(CaseFile file, StaffMember who) {
        return file.request().category() == Category.COMPLAINT
                && (who.isManager()
                        || file.assignee().map(a -> a.id().equals(who.id())).orElse(false));
    }

    /**
     * Records the outcome and sends it to the complainant (a public reply: the tracking page shows it,
     * the notifier sends it once by their preferred channel, and nothing to an anonymous one).
     *
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     * @throws AccessDeniedException when {@code me} may not open it, or is neither a manager nor its assignee
     * @throws InvalidInputException {@code only_for_complaints} when it is not a complaint; a missing,
     *     too long or unprintable {@code actionTaken}
     * @throws ComplaintStateException OUTCOME_ALREADY_RECORDED on a second outcome
     */
    public ComplaintOutcome recordOutcome(
            ReferenceCode reference, OutcomeResult result, String actionTaken, StaffMember me) {
        CaseFile file = cases.openFor(reference, me);
        requireComplaint(file.request());
        if (!mayRecordOutcome(file, me)) {
            throw new AccessDeniedException();
        }
        String action = checkText("actionTaken", actionTaken, ACTION_MAX, true).orElseThrow();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceRequest complaint = file.request();
        ComplaintOutcome outcome =
                new ComplaintOutcome(result, action, at, me.id(), me.name(), policy.onTime(complaint, at));
        CaseEvent reply =
                CaseEvent.reply(at, replyText(result, action, complaint.language()), me.name(), complaint.status());
        if (complaints.recordOutcome(complaint, outcome, reply) != Complaints.Recording.RECORDED) {
            throw new ComplaintStateException(Reason.OUTCOME_ALREADY_RECORDED);
        }
        return outcome;
    }

    /** The outcome as the complainant reads it: the decision in words and what was done. */
    static String replyText(OutcomeResult result, String action, Language language) {
        LocalizedText template = Labels.shipped().get(REPLY_KEY);
        LocalizedText words = result.label();
        String text = language == Language.EN ? template.en() : template.ar();
        return text.replace("{result}", language == Language.EN ? words.en() : words.ar())
                .replace("{action}", action);
    }

    /**
     * The complainant's rating, after the lookup's check on the request (reference with the mobile's
     * last digits or the tracking code).
     *
     * @throws InvalidInputException {@code only_for_complaints} when it is not a complaint; a too long
     *     or unprintable {@code comment}
     * @throws ComplaintStateException NO_OUTCOME_YET before an outcome, ALREADY_RATED on a second rating
     */
    public HandlingRating rate(ServiceRequest complaint, HandlingAnswer answer, Optional<String> comment) {
        requireComplaint(complaint);
        Optional<String> clean = comment.flatMap(c -> checkText("comment", c, COMMENT_MAX, false));
        HandlingRating rating =
                new HandlingRating(answer, clean, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return switch (complaints.rate(complaint, rating)) {
            case RECORDED -> rating;
            case NO_OUTCOME -> throw new ComplaintStateException(Reason.NO_OUTCOME_YET);
            case ALREADY_RECORDED -> throw new ComplaintStateException(Reason.ALREADY_RATED);
        };
    }

    /** The outcome and rating of a request (none for anything but a complaint). */
    public ComplaintHandling handling(ServiceRequest request) {
        return request.category() == Category.COMPLAINT
                ? complaints.handling(request.reference())
                : ComplaintHandling.NONE;
    }

    /** Whether this queue row is an overdue complaint without outcome, for the managers' escalated view. */
    public boolean escalated(CaseSummary row) {
        return policy.escalated(row.request(), row.clock(), clock.instant());
    }

    /** The report's complaint figures for complaints submitted in these months. */
    public ComplaintFigures figures(YearMonth first, YearMonth last, long received) {
        return ComplaintFigures.of(complaints.complaintTallies(first, last), received);
    }

    private static void requireComplaint(ServiceRequest request) {
        if (request.category() != Category.COMPLAINT) {
            throw new InvalidInputException(FieldError.of("reference", ErrorCode.ONLY_FOR_COMPLAINTS));
        }
    }

    private static Optional<String> checkText(String field, String text, int max, boolean required) {
        String clean = Texts.clean(text == null ? "" : text);
        if (clean.isEmpty()) {
            if (required) {
                throw new InvalidInputException(FieldError.of(field, ErrorCode.REQUIRED));
            }
            return Optional.empty();
        }
        if (Texts.length(clean) > max) {
            throw new InvalidInputException(FieldError.of(field, ErrorCode.TOO_LONG));
        }
        if (Texts.hasForbiddenCharacters(clean, true)) {
            throw new InvalidInputException(FieldError.of(field, ErrorCode.INVALID_TEXT));
        }
        return Optional.of(clean);
    }
}
