package sa.mustafeed.core.notification;

/** Why the association writes to a beneficiary; one template per kind and language. */
public enum MessageKind {
    RECEIVED("received"),
    STATUS_CHANGED("status-changed"),
    WAITING_FOR_BENEFICIARY("waiting-for-beneficiary"),
    COMPLETED("completed"),
    /** Completed, with the link to the satisfaction survey. */
    COMPLETED_WITH_SURVEY("completed-survey"),
    /** Staff answered the beneficiary publicly (the answer to an inquiry, a question about the request). */
    REPLY("reply");

    private final String templateName;

    MessageKind(String templateName) {
        this.templateName = templateName;
    }

    /** The file name (without extension) of this kind's template in each language folder. */
    public String templateName() {
        return templateName;
    }
}
