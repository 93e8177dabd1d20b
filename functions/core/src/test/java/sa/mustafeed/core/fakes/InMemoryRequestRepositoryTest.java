package sa.mustafeed.core.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.ports.RequestRepositoryContract;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.CaseClock;
import sa.mustafeed.core.staff.ServiceTally;
import sa.mustafeed.core.staff.StatusChange;

/** The fake every module's tests use keeps the port's promises (RequestRepositoryContract), and counts status changes. */
class InMemoryRequestRepositoryTest extends RequestRepositoryContract {
    private InMemoryRequestRepository repository;

    @Override
    protected Store emptyStore() {
        repository = new InMemoryRequestRepository();
        return new Store(repository, repository);
    }

    @Test
    void aStatusChange_movesTheCountBetweenStatuses_andCountsItsTimes() {
        ServiceRequest request = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        repository.create(request, new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED), Optional.empty());
        YearMonth month = YearMonth.of(2026, 11);
        Instant later = SampleDrafts.NOW.plusSeconds(3600);

        repository.changeStatus(new StatusChange(
                request.reference(),
                Status.RECEIVED,
                Status.COMPLETED,
                1,
                later,
                "staff-1",
                Optional.empty(),
                CaseClock.NEW,
                new StatusChange.Counted(
                        month,
                        Channel.KIOSK,
                        Category.SERVICE,
                        Optional.of(90L),
                        Optional.of(20 * 60L),
                        Optional.of(true))));

        ServiceTally tally = repository.tallies(month, month).getFirst();
        assertEquals(1, tally.received());
        assertEquals(Map.of(Status.COMPLETED, 1L), tally.byStatus());
        assertEquals(1, tally.firstActions());
        assertEquals(90, tally.firstActionMinutes());
        assertEquals(1, tally.firstActionBuckets()[ServiceTally.bucketOf(90)]);
        assertEquals(1, tally.completed());
        assertEquals(20 * 60, tally.completionMinutes());
        assertEquals(1, tally.completionBuckets()[ServiceTally.bucketOf(20 * 60)]);
        assertEquals(1, tally.finished());
        assertEquals(1, tally.metTarget());
        assertEquals(
                0, repository.tallies(month.plusMonths(1), month.plusMonths(1)).size());
    }
}
