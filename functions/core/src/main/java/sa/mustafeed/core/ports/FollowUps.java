package sa.mustafeed.core.ports;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.recovery.FollowUp;
import sa.mustafeed.core.recovery.FollowUpRecord;
import sa.mustafeed.core.recovery.FollowUpTally;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * Service-recovery follow-ups as employees work them (the survey store creates them, with the
 * answer). Open ones are few (a handful a day) and read whole; recorded ones are kept with their
 * request and counted in the month they were created. May throw StorageUnavailableException.
 */
public interface FollowUps {

    /** Every open follow-up, held ones included, due first (ties by reference). */
    List<FollowUp> open();

    /** A follow-up of a request, with its recorded outcome once there is one. */
    record Entry(FollowUp followUp, Optional<FollowUpRecord> record) {}

    /** The follow-ups of one request, open and recorded, oldest first; empty for an unknown reference. */
    List<Entry> ofRequest(ReferenceCode reference);

    enum Recording {
        RECORDED,
        ALREADY_RECORDED
    }

    /**
     * Records the call's outcome, once: the follow-up leaves the open list, keeps the record, and
     * counts as recorded (with its working minutes) in the month it was created. A second record of
     * the same follow-up, or of one withdrawn meanwhile, changes nothing.
     */
    Recording record(FollowUp followUp, FollowUpRecord record);

    /** The months from {@code first} to {@code last}, inclusive, that have follow-ups. */
    List<FollowUpTally> followUpTallies(YearMonth first, YearMonth last);
}
