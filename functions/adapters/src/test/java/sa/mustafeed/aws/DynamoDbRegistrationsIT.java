package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Registration;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One person's registrations against moto: written with the request, read from their own partition. */
@ExtendWith(MotoServer.class)
class DynamoDbRegistrationsIT {
    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private CaseTable store;
    private DynamoDbCaseRepository cases;

    @BeforeEach
    void freshTable() throws Exception {
        store = new CaseTable();
        cases = new DynamoDbCaseRepository(store.dynamoDb, store.table);
    }

    private ReferenceCode registeredBy(String registrar, Instant at) {
        ServiceRequest request = store.request(at, "mobile-" + registrar, Optional.empty());
        new DynamoDbRequestRepository(store.dynamoDb, store.table)
                .create(
                        request,
                        new TimelineEntry(at, Status.RECEIVED),
                        Optional.empty(),
                        new Registration(
                                Optional.of("اسم " + registrar), List.of(), Optional.empty(), Optional.of(registrar)));
        return request.reference();
    }

    private static List<ReferenceCode> references(QueuePage page) {
        return page.items().stream().map(s -> s.request().reference()).toList();
    }

    @Test
    void theirOwnOnly_newestFirst_pagedByCursor_inOneQueryAndOneBatchReadAPage() {
        List<ReferenceCode> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(registeredBy("vol-1", T0.plusSeconds(60L * i)));
            registeredBy("vol-2", T0.plusSeconds(60L * i + 30));
        }
        store.store(store.request(T0, "public", Optional.empty()));
        store.calls.clear();

        QueuePage first = cases.registeredBy("vol-1", Optional.empty(), 3);
        assertEquals(List.of("QueryRequest", "BatchGetItemRequest"), store.calls);
        assertEquals(mine.reversed().subList(0, 3), references(first));
        QueuePage second = cases.registeredBy("vol-1", first.nextCursor(), 3);
        assertEquals(mine.reversed().subList(3, 5), references(second));
        assertEquals(Status.RECEIVED, second.items().getFirst().request().status(), "status as it is now");
        assertTrue(cases.registeredBy("nobody", Optional.empty(), 3).items().isEmpty());
    }

    @Test
    void theIndexItem_holdsNoPersonalData_andAPublicSubmissionWritesNone() {
        ReferenceCode ref = registeredBy("vol-1", T0);
        store.store(store.request(T0, "public", Optional.empty()));
        List<Map<String, AttributeValue>> items = store.dynamoDb
                .query(q -> q.tableName(store.table)
                        .keyConditionExpression("PK = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("REGBY#vol-1"))))
                .items();
        assertEquals(1, items.size());
        assertEquals(
                java.util.Set.of("PK", "SK", "entity", "reference", "category", "createdAt"),
                items.getFirst().keySet());
        assertEquals(ref.value(), items.getFirst().get("reference").s());
        assertEquals(
                1, cases.registeredBy("vol-1", Optional.empty(), 10).items().size());
    }

    @Test
    void aCursorNeverOpensSomeoneElsesList_andOneNotIssuedIsInvalidInput() {
        registeredBy("vol-1", T0);
        ReferenceCode theirs = registeredBy("vol-2", T0.plusSeconds(60));
        // the sort key just after vol-2's only item: as a cursor, still read within the caller's partition
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((T0.plusSeconds(61) + "#" + theirs.value()).getBytes(StandardCharsets.UTF_8));
        assertTrue(references(cases.registeredBy("vol-1", Optional.of(forged), 10)).stream()
                .noneMatch(theirs::equals));
        assertThrows(InvalidInputException.class, () -> cases.registeredBy("vol-1", Optional.of("bm9wZQ"), 10));
    }
}
