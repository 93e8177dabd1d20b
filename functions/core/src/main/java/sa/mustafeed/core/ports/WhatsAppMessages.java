package sa.mustafeed.core.ports;

import sa.mustafeed.core.notification.WhatsAppTemplate;

/** Sends WhatsApp template messages from the association's approved WhatsApp Business number. */
public interface WhatsAppMessages {

    /**
     * @return the provider's message id, which its status events name
     * @throws sa.mustafeed.core.errors.UndeliverableException when the send can never succeed (template
     *     paused or not approved, number not valid for WhatsApp): the message goes by SMS instead
     * @throws sa.mustafeed.core.errors.DeliveryFailedException when the provider could not be reached or
     *     throttled: retried
     */
    String send(String e164, WhatsAppTemplate template);

    /** The name staff and reports see for this provider. */
    String provider();
}
