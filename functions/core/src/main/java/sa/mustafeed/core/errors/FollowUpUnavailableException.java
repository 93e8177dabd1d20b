package sa.mustafeed.core.errors;

/** No open follow-up on this request to record: none at all, or its call was recorded already. */
public final class FollowUpUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        NOT_FOUND,
        ALREADY_RECORDED
    }

    private final Reason reason;

    public FollowUpUnavailableException(Reason reason) {
        super("follow-up " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
