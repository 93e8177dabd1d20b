package sa.mustafeed.core.errors;

import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * Every reason the system refuses something. The {@link #code()} strings are a stable contract:
 * clients switch on them, so never rename one. The words a person reads are
 * {@code error.<code>} in functions/messages/labels/ ({@link Labels}), where the site reads them too.
 */
public enum ErrorCode {
    REQUIRED("required"),
    INVALID_TYPE("invalid_type"),
    INVALID_CHOICE("invalid_choice"),
    TOO_SHORT("too_short"),
    TOO_LONG("too_long"),
    INVALID_TEXT("invalid_text"),
    INVALID_NAME("invalid_name"),
    INVALID_MOBILE("invalid_mobile"),
    INVALID_EMAIL("invalid_email"),
    EMAIL_REQUIRED_FOR_CONTACT("email_required_for_contact"),
    INVALID_NATIONAL_ID("invalid_national_id"),
    CONSENT_REQUIRED("consent_required"),
    CHANNEL_NOT_ALLOWED("channel_not_allowed"),
    INVALID_REFERENCE("invalid_reference"),
    INVALID_MOBILE_LAST4("invalid_mobile_last4"),
    /** A tracking code that is not six digits (the anonymous twin of the mobile's last four). */
    INVALID_TRACKING_CODE("invalid_tracking_code"),
    /** Only complaints and suggestions may come without a name: a service needs someone to serve. */
    ANONYMOUS_NOT_ALLOWED("anonymous_not_allowed"),
    /** An anonymous request that still carries a way to identify its sender (a name, a mobile…). */
    NOT_WHEN_ANONYMOUS("not_when_anonymous"),
    /** Said of a request that is not a complaint (only a complaint can concern a member of staff). */
    ONLY_FOR_COMPLAINTS("only_for_complaints"),
    /** An unlock code that is not six digits. */
    INVALID_UNLOCK_CODE("invalid_unlock_code"),
    /** The unlock code is not the one sent, has expired, or has had its tries (one answer for all). */
    UNLOCK_CODE_REJECTED("unlock_code_rejected"),
    NOT_FOUND("not_found"),
    TOO_MANY_ATTEMPTS("too_many_attempts"),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused"),
    INVALID_IDEMPOTENCY_KEY("invalid_idempotency_key"),
    MALFORMED_JSON("malformed_json"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
    PAYLOAD_TOO_LARGE("payload_too_large"),
    INVALID_TRANSITION("invalid_transition"),
    VERSION_CONFLICT("version_conflict"),
    INVALID_DATE("invalid_date"),
    /** Staff registering a letter or call gave a received time later than now. */
    RECEIVED_IN_FUTURE("received_in_future"),
    /** Staff gave a received time older than any request may start its clock (a mistyped year). */
    RECEIVED_TOO_LONG_AGO("received_too_long_ago"),
    INVALID_CURSOR("invalid_cursor"),
    UNKNOWN_PLACEHOLDER("unknown_placeholder"),
    TOO_MANY_SAVED_REPLIES("too_many_saved_replies"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    /** The local runner's development endpoints, asked under a name that is not this machine's. */
    LOOPBACK_ONLY("loopback_only"),
    /** A provider's delivery callback without the shared secret it was configured with. */
    WEBHOOK_UNAUTHENTICATED("webhook_unauthenticated"),
    SURVEY_NOT_FOUND("survey_not_found"),
    SURVEY_EXPIRED("survey_expired"),
    SURVEY_ALREADY_ANSWERED("survey_already_answered"),
    TOO_MANY_FEEDBACK("too_many_feedback"),
    /** No open service-recovery follow-up on the request (none, or still held for the answer's details). */
    FOLLOW_UP_NOT_FOUND("follow_up_not_found"),
    FOLLOW_UP_ALREADY_RECORDED("follow_up_already_recorded"),
    /** A kiosk id no manager registered, or whose kiosk was retired: the tap is not counted. */
    KIOSK_NOT_REGISTERED("kiosk_not_registered"),
    TOO_MANY_KIOSKS("too_many_kiosks"),
    /** A complaint's outcome is recorded once: it was sent to the complainant already. */
    OUTCOME_ALREADY_RECORDED("outcome_already_recorded"),
    /** The complaint has no outcome yet, so its handling cannot be rated. */
    NO_OUTCOME_YET("no_outcome_yet"),
    /** The complainant rated the handling already: one rating per complaint. */
    HANDLING_ALREADY_RATED("handling_already_rated"),
    INVALID_DOCUMENT_TYPE("invalid_document_type"),
    DOCUMENT_TOO_LARGE("document_too_large"),
    DOCUMENT_NOT_UPLOADED("document_not_uploaded"),
    /** What arrived is not the size the upload was signed for: cut short, or not what was declared. */
    DOCUMENT_INCOMPLETE("document_incomplete"),
    DOCUMENT_NOT_FOUND("document_not_found"),
    ROUTE_NOT_FOUND("route_not_found"),
    METHOD_NOT_ALLOWED("method_not_allowed"),
    SERVICE_UNAVAILABLE("service_unavailable"),
    INTERNAL_ERROR("internal_error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public LocalizedText message() {
        return Labels.shipped().get(messageKey());
    }

    /** Where {@link #message()} lives in the labels files. */
    public String messageKey() {
        return "error." + code;
    }
}
