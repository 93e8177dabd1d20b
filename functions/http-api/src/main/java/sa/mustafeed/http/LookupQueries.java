package sa.mustafeed.http;

import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.request.LookupQuery;
import sa.mustafeed.core.request.UnlockQuery;

/**
 * Reads what a beneficiary typed to follow a request into a {@link LookupQuery}. A reference or
 * digits sent as a JSON number are not text: they are answered {@code invalid_reference} /
 * {@code invalid_mobile_last4}, as a malformed one is (never read as text, which could turn
 * {@code 23456789} into a real reference). An anonymous request's tracking code stands where the
 * digits would.
 */
public final class LookupQueries {
    private LookupQueries() {}

    /** {@code POST /requests/lookup}: reference and digits in the body. */
    public static LookupQuery fromJson(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        String reference = fields.text("reference", ErrorCode.INVALID_REFERENCE);
        String lastFour = fields.text("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4);
        String trackingCode = fields.text("trackingCode", ErrorCode.INVALID_TRACKING_CODE);
        return new LookupQuery(reference, lastFour, trackingCode, fields.shapeErrors());
    }

    /** {@code POST /requests/unlock-code} and {@code /requests/unlock}: the reference, and the code sent by SMS. */
    public static UnlockQuery unlockFromJson(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        String reference = fields.text("reference", ErrorCode.INVALID_REFERENCE);
        String code = fields.text("code", ErrorCode.INVALID_UNLOCK_CODE);
        return new UnlockQuery(reference, code, fields.shapeErrors());
    }

    /** The routes under {@code /requests/{reference}/}: the reference from the path, the digits from the body. */
    public static LookupQuery forRequest(ApiEvent event, Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        String lastFour = fields.text("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4);
        String trackingCode = fields.text("trackingCode", ErrorCode.INVALID_TRACKING_CODE);
        return new LookupQuery(
                event.pathParameter("reference").orElse(""), lastFour, trackingCode, fields.shapeErrors());
    }
}
