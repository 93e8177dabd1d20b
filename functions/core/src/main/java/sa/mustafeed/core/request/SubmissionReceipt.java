package sa.mustafeed.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * What the submitter is told; {@code replayed} is true when this answers a retry of an earlier
 * submission. An anonymous request's receipt carries its tracking code: the only time it is shown.
 */
public record SubmissionReceipt(
        ReferenceCode reference,
        Status status,
        Instant submittedAt,
        LocalizedText nextSteps,
        boolean replayed,
        List<ReferenceCode> possibleDuplicates,
        Optional<String> trackingCode) {

    public SubmissionReceipt {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }

    SubmissionReceipt withDuplicates(List<ReferenceCode> duplicates) {
        return new SubmissionReceipt(reference, status, submittedAt, nextSteps, replayed, duplicates, trackingCode);
    }
}
