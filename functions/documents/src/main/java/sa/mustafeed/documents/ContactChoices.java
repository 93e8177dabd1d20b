package sa.mustafeed.documents;

import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.request.ContactChoice;
import sa.mustafeed.http.JsonFields;

/**
 * Reads {@code {"preferredContact"}} into a {@link ContactChoice}: a choice that is not text is
 * {@code invalid_type}, as on {@code POST /requests}; which texts are choices is core's to say.
 */
final class ContactChoices {
    private ContactChoices() {}

    static ContactChoice fromJson(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        String choice = fields.text("preferredContact", ErrorCode.INVALID_TYPE);
        return new ContactChoice(choice, fields.shapeErrors());
    }
}
