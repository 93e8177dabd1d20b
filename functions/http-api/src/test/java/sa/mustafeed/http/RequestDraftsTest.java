package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;

class RequestDraftsTest {
    private static Map<String, Object> json(String text) throws Exception {
        return Json.readObject(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fromJson_aPublicSubmission_cannotBackdateItsClock() throws Exception {
        Map<String, Object> body = json("{\"name\":\"سارة\",\"receivedAt\":\"2026-11-01T09:00+03:00\"}");

        assertNull(RequestDrafts.fromJson(body).receivedAt());
        assertEquals("سارة", RequestDrafts.fromJson(body).name());
    }

    @Test
    void fromStaffJson_readsTheReceivedTime_andNamesAWrongType() throws Exception {
        assertEquals(
                "2026-11-24T09:15+03:00",
                RequestDrafts.fromStaffJson(json("{\"receivedAt\":\"2026-11-24T09:15+03:00\"}"))
                        .receivedAt());
        assertEquals(
                List.of(FieldError.of("receivedAt", ErrorCode.INVALID_TYPE)),
                RequestDrafts.fromStaffJson(json("{\"receivedAt\":20261124}")).shapeErrors());
    }
}
