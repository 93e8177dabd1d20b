package sa.mustafeed.core.notification;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.request.Language;

/**
 * What was sent for one request version: its kind and language, each leg in order, and, while a
 * WhatsApp leg may still fail (its receipt has not come), the plan for its SMS fallback.
 */
public record SentMessage(
        MessageKind kind, Language language, List<DeliveryLeg> legs, Optional<FallbackPlan> fallback) {
    public SentMessage {
        legs = List.copyOf(legs);
    }
}
