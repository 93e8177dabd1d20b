package sa.mustafeed.core.errors;

/**
 * A port could not reach its backing service (throttled, timed out, down). The operation had no
 * effect or an effect that a retry with the same idempotency key completes safely, so callers
 * answer "try again" rather than "failed".
 */
public final class StorageUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
