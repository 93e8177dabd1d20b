package sa.mustafeed.core.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * What became of each message after the provider took it. Written by the delivery receipts, read by
 * staff. May throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface DeliveryLog {

    /** Where a provider's message id belongs: which message, which of its legs. */
    record LegAddress(
            String messageKey, ReferenceCode reference, long version, int leg, Delivery channel, MessageKind kind) {}

    /** The leg a provider's message id was recorded for, if this system sent it. */
    Optional<LegAddress> find(String provider, String providerMessageId);

    /**
     * Moves the leg from {@code sent} to {@code state}; a leg already final is left alone (a repeated or
     * late receipt). With {@code askForFallback}, the same write asks for the message's SMS, once.
     *
     * @return false when the leg was already final: nothing changed
     */
    boolean settle(LegAddress leg, DeliveryState state, Optional<String> reason, Instant at, boolean askForFallback);

    /**
     * Records on the request whether its latest message reached the person; an older message's news
     * never overwrites a newer one's.
     */
    void recordReach(ReferenceCode reference, long version, boolean reached);

    /** Every leg of every message sent for the request's versions up to {@code version}, oldest first. */
    List<MessageDelivery> deliveriesOf(ReferenceCode reference, long version);
}
