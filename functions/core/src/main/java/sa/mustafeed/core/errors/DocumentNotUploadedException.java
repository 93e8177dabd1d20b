package sa.mustafeed.core.errors;

/** A confirmation for a file that never reached the store (or was removed after a failed check). */
public final class DocumentNotUploadedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DocumentNotUploadedException() {
        super("the document was not uploaded");
    }
}
