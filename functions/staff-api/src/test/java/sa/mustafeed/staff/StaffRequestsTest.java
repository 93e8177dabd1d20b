package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.DataSubject;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.Json;

class StaffRequestsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static ApiEvent event(Map<String, String> query, Map<String, String> path) {
        return new ApiEvent(
                "GET",
                "/staff/requests",
                Map.of(),
                new byte[0],
                "10.0.0.1",
                "id",
                "GET /staff/requests",
                path,
                query,
                Map.of("sub", "u1"));
    }

    private static ApiEvent query(Map<String, String> query) {
        return event(query, Map.of());
    }

    private static Map<String, Object> json(String text) throws Exception {
        return Json.readObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<FieldError> refused(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(InvalidInputException.class, call).errors();
    }

    @Test
    void queue_withoutParameters_isTheYearUpToToday_newestFirst() {
        assertEquals(
                new QueueQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        TODAY.minusYears(1),
                        TODAY,
                        true,
                        Optional.empty(),
                        25),
                StaffRequests.queue(query(Map.of()), TODAY, 25));
    }

    @Test
    void queue_readsFiltersDatesOrderAndCursor() {
        QueueQuery read = StaffRequests.queue(
                query(Map.of(
                        "status",
                        "in_review",
                        "category",
                        "complaint",
                        "channel",
                        "phone",
                        "from",
                        "2026-01-01",
                        "to",
                        "2026-06-30",
                        "order",
                        "oldest",
                        "cursor",
                        "abc")),
                TODAY,
                500);
        assertEquals(
                new QueueQuery(
                        Optional.of(Status.IN_REVIEW),
                        Optional.of(Category.COMPLAINT),
                        Optional.of(Channel.PHONE),
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 6, 30),
                        false,
                        Optional.of("abc"),
                        500),
                read);
        assertTrue(StaffRequests.queue(query(Map.of("order", "anything")), TODAY, 1)
                .newestFirst());
    }

    @Test
    void queue_namesEveryBadParameter() {
        assertEquals(
                List.of(
                        FieldError.of("status", ErrorCode.INVALID_CHOICE),
                        FieldError.of("category", ErrorCode.INVALID_CHOICE),
                        FieldError.of("channel", ErrorCode.INVALID_CHOICE),
                        FieldError.of("to", ErrorCode.INVALID_DATE),
                        FieldError.of("from", ErrorCode.INVALID_DATE)),
                refused(() -> StaffRequests.queue(
                        query(Map.of(
                                "status",
                                "x",
                                "category",
                                "y",
                                "channel",
                                "z",
                                "to",
                                "2026-13-01",
                                "from",
                                "yesterday")),
                        TODAY,
                        25)));
    }

    @Test
    void queue_refusesYearsOutsideTheServicesLife_andRangesBackwardsOrWiderThanFiveYears() {
        for (Map<String, String> bad : List.of(
                Map.of("from", "1999-12-31"),
                Map.of("to", "2101-01-01"),
                Map.of("from", "2026-02-01", "to", "2026-01-01"),
                Map.of("from", "2020-01-01", "to", "2025-01-02"))) {
            List<FieldError> errors = refused(() -> StaffRequests.queue(query(bad), TODAY, 25));
            assertEquals(1, errors.size(), bad.toString());
            assertEquals(ErrorCode.INVALID_DATE, errors.getFirst().code(), bad.toString());
        }
        assertEquals(
                LocalDate.of(2020, 1, 1),
                StaffRequests.queue(query(Map.of("from", "2020-01-01", "to", "2025-01-01")), TODAY, 25)
                        .from(),
                "exactly five years is allowed");
    }

    @Test
    void reference_fromThePath_orInvalidReference() {
        assertEquals(
                new ReferenceCode("MHF5Q2N7"),
                StaffRequests.reference(event(Map.of(), Map.of("reference", "mhf5-q2n7"))));
        assertEquals(
                List.of(FieldError.of("reference", ErrorCode.INVALID_REFERENCE)),
                refused(() -> StaffRequests.reference(event(Map.of(), Map.of("reference", "MHF5Q2N8")))));
        assertEquals(
                List.of(FieldError.of("reference", ErrorCode.INVALID_REFERENCE)),
                refused(() -> StaffRequests.reference(event(Map.of(), Map.of()))));
    }

    @Test
    void statusChange_readsStatusVersionAndNote() throws Exception {
        assertEquals(
                new StaffRequests.StatusChangeBody(Status.IN_REVIEW, 3, Optional.of("اتصلت")),
                StaffRequests.statusChange(json("{\"status\":\"in_review\",\"version\":3,\"note\":\"اتصلت\"}")));
        assertEquals(
                new StaffRequests.StatusChangeBody(Status.COMPLETED, 7, Optional.empty()),
                StaffRequests.statusChange(json("{\"status\":\"completed\",\"version\":7.0}")));
    }

    @Test
    void statusChange_namesEachBadField() throws Exception {
        assertEquals(
                List.of(FieldError.of("status", ErrorCode.REQUIRED), FieldError.of("version", ErrorCode.REQUIRED)),
                refused(() -> StaffRequests.statusChange(json("{}"))));
        assertEquals(
                List.of(
                        FieldError.of("status", ErrorCode.INVALID_CHOICE),
                        FieldError.of("version", ErrorCode.INVALID_TYPE),
                        FieldError.of("note", ErrorCode.INVALID_TYPE)),
                refused(() -> StaffRequests.statusChange(json("{\"status\":5,\"version\":\"3\",\"note\":true}"))));
        assertEquals(
                List.of(FieldError.of("status", ErrorCode.INVALID_CHOICE)),
                refused(() -> StaffRequests.statusChange(json("{\"status\":\"done\",\"version\":1}"))));
    }

    @Test
    void text_isRequiredText() throws Exception {
        assertEquals("نص", StaffRequests.text(json("{\"text\":\"نص\"}")));
        assertEquals(List.of(FieldError.of("text", ErrorCode.REQUIRED)), refused(() -> StaffRequests.text(json("{}"))));
        assertEquals(
                List.of(FieldError.of("text", ErrorCode.INVALID_TYPE)),
                refused(() -> StaffRequests.text(json("{\"text\":5}"))));
    }

    @Test
    void dataSubject_readsMobileAndId_andCountsOtherTypesAsNotGiven() throws Exception {
        assertEquals(
                new DataSubject("0501234567", "1234567897"),
                StaffRequests.dataSubject(json("{\"mobile\":\"0501234567\",\"nationalId\":\"1234567897\"}")));
        assertEquals(
                new DataSubject(null, null),
                StaffRequests.dataSubject(json("{\"mobile\":501234567,\"nationalId\":[1]}")));
    }

    @Test
    void erasure_needsConfirmTrue_beforeAnythingElse() throws Exception {
        assertEquals(
                new DataSubject("0501234567", null),
                StaffRequests.erasure(json("{\"mobile\":\"0501234567\",\"confirm\":true}")));
        for (String body : List.of("{\"mobile\":\"0501234567\"}", "{\"confirm\":\"true\"}", "{\"confirm\":false}")) {
            assertEquals(
                    List.of(FieldError.of("confirm", ErrorCode.REQUIRED)),
                    refused(() -> StaffRequests.erasure(json(body))),
                    body);
        }
        assertEquals(
                new DataSubject(null, null),
                StaffRequests.erasure(json("{\"confirm\":true}")),
                "who it is about is the rules' question (BeneficiaryRecords)");
    }
}
