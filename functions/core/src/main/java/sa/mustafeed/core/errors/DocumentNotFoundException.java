package sa.mustafeed.core.errors;

/**
 * No document with this id on this request. Said the same way whether the id belongs to another
 * request or to none, so one reference cannot probe another's files.
 */
public final class DocumentNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DocumentNotFoundException() {
        super("no such document on this request");
    }
}
