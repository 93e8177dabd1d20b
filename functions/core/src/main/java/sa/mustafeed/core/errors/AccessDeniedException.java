package sa.mustafeed.core.errors;

/** The signed-in employee may not do this (a manager-only action). */
public final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException() {
        super("not allowed for this role");
    }
}
