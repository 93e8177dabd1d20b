package sa.mustafeed.core.notification;

import java.time.Instant;
import java.util.Optional;

/**
 * A provider's word on one message it accepted: delivered, or failed with its reason. Providers
 * repeat themselves; a receipt applies once.
 */
public record Receipt(
        String provider, String providerMessageId, DeliveryState state, Optional<String> reason, Instant at) {}
