package sa.mustafeed.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.errors.AccessDeniedException;
import sa.mustafeed.core.errors.ComplaintStateException;
import sa.mustafeed.core.errors.DocumentNotFoundException;
import sa.mustafeed.core.errors.DocumentNotUploadedException;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.FollowUpUnavailableException;
import sa.mustafeed.core.errors.IdempotencyConflictException;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.KioskNotRegisteredException;
import sa.mustafeed.core.errors.NotSignedInException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.errors.SurveyUnavailableException;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.errors.UnlockCodeRejectedException;
import sa.mustafeed.core.errors.VersionConflictException;

/**
 * Turns a domain exception into the public error shape {@code {"errors":[{field?, code, message{ar,en}}]}}.
 * An exception's own message never reaches the answer: it may name internals.
 */
public final class ErrorAnswers {
    /** Long enough for a throttled table or a restarting emulator to recover, short enough for a kiosk. */
    static final int UNAVAILABLE_RETRY_SECONDS = 5;

    private ErrorAnswers() {}

    public static ApiResponse of(RuntimeException e) {
        return switch (e) {
            case InvalidInputException invalid -> answer(statusFor(invalid.errors()), invalid.errors());
            case IdempotencyConflictException conflict ->
                answer(409, List.of(FieldError.general(ErrorCode.IDEMPOTENCY_KEY_REUSED)));
            case RequestNotFoundException notFound -> answer(404, List.of(FieldError.general(ErrorCode.NOT_FOUND)));
            case UnlockCodeRejectedException rejected ->
                answer(400, List.of(FieldError.of("code", ErrorCode.UNLOCK_CODE_REJECTED)));
            case DocumentNotFoundException noDocument ->
                answer(404, List.of(FieldError.general(ErrorCode.DOCUMENT_NOT_FOUND)));
            case DocumentNotUploadedException notUploaded ->
                answer(409, List.of(FieldError.of("file", ErrorCode.DOCUMENT_NOT_UPLOADED)));
            case SurveyUnavailableException survey ->
                switch (survey.reason()) {
                    case NOT_FOUND -> answer(404, List.of(FieldError.general(ErrorCode.SURVEY_NOT_FOUND)));
                    case EXPIRED -> answer(410, List.of(FieldError.general(ErrorCode.SURVEY_EXPIRED)));
                    case ALREADY_ANSWERED ->
                        answer(409, List.of(FieldError.general(ErrorCode.SURVEY_ALREADY_ANSWERED)));
                };
            case KioskNotRegisteredException unknownKiosk ->
                answer(404, List.of(FieldError.of("kioskId", ErrorCode.KIOSK_NOT_REGISTERED)));
            case VersionConflictException stale -> answer(409, List.of(FieldError.general(ErrorCode.VERSION_CONFLICT)));
            case FollowUpUnavailableException followUp ->
                switch (followUp.reason()) {
                    case NOT_FOUND -> answer(404, List.of(FieldError.general(ErrorCode.FOLLOW_UP_NOT_FOUND)));
                    case ALREADY_RECORDED ->
                        answer(409, List.of(FieldError.general(ErrorCode.FOLLOW_UP_ALREADY_RECORDED)));
                };
            case ComplaintStateException complaint ->
                answer(
                        409,
                        List.of(FieldError.general(
                                switch (complaint.reason()) {
                                    case OUTCOME_ALREADY_RECORDED -> ErrorCode.OUTCOME_ALREADY_RECORDED;
                                    case NO_OUTCOME_YET -> ErrorCode.NO_OUTCOME_YET;
                                    case ALREADY_RATED -> ErrorCode.HANDLING_ALREADY_RATED;
                                })));
            case NotSignedInException anonymous -> answer(401, List.of(FieldError.general(ErrorCode.UNAUTHORIZED)));
            case AccessDeniedException denied -> answer(403, List.of(FieldError.general(ErrorCode.FORBIDDEN)));
            case TooManyAttemptsException tooMany ->
                answer(429, List.of(FieldError.general(ErrorCode.TOO_MANY_ATTEMPTS)))
                        .withHeader("retry-after", Long.toString(roundUpSeconds(tooMany.retryAfter())));
            case StorageUnavailableException unavailable ->
                answer(503, List.of(FieldError.general(ErrorCode.SERVICE_UNAVAILABLE)))
                        .withHeader("retry-after", Integer.toString(UNAVAILABLE_RETRY_SECONDS));
            default -> answer(500, List.of(FieldError.general(ErrorCode.INTERNAL_ERROR)));
        };
    }

    public static ApiResponse answer(int status, List<FieldError> errors) {
        List<Map<String, Object>> items = new ArrayList<>(errors.size());
        for (FieldError error : errors) {
            Map<String, Object> item = new LinkedHashMap<>();
            error.field().ifPresent(f -> item.put("field", f));
            item.put("code", error.code().code());
            item.put(
                    "message",
                    Map.of(
                            "ar",
                            error.code().message().ar(),
                            "en",
                            error.code().message().en()));
            items.add(item);
        }
        return ApiResponse.json(status, Json.write(Map.of("errors", items)));
    }

    private static int statusFor(List<FieldError> errors) {
        for (FieldError error : errors) {
            if (error.code() == ErrorCode.UNSUPPORTED_MEDIA_TYPE) {
                return 415;
            }
            if (error.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
                return 413;
            }
        }
        return 400;
    }

    private static long roundUpSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
