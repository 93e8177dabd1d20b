package sa.mustafeed.core.request;

import java.time.Instant;
import java.util.List;
import sa.mustafeed.core.reference.ReferenceCode;

/** What the submitter is told; {@code replayed} is true when this answers a retry of an earlier submission. */
public record SubmissionReceipt(
        ReferenceCode reference,
        Status status,
        Instant submittedAt,
        LocalizedText nextSteps,
        boolean replayed,
        List<ReferenceCode> possibleDuplicates) {

    public SubmissionReceipt {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }

    SubmissionReceipt withDuplicates(List<ReferenceCode> duplicates) {
        return new SubmissionReceipt(reference, status, submittedAt, nextSteps, replayed, duplicates);
    }
}
