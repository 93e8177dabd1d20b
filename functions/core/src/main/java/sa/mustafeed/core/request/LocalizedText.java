package sa.mustafeed.core.request;

import java.util.Objects;

/** A text the beneficiary may read in either of the two languages the association serves. */
public record LocalizedText(String ar, String en) {
    public LocalizedText {
        Objects.requireNonNull(ar, "ar");
        Objects.requireNonNull(en, "en");
    }
}
