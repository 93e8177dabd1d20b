package sa.mustafeed.core.ports;

import java.time.YearMonth;
import java.util.List;
import sa.mustafeed.core.complaints.ComplaintHandling;
import sa.mustafeed.core.complaints.ComplaintOutcome;
import sa.mustafeed.core.complaints.ComplaintTally;
import sa.mustafeed.core.complaints.HandlingRating;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.staff.CaseEvent;

/**
 * A complaint's outcome and the complainant's rating of its handling, kept on the request itself
 * (one per complaint), and their monthly counters. Every method may throw
 * {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface Complaints {

    /** The outcome and rating of a request; {@link ComplaintHandling#NONE} when it has neither or does not exist. */
    ComplaintHandling handling(ReferenceCode reference);

    enum Recording {
        RECORDED,
        /** The request already has an outcome (or a rating): nothing was written. */
        ALREADY_RECORDED,
        /** For a rating: the complaint has no outcome yet, so there is nothing to rate. */
        NO_OUTCOME
    }

    /**
     * Records the outcome, once, in one transaction with {@code reply}: the public reply that tells
     * the complainant (the request moves to a new version, so the notifier sends it once, as any
     * reply), and the month's counters (by result, and on time or not).
     *
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     */
    Recording recordOutcome(ServiceRequest complaint, ComplaintOutcome outcome, CaseEvent reply);

    /**
     * Records the complainant's rating, once, only after an outcome; counted in the month of the
     * complaint's submission. The request's version does not change: nothing is sent.
     */
    Recording rate(ServiceRequest complaint, HandlingRating rating);

    /** The complaint counters of the months from {@code first} to {@code last}, inclusive (months without any left out). */
    List<ComplaintTally> complaintTallies(YearMonth first, YearMonth last);
}
