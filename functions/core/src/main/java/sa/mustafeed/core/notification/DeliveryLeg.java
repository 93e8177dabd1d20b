package sa.mustafeed.core.notification;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to reach the person on one channel: WhatsApp first and then SMS is two legs of one
 * message. {@code providerMessageId} is empty when the provider refused before accepting it.
 */
public record DeliveryLeg(
        Delivery channel,
        String provider,
        Optional<String> providerMessageId,
        DeliveryState state,
        Instant at,
        Optional<String> reason) {

    public static DeliveryLeg sent(Delivery channel, String provider, String providerMessageId, Instant at) {
        return new DeliveryLeg(
                channel, provider, Optional.of(providerMessageId), DeliveryState.SENT, at, Optional.empty());
    }

    public static DeliveryLeg refused(Delivery channel, String provider, String reason, Instant at) {
        return new DeliveryLeg(channel, provider, Optional.empty(), DeliveryState.FAILED, at, Optional.of(reason));
    }
}
