package sa.mustafeed.core.ports;

/** Sends SMS through one provider, chosen by configuration. */
public interface TextMessages {

    /**
     * @return the provider's message id
     * @throws sa.mustafeed.core.errors.UndeliverableException when the provider refused for good (invalid
     *     or blocked number, sender ID not registered): parked with the reason, never retried
     * @throws sa.mustafeed.core.errors.DeliveryFailedException when the provider could not be reached, failed
     *     or throttled: retried by the stream
     */
    String send(String e164, String text);

    /** The name staff and reports see for this provider ({@code sns}, {@code unifonic}…). */
    String provider();

    /** True when the number asked the provider to stop (replied STOP); nothing may be sent to it. */
    boolean isOptedOut(String e164);
}
