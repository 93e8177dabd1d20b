package sa.mustafeed.core.errors;

import java.time.Duration;

/** Too many failed tries in the current window; {@link #retryAfter()} says when the window ends. */
public final class TooManyAttemptsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed attempts; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
