package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.testing.MotoServer;

/** The queue against moto: pages across months by cursor, every request exactly once, in order. */
@ExtendWith(MotoServer.class)
class DynamoDbCaseQueueIT {
    private static final Instant SEPTEMBER = Instant.parse("2026-09-10T08:00:00Z");
    private CaseTable store;
    private DynamoDbCaseQueue queue;
    private final List<ReferenceCode> oldestFirst = new ArrayList<>();

    @BeforeEach
    void sevenRequestsOverThreeMonths() throws Exception {
        store = new CaseTable();
        queue = new DynamoDbCaseQueue(store.dynamoDb, store.table);
        for (int i = 0; i < 7; i++) {
            // Days 0, 12, 24, … : September, October and November.
            oldestFirst.add(
                    store.store(store.request(SEPTEMBER.plusSeconds(86_400L * 12 * i), "m" + i, Optional.empty())));
        }
    }

    private static QueueQuery query(boolean newestFirst, Optional<String> cursor, int pageSize) {
        return new QueueQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 31),
                newestFirst,
                cursor,
                pageSize);
    }

    private static List<ReferenceCode> references(List<CaseSummary> rows) {
        return rows.stream().map(s -> s.request().reference()).toList();
    }

    @Test
    void pagesFollowedByCursor_giveEveryRequestOnce_inOrder() {
        for (boolean newestFirst : new boolean[] {false, true}) {
            List<ReferenceCode> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                QueuePage page = queue.page(query(newestFirst, cursor, 2));
                assertTrue(page.items().size() <= 2);
                seen.addAll(references(page.items()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor.isPresent());
            assertEquals(newestFirst ? oldestFirst.reversed() : oldestFirst, seen, "newestFirst=" + newestFirst);
            assertTrue(pages >= 4, "seven requests in pages of two: " + pages);
        }
    }

    @Test
    void aFilteredView_readsManyItemsACall_andItsCursorGoesOnAfterTheLastRowShown() {
        List<ReferenceCode> complaints = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            complaints.add(store.store(store.request(
                    SEPTEMBER.plusSeconds(86_400L * 12 * i + 3_600), "c" + i, Optional.empty(), Category.COMPLAINT)));
        }
        List<ReferenceCode> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            QueuePage page = queue.page(new QueueQuery(
                    Optional.empty(),
                    Optional.of(Category.COMPLAINT),
                    Optional.empty(),
                    LocalDate.of(2026, 9, 1),
                    LocalDate.of(2026, 12, 31),
                    false,
                    cursor,
                    2));
            assertTrue(page.items().size() <= 2);
            seen.addAll(references(page.items()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertEquals(complaints, seen);
    }

    @Test
    void all_readsThePagesItself_andStopsOnceItHoldsEnough() {
        assertEquals(oldestFirst, references(queue.all(query(false, Optional.empty(), 2), 100)));
        List<CaseSummary> some = queue.all(query(false, Optional.empty(), 2), 3);
        assertTrue(some.size() >= 3 && some.size() <= 4, "stops after the page that reached three: " + some.size());
        assertEquals(oldestFirst.subList(0, some.size()), references(some));
    }

    @Test
    void byStatus_readsTheStatusIndex() {
        QueueQuery received = new QueueQuery(
                Optional.of(Status.RECEIVED),
                Optional.empty(),
                Optional.empty(),
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 31),
                false,
                Optional.empty(),
                50);
        QueueQuery inReview = new QueueQuery(
                Optional.of(Status.IN_REVIEW),
                Optional.empty(),
                Optional.empty(),
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 31),
                false,
                Optional.empty(),
                50);

        assertEquals(oldestFirst, references(queue.page(received).items()));
        assertEquals(List.of(), queue.page(inReview).items());
        assertEquals(List.of("STATUS#received"), DynamoDbCaseQueue.partitions(received));
    }

    @Test
    void aCursorOfAnotherQuery_isRefused() {
        String cursor = new QueueCursor("MONTH#2025-01", java.util.Map.of()).encode();
        assertThrows(InvalidInputException.class, () -> queue.page(query(false, Optional.of(cursor), 2)));
        assertThrows(InvalidInputException.class, () -> queue.page(query(false, Optional.of("garbage!"), 2)));
    }

    @Test
    void partitions_walkTheMonthsOfTheRange_inTheQuerysOrder() {
        assertEquals(
                List.of("MONTH#2026-09", "MONTH#2026-10", "MONTH#2026-11", "MONTH#2026-12"),
                DynamoDbCaseQueue.partitions(query(false, Optional.empty(), 2)));
        assertEquals(
                List.of("MONTH#2026-12", "MONTH#2026-11", "MONTH#2026-10", "MONTH#2026-09"),
                DynamoDbCaseQueue.partitions(query(true, Optional.empty(), 2)));
    }
}
