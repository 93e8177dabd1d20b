package sa.mustafeed.core.errors;

/** A survey link that cannot be answered: unknown or tampered, expired, or already answered. */
public final class SurveyUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        NOT_FOUND,
        EXPIRED,
        ALREADY_ANSWERED
    }

    private final Reason reason;

    public SurveyUnavailableException(Reason reason) {
        super("survey " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
