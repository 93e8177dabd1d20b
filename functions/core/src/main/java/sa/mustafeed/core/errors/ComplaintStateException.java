package sa.mustafeed.core.errors;

/**
 * A complaint that cannot take what was sent: its outcome was recorded already, it has no outcome yet
 * to rate, or its handling was rated already. Each is a 409: the complaint's state, not the input.
 */
public final class ComplaintStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        OUTCOME_ALREADY_RECORDED,
        NO_OUTCOME_YET,
        ALREADY_RATED
    }

    private final Reason reason;

    public ComplaintStateException(Reason reason) {
        super("complaint " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
