package sa.mustafeed.core.request;

import java.time.Instant;

import sa.mustafeed.core.reference.ReferenceCode;

/** What the submitter is told; {@code replayed} is true when this answers a retry of an earlier submission. */
public record SubmissionReceipt(
        ReferenceCode reference, Status status, Instant submittedAt, LocalizedText nextSteps, boolean replayed) {
}
