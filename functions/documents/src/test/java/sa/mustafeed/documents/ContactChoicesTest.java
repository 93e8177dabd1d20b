package sa.mustafeed.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.request.ContactChoice;
import sa.mustafeed.http.Json;

class ContactChoicesTest {

    private static ContactChoice read(String json) throws Exception {
        return ContactChoices.fromJson(Json.readObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fromJson_readsTheChoiceAsTyped() throws Exception {
        assertEquals(
                ContactChoice.of("whatsapp"), read("{\"mobileLast4\":\"4567\",\"preferredContact\":\"whatsapp\"}"));
        // Unknown words are core's to refuse: the parser only reads text.
        assertEquals(ContactChoice.of("telegram"), read("{\"preferredContact\":\"telegram\"}"));
        assertEquals(ContactChoice.of(null), read("{\"mobileLast4\":\"4567\"}"));
    }

    @Test
    void fromJson_notesAChoiceThatIsNotText_andReadsItAsAbsent() throws Exception {
        for (String value : List.of("1", "true", "[\"sms\"]", "{\"sms\":true}")) {
            assertEquals(
                    new ContactChoice(null, List.of(FieldError.of("preferredContact", ErrorCode.INVALID_TYPE))),
                    read("{\"preferredContact\":" + value + "}"),
                    value);
        }
    }
}
