package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A reply managers prepare once so staff answer common questions the same way: a title (what the
 * employee picks it by) and a text in each language. The texts may hold {@link SavedReplyService#REFERENCE}
 * and {@link SavedReplyService#NAME}, which the console fills with the request's reference and the
 * beneficiary's name before the employee reads and sends it.
 */
public record SavedReply(
        String id, String titleAr, String titleEn, String textAr, String textEn, Instant updatedAt, String updatedBy) {
    public SavedReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleAr, "titleAr");
        Objects.requireNonNull(titleEn, "titleEn");
        Objects.requireNonNull(textAr, "textAr");
        Objects.requireNonNull(textEn, "textEn");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }
}
