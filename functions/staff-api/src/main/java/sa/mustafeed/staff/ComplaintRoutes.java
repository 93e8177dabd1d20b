package sa.mustafeed.staff;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.complaints.ComplaintFigures;
import sa.mustafeed.core.complaints.ComplaintHandling;
import sa.mustafeed.core.complaints.ComplaintOutcome;
import sa.mustafeed.core.complaints.ComplaintPolicy;
import sa.mustafeed.core.complaints.ComplaintService;
import sa.mustafeed.core.complaints.HandlingAnswer;
import sa.mustafeed.core.complaints.HandlingRating;
import sa.mustafeed.core.complaints.OutcomeResult;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;

/**
 * Complaints handled as complaints (the rows {@link StaffRoutes} adds): recording the outcome, the
 * complaint's own clock on its rows and page, the managers' escalated view, and the report's
 * complaint figures. Who may record is the domain's rule ({@link ComplaintService#mayRecordOutcome}).
 */
final class ComplaintRoutes {
    private final ComplaintService complaints;

    ComplaintRoutes(ComplaintService complaints) {
        this.complaints = complaints;
    }

    /** {@code POST /staff/requests/{reference}/outcome}: {@code {result, actionTaken}} → 201 and the outcome. */
    ApiResponse recordOutcome(ApiEvent event, StaffMember me) {
        var reference = StaffRequests.reference(event);
        Map<String, Object> body = JsonBodies.object(event);
        List<FieldError> errors = new ArrayList<>();
        Optional<OutcomeResult> result =
                body.get("result") instanceof String s ? OutcomeResult.fromWireName(s) : Optional.empty();
        if (result.isEmpty()) {
            errors.add(FieldError.of(
                    "result", body.get("result") == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_CHOICE));
        }
        Object action = body.get("actionTaken");
        if (action != null && !(action instanceof String)) {
            errors.add(FieldError.of("actionTaken", ErrorCode.INVALID_TYPE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ComplaintOutcome outcome = complaints.recordOutcome(reference, result.get(), (String) action, me);
        Map<String, Object> out = outcome(outcome);
        out.put("reference", reference.display());
        return ApiResponse.json(201, Json.write(out));
    }

    /** The managers' escalated view: the rows of the page past their respond-by time. */
    QueuePage escalatedOnly(QueuePage page) {
        return new QueuePage(page.items().stream().filter(complaints::escalated).toList(), page.nextCursor());
    }

    /** A queue row's complaint clock: {@code respondBy} and {@code escalated} (false for other requests). */
    Map<String, Object> row(Map<String, Object> item, CaseSummary c) {
        item.put("escalated", complaints.escalated(c));
        if (c.request().category() == Category.COMPLAINT) {
            item.put("respondBy", complaints.policy().respondBy(c.request()).toString());
        }
        return item;
    }

    /** The request page's {@code complaint} block (complaints only): clock, outcome, rating, and whether the viewer may record. */
    Map<String, Object> detail(Map<String, Object> page, CaseFile file, StaffMember me) {
        row(page, file.summary());
        if (file.request().category() != Category.COMPLAINT) {
            return page;
        }
        ComplaintPolicy policy = complaints.policy();
        ComplaintHandling handling = complaints.handling(file.request());
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("acknowledgedAt", policy.acknowledgedAt(file.request()).toString());
        block.put("acknowledgeBy", policy.acknowledgeBy(file.request()).toString());
        block.put("respondBy", policy.respondBy(file.request()).toString());
        block.put("respondWorkingDays", policy.respondWorkingDays());
        block.put("escalated", complaints.escalated(file.summary()));
        block.put("mayRecordOutcome", handling.outcome().isEmpty() && ComplaintService.mayRecordOutcome(file, me));
        block.put("outcome", handling.outcome().map(ComplaintRoutes::outcome).orElse(null));
        block.put("rating", handling.rating().map(ComplaintRoutes::rating).orElse(null));
        page.put("complaint", block);
        return page;
    }

    /** The service report's complaint figures; {@code received} is the report's own count of complaints. */
    Map<String, Object> figures(YearMonth first, YearMonth last, long received) {
        ComplaintFigures f = complaints.figures(first, last, received);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("received", f.received());
        Map<String, Object> outcomes = new LinkedHashMap<>();
        f.outcomes().forEach((r, n) -> outcomes.put(r.wireName(), n));
        out.put("outcomes", outcomes);
        out.put("responded", f.responded());
        out.put("respondedOnTime", f.respondedOnTime());
        out.put("onTimeRate", f.onTimeRate().orElse(null));
        out.put("respondWorkingDays", complaints.policy().respondWorkingDays());
        out.put("rated", f.rated());
        out.put(
                "ratings",
                f.ratings()
                        .map(m -> {
                            Map<String, Object> byAnswer = new LinkedHashMap<>();
                            for (HandlingAnswer a : HandlingAnswer.values()) {
                                byAnswer.put(a.wireName(), m.getOrDefault(a, 0L));
                            }
                            return byAnswer;
                        })
                        .orElse(null));
        out.put("satisfiedRate", f.satisfiedRate().orElse(null));
        return out;
    }

    static Map<String, Object> outcome(ComplaintOutcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", o.result().wireName());
        out.put("resultLabel", StaffJson.label(o.result().label()));
        out.put("actionTaken", o.actionTaken());
        out.put("at", o.at().toString());
        out.put("by", o.byName());
        out.put("onTime", o.onTime());
        return out;
    }

    static Map<String, Object> rating(HandlingRating r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", r.answer().wireName());
        out.put("answerLabel", StaffJson.label(r.answer().label()));
        out.put("comment", r.comment().orElse(null));
        out.put("at", r.at().toString());
        return out;
    }

    Instant now() {
        return complaints.now();
    }
}
