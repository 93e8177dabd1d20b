package sa.mustafeed.core.errors;

/** The caller presented no valid identity; the staff routes answer 401. */
public final class NotSignedInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super("not signed in");
    }
}
