package sa.mustafeed.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.complaints.ComplaintHandling;
import sa.mustafeed.core.complaints.ComplaintOutcome;
import sa.mustafeed.core.complaints.HandlingAnswer;
import sa.mustafeed.core.complaints.HandlingRating;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;

/**
 * A complaint's handling as the complainant sees it (the lookup and the rating route): the decision
 * in words, what was done and when, never who recorded it; and whether they rated the handling.
 */
public final class ComplaintAnswers {
    private ComplaintAnswers() {}

    /** The lookup's {@code outcome} and {@code handlingRated}, added to {@code answer}. */
    public static void addTo(Map<String, Object> answer, ComplaintHandling handling) {
        answer.put("outcome", handling.outcome().map(ComplaintAnswers::outcome).orElse(null));
        answer.put("handlingRated", handling.rating().isPresent());
    }

    static Map<String, Object> outcome(ComplaintOutcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", o.result().wireName());
        out.put(
                "resultLabel",
                Map.of("ar", o.result().label().ar(), "en", o.result().label().en()));
        out.put("actionTaken", o.actionTaken());
        out.put("at", o.at().toString());
        return out;
    }

    /** The rating route's answer. */
    public static Map<String, Object> rating(HandlingRating r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", r.answer().wireName());
        out.put("comment", r.comment().orElse(null));
        out.put("at", r.at().toString());
        return out;
    }

    /** The rating's body: {@code answer} (required, one of the three) and an optional {@code comment}. */
    public record RatingBody(HandlingAnswer answer, Optional<String> comment) {}

    /** @throws InvalidInputException {@code required}/{@code invalid_choice} on answer, {@code invalid_type} on comment */
    public static RatingBody ratingBody(Map<String, Object> body) {
        Optional<HandlingAnswer> answer =
                body.get("answer") instanceof String s ? HandlingAnswer.fromWireName(s) : Optional.empty();
        Object comment = body.get("comment");
        java.util.List<FieldError> errors = new java.util.ArrayList<>();
        if (answer.isEmpty()) {
            errors.add(FieldError.of(
                    "answer", body.get("answer") == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_CHOICE));
        }
        if (comment != null && !(comment instanceof String)) {
            errors.add(FieldError.of("comment", ErrorCode.INVALID_TYPE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RatingBody(answer.get(), Optional.ofNullable((String) comment));
    }
}
