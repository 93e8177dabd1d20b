package sa.mustafeed.core.errors;

/** The idempotency key was already used for a different body. */
public final class IdempotencyConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdempotencyConflictException() {
        super("idempotency key reused with a different body");
    }
}
