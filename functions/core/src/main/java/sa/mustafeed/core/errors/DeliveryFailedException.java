package sa.mustafeed.core.errors;

/** The SMS or email provider refused a message or could not be reached; the send may be retried. */
public final class DeliveryFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
