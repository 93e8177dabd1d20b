package sa.mustafeed.receipts;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.Receipt;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.Json;

/**
 * Reads one Unifonic delivery report (DLR webhook) into a {@link Receipt}. The fields are the ones
 * Unifonic documents for it (support.unifonic.com, article 205049882, "Can I receive DLR receipt update
 * through a webhook?"): {@code MessageID}, {@code DLR} ("Delivered" or "Undeliverable"), {@code
 * Recipient}, {@code TimeCreated}, {@code SCTS}, {@code DLRTimestamp}, {@code Comments}; as JSON or
 * as a form. Names are matched in any case, and {@code status} stands for {@code DLR}, because
 * Unifonic's newer pages write {@code messageId} and {@code status}.
 *
 * <p>The states beside "Delivered" and "Undeliverable" are those Unifonic's "Understanding SMS
 * Delivery" page and its SMPP DLR codes (article 207744519) list: Undelivered, Rejected, Failed,
 * Expired and Deleted are final failures; Queued, Sent, Enroute, Accepted, Scheduled, Pending and
 * "Delivery not confirmed" are not final, so the leg stays {@code sent}; a state not listed is news of
 * no use, not an error (a 4xx would only make Unifonic send it six more times).
 *
 * <p>{@code Recipient} (a phone number) is never read; the time stamps are written in the account's
 * time zone without saying which, so the receipt is dated when it arrived.
 */
final class UnifonicReports {
    static final String PROVIDER = "unifonic";
    /** A report is a few hundred bytes; 64 KB is room for any provider's additions, not for abuse. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** Anything that looks like a phone number inside a provider's comment. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d\\s-]{5,}\\d");

    private static final Map<String, DeliveryState> FINAL = Map.of(
            "delivered", DeliveryState.DELIVERED,
            "undeliverable", DeliveryState.FAILED,
            "undelivered", DeliveryState.FAILED,
            "rejected", DeliveryState.FAILED,
            "failed", DeliveryState.FAILED,
            "expired", DeliveryState.FAILED,
            "deleted", DeliveryState.FAILED);
    private static final List<String> NOT_FINAL = List.of(
            "queued", "sent", "enroute", "accepted", "scheduled", "pending", "delivery not confirmed", "unknown");

    private UnifonicReports() {}

    /**
     * One report: its message id, the state word as Unifonic wrote it (for the log, only when it is one
     * of the known words), and the receipt when the state is final.
     */
    record Report(String messageId, String knownState, Optional<Receipt> receipt) {}

    /** @throws InvalidInputException 400 for a body without the two fields, 413, or 415 */
    static Report read(ApiEvent event, Instant now) {
        if (event.body().length > MAX_BODY_BYTES) {
            throw new InvalidInputException(FieldError.general(ErrorCode.PAYLOAD_TOO_LARGE));
        }
        Map<String, Object> fields = lowerCaseNames(fields(event));
        List<FieldError> errors = new ArrayList<>();
        String id = text(fields, "MessageID", errors, "messageid", "message_id");
        String state = text(fields, "DLR", errors, "dlr", "status");
        if (id != null && !MESSAGE_ID.matcher(id).matches()) {
            errors.add(FieldError.of("MessageID", ErrorCode.INVALID_TEXT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String word = state.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String known = FINAL.containsKey(word) || NOT_FINAL.contains(word) ? word : "other";
        DeliveryState settled = FINAL.get(word);
        if (settled == null) {
            return new Report(id, known, Optional.empty());
        }
        Optional<String> reason = settled == DeliveryState.FAILED
                ? Optional.of(reason(state, fields.get("comments") instanceof String c ? c : ""))
                : Optional.empty();
        return new Report(id, known, Optional.of(new Receipt(PROVIDER, id, settled, reason, now)));
    }

    /** {@code unifonic: <DLR> <Comments>}, one line, phone-like digit runs masked, at most 200 characters. */
    static String reason(String state, String comments) {
        String text = ("unifonic: " + state.strip() + " " + comments.strip())
                .replaceAll("\\p{Cntrl}", " ")
                .replaceAll("\\s+", " ")
                .strip();
        text = DIGIT_RUN.matcher(text).replaceAll("…");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static Map<String, Object> fields(ApiEvent event) {
        String contentType =
                event.header("content-type").orElse("").toLowerCase(Locale.ROOT).strip();
        String mediaType = contentType.split(";", 2)[0].strip();
        boolean json = mediaType.equals("application/json")
                || mediaType.isEmpty()
                        && new String(event.body(), StandardCharsets.UTF_8)
                                .stripLeading()
                                .startsWith("{");
        if (json) {
            try {
                Map<String, Object> body = Json.readObject(event.body());
                if (body != null) {
                    return body;
                }
            } catch (IOException | RuntimeException malformed) {
                // answered below
            }
            throw new InvalidInputException(FieldError.general(ErrorCode.MALFORMED_JSON));
        }
        if (mediaType.isEmpty() || mediaType.equals("application/x-www-form-urlencoded")) {
            return form(new String(event.body(), StandardCharsets.UTF_8));
        }
        throw new InvalidInputException(FieldError.general(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }

    /** A form body; the first of repeated names wins; a broken %-escape is kept as written, not refused. */
    static Map<String, Object> form(String body) {
        Map<String, Object> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return text.replace('+', ' ');
        }
    }

    private static Map<String, Object> lowerCaseNames(Map<String, Object> fields) {
        Map<String, Object> out = new HashMap<>();
        fields.forEach((name, value) -> out.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return out;
    }

    /**
     * The first of {@code names} present, as text: a string, or a whole number (Unifonic's message ids
     * are numbers in its older API). Absent or blank is {@code required}; another JSON type is
     * {@code invalid_type}, both on {@code field}.
     */
    private static String text(Map<String, Object> fields, String field, List<FieldError> errors, String... names) {
        for (String name : names) {
            Object value = fields.get(name);
            if (value == null) {
                continue;
            }
            if (value instanceof String s && !s.isBlank()) {
                return s.strip();
            }
            if (value instanceof Number n
                    && !(value instanceof Double || value instanceof Float)
                    && n.toString().matches("\\d{1,40}")) {
                return n.toString();
            }
            errors.add(FieldError.of(field, value instanceof String ? ErrorCode.REQUIRED : ErrorCode.INVALID_TYPE));
            return null;
        }
        errors.add(FieldError.of(field, ErrorCode.REQUIRED));
        return null;
    }
}
