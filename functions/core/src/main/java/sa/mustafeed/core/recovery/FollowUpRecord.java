package sa.mustafeed.core.recovery;

import java.time.Instant;

/**
 * The call's outcome as the employee recorded it, with the working minutes from the follow-up's
 * creation to this record (what the report's median is taken over).
 */
public record FollowUpRecord(
        FollowUpOutcome outcome, String note, String byId, String byName, Instant at, long workingMinutes) {}
