package sa.mustafeed.core.notification;

import java.util.Map;

/**
 * What the SMS fallback of a WhatsApp message needs if WhatsApp later reports it failed: the number,
 * the person's hash (their "no messages" choice is checked again) and the values the message was
 * rendered from. Personal data: kept only until the WhatsApp leg is final, erased with the request.
 */
public record FallbackPlan(String to, String mobileHash, Map<String, String> values) {
    public FallbackPlan {
        values = Map.copyOf(values);
    }
}
