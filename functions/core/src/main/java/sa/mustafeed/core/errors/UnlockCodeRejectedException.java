package sa.mustafeed.core.errors;

/**
 * An unlock code that does not open the lookup: not the one sent, expired, already used or out of
 * tries. One exception for all of them, so the answer never tells a guesser which.
 */
public final class UnlockCodeRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnlockCodeRejectedException() {
        super("unlock code rejected");
    }
}
