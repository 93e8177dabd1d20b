package sa.mustafeed.staff;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.SurveyFeedback;
import sa.mustafeed.core.recovery.FeedbackFilter;
import sa.mustafeed.core.recovery.FeedbackItem;
import sa.mustafeed.core.recovery.FollowUp;
import sa.mustafeed.core.recovery.FollowUpFigures;
import sa.mustafeed.core.recovery.FollowUpOutcome;
import sa.mustafeed.core.recovery.FollowUpReason;
import sa.mustafeed.core.recovery.FollowUpRecord;
import sa.mustafeed.core.recovery.FollowUpService;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;

/**
 * Service recovery's staff routes (the rows {@link StaffRoutes} adds): the follow-up view of the queue
 * and the record of a call, for every employee; the feedback view of survey comments, for managers.
 * Follow-ups carry why and the score, never the comment: comments are for managers only.
 */
final class RecoveryRoutes {
    /** A month's comments for one reading; the filters narrow a busier month. */
    static final int FEEDBACK_LIMIT = 200;

    private final FollowUpService followUps;
    private final SurveyFeedback feedback;

    RecoveryRoutes(FollowUpService followUps, SurveyFeedback feedback) {
        this.followUps = followUps;
        this.feedback = feedback;
    }

    /** {@code GET /staff/follow-ups}: open follow-ups, due first. */
    ApiResponse open(ApiEvent event, StaffMember me) {
        Instant now = followUps.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", followUps.open().stream().map(f -> followUp(f, now)).toList());
        body.put("workingDays", followUps.workingDays());
        return ok(body);
    }

    /** {@code POST /staff/follow-ups/{reference}}: the call's outcome and a note. */
    ApiResponse record(ApiEvent event, StaffMember me) {
        ReferenceCode reference = StaffRequests.reference(event);
        Map<String, Object> body = JsonBodies.object(event);
        List<FieldError> errors = new ArrayList<>();
        Optional<FollowUpOutcome> outcome =
                body.get("outcome") instanceof String s ? FollowUpOutcome.fromWireName(s) : Optional.empty();
        if (outcome.isEmpty()) {
            errors.add(FieldError.of(
                    "outcome", body.get("outcome") == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_CHOICE));
        }
        Object note = body.get("note");
        if (note != null && !(note instanceof String)) {
            errors.add(FieldError.of("note", ErrorCode.INVALID_TYPE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FollowUpRecord record = followUps.record(reference, outcome.get(), Optional.ofNullable((String) note), me);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reference", reference.display());
        out.put("outcome", record.outcome().wireName());
        out.put("note", record.note());
        out.put("recordedAt", record.at().toString());
        out.put("recordedBy", record.byName());
        out.put("workingMinutes", record.workingMinutes());
        return ok(out);
    }

    /** {@code GET /staff/feedback?month=&score=&hasComment=}: survey answers of a month, newest first. */
    ApiResponse feedback(ApiEvent event, StaffMember me) {
        YearMonth month =
                StaffRequests.month(event, YearMonth.from(followUps.now().atZone(ZoneOffset.UTC)));
        List<FieldError> errors = new ArrayList<>();
        Optional<Integer> score = event.query("score").map(raw -> switch (raw) {
            case "1", "2", "3", "4", "5" -> Integer.parseInt(raw);
            default -> {
                errors.add(FieldError.of("score", ErrorCode.INVALID_CHOICE));
                yield 0;
            }
        });
        Optional<Boolean> hasComment = event.query("hasComment").map(raw -> switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(FieldError.of("hasComment", ErrorCode.INVALID_CHOICE));
                yield false;
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FeedbackFilter filter = new FeedbackFilter(month, score, hasComment);
        List<FeedbackItem> items = feedback.answers(filter, FEEDBACK_LIMIT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", month.toString());
        body.put("items", items.stream().map(RecoveryRoutes::feedbackItem).toList());
        body.put("limit", FEEDBACK_LIMIT);
        return ok(body);
    }

    /** The report's follow-up figures for the months the satisfaction report covers. */
    Map<String, Object> figures(YearMonth first, YearMonth last) {
        FollowUpFigures figures = followUps.figures(first, last);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", figures.created());
        out.put("recorded", figures.recorded());
        out.put("rate", figures.rate().orElse(null));
        // Working hours, as the service clocks count them: the weekend is not "late".
        out.put("medianWorkingHours", figures.medianWorkingHours().orElse(null));
        return out;
    }

    private static Map<String, Object> followUp(FollowUp f, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reference", f.reference().display());
        row.put("due", f.due().toString());
        row.put("overdue", f.overdueAt(now));
        row.put("createdAt", f.createdAt().toString());
        row.put(
                "reasons",
                f.reasons().stream().sorted().map(FollowUpReason::wireName).toList());
        row.put("score", f.score());
        row.put("channel", f.channel().wireName());
        row.put("category", f.category().wireName());
        return row;
    }

    private static Map<String, Object> feedbackItem(FeedbackItem item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("answeredAt", item.answeredAt().toString());
        row.put("overall", item.overall());
        row.put("channel", item.channel().wireName());
        row.put("category", item.category().wireName());
        row.put("comment", item.comment().orElse(null));
        // Absent for an anonymous answer: the store never kept it.
        row.put("reference", item.reference().map(ReferenceCode::display).orElse(null));
        return row;
    }

    private static ApiResponse ok(Map<String, Object> body) {
        return ApiResponse.json(200, Json.write(body));
    }
}
