package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.CaseSearch;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.StatusChange;
import sa.mustafeed.testing.MotoServer;

/** Staff search against moto: the rows it finds, newest first, in a fixed number of calls. */
@ExtendWith(MotoServer.class)
class DynamoDbCaseSearchIT {
    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private CaseTable store;
    private DynamoDbCaseSearch search;

    @BeforeEach
    void freshTable() throws Exception {
        store = new CaseTable();
        search = new DynamoDbCaseSearch(store.dynamoDb, store.table);
    }

    /** Twelve requests of one person (mobile and ID), one of someone else; oldest first. */
    private List<ReferenceCode> twelveOfOnePerson() {
        List<ReferenceCode> refs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            refs.add(store.store(store.request(T0.plusSeconds(3600L * i), "mobile-a", Optional.of("id-a"))));
        }
        store.store(store.request(T0, "mobile-b", Optional.of("id-b")));
        return refs;
    }

    private static List<ReferenceCode> references(QueuePage page) {
        return page.items().stream().map(s -> s.request().reference()).toList();
    }

    @Test
    void byMobile_isOneQuery_newestFirst() {
        List<ReferenceCode> refs = twelveOfOnePerson();
        store.calls.clear();

        QueuePage found = search.search(new CaseSearch.ByMobileHash("mobile-a"));

        assertEquals(refs.reversed(), references(found));
        assertEquals(List.of("QueryRequest"), store.calls, "the index projects the rows: nothing read per hit");
        assertTrue(found.nextCursor().isEmpty());
        assertEquals("سارة العتيبي", found.items().getFirst().request().name(), "whole rows, not only keys");
    }

    @Test
    void byNationalId_isOneQueryAndOneBatchRead_newestFirst() {
        List<ReferenceCode> refs = twelveOfOnePerson();
        // A move after submission: the row must show the request as stored now, not the index's copy.
        new DynamoDbCaseRepository(store.dynamoDb, store.table)
                .changeStatus(new StatusChange(
                        refs.getFirst(),
                        Status.RECEIVED,
                        Status.IN_REVIEW,
                        1,
                        T0.plusSeconds(86_400),
                        "staff-7",
                        Optional.empty(),
                        sa.mustafeed.core.staff.CaseClock.NEW,
                        counted()));
        store.calls.clear();

        QueuePage found = search.search(new CaseSearch.ByNationalIdHash("id-a"));

        assertEquals(refs.reversed(), references(found));
        assertEquals(List.of("QueryRequest", "BatchGetItemRequest"), store.calls);
        assertEquals(Status.IN_REVIEW, found.items().getLast().request().status());
        assertEquals(2, found.items().getLast().request().version());
    }

    private static StatusChange.Counted counted() {
        return new StatusChange.Counted(
                java.time.YearMonth.of(2026, 9),
                sa.mustafeed.core.request.Channel.WEB,
                sa.mustafeed.core.request.Category.NEW_BENEFICIARY,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void byReference_isOneRead_andAnUnknownOneFindsNothing() {
        List<ReferenceCode> refs = twelveOfOnePerson();
        store.calls.clear();

        assertEquals(List.of(refs.get(3)), references(search.search(new CaseSearch.ByReference(refs.get(3)))));
        assertEquals(List.of("GetItemRequest"), store.calls);
        assertEquals(List.of(), references(search.search(new CaseSearch.ByReference(store.newReference()))));
        assertEquals(List.of(), references(search.search(new CaseSearch.ByNationalIdHash("nobody"))));
    }

    @Test
    void aBeneficiaryWithMoreThanTheLimit_getsTheNewestLimitInTheSameCalls() {
        for (int i = 0; i < CaseRepository.SEARCH_LIMIT + 5; i++) {
            store.store(store.request(T0.plusSeconds(60L * i), "many", Optional.of("id-many")));
        }
        store.calls.clear();

        QueuePage found = search.search(new CaseSearch.ByNationalIdHash("id-many"));

        assertEquals(CaseRepository.SEARCH_LIMIT, found.items().size());
        assertEquals(
                T0.plusSeconds(60L * (CaseRepository.SEARCH_LIMIT + 4)),
                found.items().getFirst().request().submittedAt());
        assertEquals(List.of("QueryRequest", "BatchGetItemRequest"), store.calls);
    }

    @Test
    void anErasedRequest_isNoLongerFoundByThePerson() {
        List<ReferenceCode> refs = twelveOfOnePerson();
        new DynamoDbErasure(store.dynamoDb, store.table).erase(refs.get(5), T0.plusSeconds(999_999));

        assertEquals(
                11,
                search.search(new CaseSearch.ByMobileHash("mobile-a")).items().size());
        assertEquals(
                11,
                search.search(new CaseSearch.ByNationalIdHash("id-a")).items().size());
        assertEquals(
                11, search.references("GSI2", TableKeys.beneficiary("mobile-a")).size());
    }
}
