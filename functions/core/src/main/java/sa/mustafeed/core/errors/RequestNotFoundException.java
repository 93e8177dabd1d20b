package sa.mustafeed.core.errors;

/**
 * No request matches. Deliberately says nothing about which part did not match, so a lookup
 * cannot learn whether a reference exists.
 */
public final class RequestNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestNotFoundException() {
        super("no matching request");
    }
}
