package sa.mustafeed.core.errors;

/**
 * The provider refused a message for a reason that retrying cannot change (an invalid or blocked
 * number, a sender ID not registered, the person not on WhatsApp, a paused template): never
 * retried; the message moves to its fallback channel or is parked with the reason.
 */
public final class UndeliverableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason the provider's own code and words, kept for staff (never personal data) */
    public UndeliverableException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
