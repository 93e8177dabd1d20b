package sa.mustafeed.core.staff;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.SavedReplies;
import sa.mustafeed.core.validation.Texts;

/**
 * Saved replies: every employee reads them, managers write them (the routes check the role). A
 * reply has both languages because the beneficiary's messages go in their language, whichever
 * console the employee uses.
 */
public final class SavedReplyService {
    /** Filled with the request's reference when the reply is used. */
    public static final String REFERENCE = "{reference}";
    /** Filled with the beneficiary's name when the reply is used. */
    public static final String NAME = "{name}";
    /** Enough for an association's common answers, small enough to read in one query on every request page. */
    public static final int MAX = 100;

    static final int TITLE_MAX = 80;
    /** The same bound as a reply typed by hand (CaseService#NOTE_MAX): a saved reply becomes one. */
    static final int TEXT_MAX = CaseService.NOTE_MAX;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");
    private static final Set<String> PLACEHOLDERS = Set.of(REFERENCE, NAME);

    private final SavedReplies replies;
    private final Clock clock;

    public SavedReplyService(SavedReplies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    /** A manager's draft of a reply, as typed. */
    public record Draft(String titleAr, String titleEn, String textAr, String textEn) {}

    public List<SavedReply> all() {
        return replies.all();
    }

    /**
     * Creates the reply or replaces the one with this id (the console picks a new id for a new one,
     * so repeating the call is harmless).
     *
     * @throws InvalidInputException for a malformed id, a missing, too long or unprintable title or
     *     text, a placeholder other than {@link #REFERENCE} and {@link #NAME}, or a new reply beyond {@link #MAX}
     */
    public SavedReply save(String id, Draft draft, StaffMember by) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException(FieldError.of("id", ErrorCode.INVALID_CHOICE));
        }
        List<FieldError> errors = new ArrayList<>();
        String titleAr = check(errors, "titleAr", draft.titleAr(), TITLE_MAX, false);
        String titleEn = check(errors, "titleEn", draft.titleEn(), TITLE_MAX, false);
        String textAr = check(errors, "textAr", draft.textAr(), TEXT_MAX, true);
        String textEn = check(errors, "textEn", draft.textEn(), TEXT_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (replies.find(id).isEmpty() && replies.all().size() >= MAX) {
            throw new InvalidInputException(FieldError.general(ErrorCode.TOO_MANY_SAVED_REPLIES));
        }
        SavedReply reply = new SavedReply(
                id, titleAr, titleEn, textAr, textEn, clock.instant().truncatedTo(ChronoUnit.MILLIS), by.name());
        replies.save(reply);
        return reply;
    }

    /** Removes the reply; removing one already gone is not an error (the manager's aim is reached). */
    public void delete(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException(FieldError.of("id", ErrorCode.INVALID_CHOICE));
        }
        replies.delete(id);
    }

    private static String check(List<FieldError> errors, String field, String text, int max, boolean lines) {
        String clean = text == null ? "" : Texts.clean(text);
        ErrorCode problem = null;
        if (clean.isEmpty()) {
            problem = ErrorCode.REQUIRED;
        } else if (Texts.length(clean) > max) {
            problem = ErrorCode.TOO_LONG;
        } else if (Texts.hasForbiddenCharacters(clean, lines)) {
            problem = ErrorCode.INVALID_TEXT;
        } else if (lines && hasUnknownPlaceholder(clean)) {
            problem = ErrorCode.UNKNOWN_PLACEHOLDER;
        }
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
        }
        return clean;
    }

    /** A misspelt placeholder would reach the beneficiary as "{refrence}": refuse it while the manager is there. */
    private static boolean hasUnknownPlaceholder(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group())) {
                return true;
            }
        }
        return false;
    }
}
