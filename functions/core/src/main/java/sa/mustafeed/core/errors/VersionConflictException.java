package sa.mustafeed.core.errors;

/** Someone changed the request after the caller read it; nothing was written. */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException() {
        super("the request changed since it was read");
    }
}
