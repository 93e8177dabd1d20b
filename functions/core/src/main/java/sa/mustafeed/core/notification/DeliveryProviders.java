package sa.mustafeed.core.notification;

import java.util.List;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * The providers a message may leave through, by the name each adapter gives itself
 * ({@code TextMessages.provider()}, {@code WhatsAppMessages.provider()}, {@code Mailer.PROVIDER}):
 * the {@code provider} of a request's deliveries and of the report's delivery rows. The names staff
 * read are {@code provider.<name>} in functions/messages/labels/.
 */
public final class DeliveryProviders {
    /** Amazon SNS SMS, Unifonic SMS, WhatsApp through AWS End User Messaging Social, Amazon SES email. */
    public static final List<String> KNOWN = List.of("sns", "unifonic", "whatsapp", "ses");

    private DeliveryProviders() {}

    /**
     * The provider's display name. A name no label names (a provider added to an adapter before its
     * label) is shown as it is, in both languages, rather than refusing a whole request page.
     */
    public static LocalizedText label(String provider) {
        return Labels.shipped().find(labelKey(provider)).orElseGet(() -> new LocalizedText(provider, provider));
    }

    public static String labelKey(String provider) {
        return "provider." + provider;
    }
}
