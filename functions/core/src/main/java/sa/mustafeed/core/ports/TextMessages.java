package sa.mustafeed.core.ports;

/** Sends SMS. */
public interface TextMessages {

    /**
     * @return the provider's message id
     * @throws sa.mustafeed.core.errors.DeliveryFailedException when the provider refused or could not be reached
     */
    String send(String e164, String text);

    /** True when the number asked the provider to stop (replied STOP); nothing may be sent to it. */
    boolean isOptedOut(String e164);
}
