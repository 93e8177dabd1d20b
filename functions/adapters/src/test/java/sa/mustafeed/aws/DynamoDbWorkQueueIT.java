package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Registration;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.Assignee;
import sa.mustafeed.core.staff.CaseClock;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueueCounts;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueView;
import sa.mustafeed.core.staff.StatusChange;
import sa.mustafeed.testing.MotoServer;

/** The work queue against moto: GSI5 in due order, moves with the clock, owners, marks, no scan. */
@ExtendWith(MotoServer.class)
class DynamoDbWorkQueueIT {
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private CaseTable store;
    private DynamoDbWorkQueue queue;
    private DynamoDbCaseRepository cases;
    private ReferenceCode dueLater;
    private ReferenceCode overdue;
    private ReferenceCode mostOverdue;

    @BeforeEach
    void threeOpenRequests() throws Exception {
        store = new CaseTable();
        queue = new DynamoDbWorkQueue(store.dynamoDb, store.table);
        cases = new DynamoDbCaseRepository(store.dynamoDb, store.table);
        // Submitted in this order, due in another: the queue follows the due time, not the arrival.
        dueLater = stored(T0, T0.plus(Duration.ofDays(20)));
        overdue = stored(T0.plusSeconds(60), T0.plus(Duration.ofDays(2)));
        mostOverdue = stored(T0.plusSeconds(120), T0.plus(Duration.ofDays(1)));
    }

    private ReferenceCode stored(Instant at, Instant dueAt) {
        ServiceRequest request = store.request(at, "m-" + at.getEpochSecond(), Optional.empty());
        new DynamoDbRequestRepository(store.dynamoDb, store.table)
                .create(
                        request,
                        new TimelineEntry(at, Status.RECEIVED),
                        Optional.empty(),
                        new Registration(Optional.empty(), List.of(), Optional.of(dueAt)));
        return request.reference();
    }

    private List<ReferenceCode> view(QueueView view, String me) {
        List<ReferenceCode> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            QueuePage page = queue.page(view, me, Optional.empty(), cursor, 1);
            page.items().forEach(c -> seen.add(c.request().reference()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return seen;
    }

    private void move(ReferenceCode ref, Status from, Status to, long version, Optional<Instant> dueAt) {
        cases.changeStatus(new StatusChange(
                ref,
                from,
                to,
                version,
                T0.plus(Duration.ofDays(3)),
                "staff-7",
                Optional.empty(),
                to == Status.WAITING_FOR_BENEFICIARY
                        ? new CaseClock(0, Optional.of(T0.plus(Duration.ofDays(3))), Optional.of(T0), Optional.empty())
                        : CaseClock.NEW,
                new StatusChange.Counted(
                        java.time.YearMonth.of(2026, 11),
                        Channel.WEB,
                        Category.NEW_BENEFICIARY,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                dueAt));
    }

    @Test
    void openWork_isDueFirst_pageByPage_andOnlyQueriesTheIndex() {
        store.calls.clear();
        assertEquals(List.of(mostOverdue, overdue, dueLater), view(QueueView.OPEN, "u1"));
        assertTrue(store.calls.stream().allMatch("QueryRequest"::equals), "no scan, no item reads: " + store.calls);
    }

    @Test
    void aWaitSortsAfterRunningWork_andResumingPutsItAtItsNewDueTime_closingLeavesTheQueue() {
        move(mostOverdue, Status.RECEIVED, Status.WAITING_FOR_BENEFICIARY, 1, Optional.of(T0.plus(Duration.ofDays(1))));
        assertEquals(List.of(overdue, dueLater, mostOverdue), view(QueueView.OPEN, "u1"));
        // Back from the wait with the paused time added: due after the other overdue one now.
        move(
                mostOverdue,
                Status.WAITING_FOR_BENEFICIARY,
                Status.IN_REVIEW,
                2,
                Optional.of(T0.plus(Duration.ofDays(5))));
        assertEquals(List.of(overdue, mostOverdue, dueLater), view(QueueView.OPEN, "u1"));
        move(overdue, Status.RECEIVED, Status.COMPLETED, 1, Optional.of(T0));
        assertEquals(List.of(mostOverdue, dueLater), view(QueueView.OPEN, "u1"));
    }

    @Test
    void assigning_fillsMineAndEmptiesUnassigned_countsFollow_unassigningUndoes() {
        queue.assign(
                overdue, Optional.of(new Assignee("u1", "أمل")), CaseEvent.assignment(T0, Optional.of("أمل"), "أمل"));
        assertEquals(List.of(overdue), view(QueueView.MINE, "u1"));
        assertEquals(List.of(), view(QueueView.MINE, "u2"));
        assertEquals(List.of(mostOverdue, dueLater), view(QueueView.UNASSIGNED, "u1"));
        CaseSummary row = queue.page(QueueView.MINE, "u1", Optional.empty(), Optional.empty(), 5)
                .items()
                .getFirst();
        assertEquals(Optional.of(new Assignee("u1", "أمل")), row.assignee());
        QueueCounts counts = queue.counts("u1");
        assertEquals(new QueueCounts(3, 1, 2, Map.of(Status.RECEIVED, 3L)), counts);
        var file = cases.find(overdue).orElseThrow();
        assertEquals(Optional.of(new Assignee("u1", "أمل")), file.assignee());
        CaseEvent entry = file.events().stream()
                .filter(e -> e.kind() == CaseEvent.Kind.ASSIGNMENT)
                .findFirst()
                .orElseThrow();
        assertEquals(Optional.of("أمل"), entry.text());
        assertFalse(entry.isPublic(), "an assignment is internal");

        queue.assign(overdue, Optional.empty(), CaseEvent.assignment(T0, Optional.empty(), "أمل"));
        assertEquals(List.of(), view(QueueView.MINE, "u1"));
        assertEquals(3, queue.counts("u1").unassigned());
    }

    @Test
    void assigningAnUnknownRequest_isNotFound_andAForeignCursorIsRefused() {
        assertThrows(
                RequestNotFoundException.class,
                () -> queue.assign(
                        store.newReference(),
                        Optional.of(new Assignee("u1", "أمل")),
                        CaseEvent.assignment(T0, Optional.of("أمل"), "أمل")));
        String monthCursor = new QueueCursor("MONTH#2026-11", Map.of()).encode();
        assertThrows(
                InvalidInputException.class,
                () -> queue.page(QueueView.OPEN, "u1", Optional.empty(), Optional.of(monthCursor), 5));
    }

    @Test
    void whatTheBeneficiarySends_marksTheRow_untilStaffOpenIt() {
        cases.addNote(overdue, CaseEvent.message(T0.plusSeconds(5), "أرسلت الصورة", Status.RECEIVED));
        cases.addNote(
                mostOverdue, CaseEvent.document(T0.plusSeconds(6), "id.pdf", CaseEvent.BENEFICIARY, Status.RECEIVED));
        cases.addNote(dueLater, CaseEvent.note(T0.plusSeconds(7), "ملاحظة", "أمل"));
        Map<ReferenceCode, CaseSummary> rows = new java.util.HashMap<>();
        queue.page(QueueView.OPEN, "u1", Optional.empty(), Optional.empty(), 5)
                .items()
                .forEach(c -> rows.put(c.request().reference(), c));
        assertTrue(rows.get(overdue).beneficiaryReplied());
        assertFalse(rows.get(overdue).newDocument());
        assertTrue(rows.get(mostOverdue).newDocument());
        assertFalse(
                rows.get(dueLater).beneficiaryReplied() || rows.get(dueLater).newDocument(),
                "a staff note marks nothing");

        queue.clearMarks(overdue);
        queue.clearMarks(dueLater); // nothing to clear: no error
        CaseSummary after = queue.page(QueueView.OPEN, "u1", Optional.empty(), Optional.empty(), 5).items().stream()
                .filter(c -> c.request().reference().equals(overdue))
                .findFirst()
                .orElseThrow();
        assertFalse(after.beneficiaryReplied());
    }

    @Test
    void theDirectory_listsWhoUsedTheQueue_byName() {
        queue.remember(new Assignee("u2", "سعد"), T0);
        queue.remember(new Assignee("u1", "أمل"), T0);
        queue.remember(new Assignee("u1", "أمل"), T0.plusSeconds(9));
        assertEquals(List.of(new Assignee("u1", "أمل"), new Assignee("u2", "سعد")), queue.colleagues());
        assertEquals(Optional.of(new Assignee("u2", "سعد")), queue.colleague("u2"));
        assertEquals(Optional.empty(), queue.colleague("u3"));
    }
}
