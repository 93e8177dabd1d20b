package sa.mustafeed.core.ports;

/** Sends email from the association's verified sender. */
public interface Mailer {
    /** Email goes through SES only; the name staff and reports see. */
    String PROVIDER = "ses";

    /**
     * @return the provider's message id
     * @throws sa.mustafeed.core.errors.DeliveryFailedException when the provider refused or could not be reached
     */
    String send(String to, String subject, String text, String html);
}
