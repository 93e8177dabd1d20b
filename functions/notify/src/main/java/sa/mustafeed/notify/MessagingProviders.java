package sa.mustafeed.notify;

import java.net.URI;
import java.util.Optional;
import sa.mustafeed.aws.AwsClients;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.MessagingSecret;
import sa.mustafeed.aws.SnsTextMessages;
import sa.mustafeed.aws.SocialMessagingWhatsApp;
import sa.mustafeed.aws.UnifonicTextMessages;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.ports.WhatsAppMessages;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The providers this deployment sends through, chosen by configuration (template parameters
 * SmsProvider and WhatsAppPhoneNumberId), built once at cold start on the one HTTP client.
 */
final class MessagingProviders {
    private MessagingProviders() {}

    /**
     * SMS_PROVIDER: {@code unifonic} (the template's default: Saudi sender IDs and the CST service
     * classification) or {@code sns}. A missing or unknown value stops the cold start: guessing a
     * provider could text people through an unregistered sender.
     */
    static TextMessages textMessages(SdkHttpClient http, Optional<URI> smsEndpoint) {
        String provider = Config.required("SMS_PROVIDER");
        return switch (provider) {
            case "sns" -> new SnsTextMessages(AwsClients.sns(http, smsEndpoint), Config.required("SMS_SENDER_ID"));
            case "unifonic" ->
                new UnifonicTextMessages(
                        http,
                        Config.optional("UNIFONIC_API_URL")
                                .map(URI::create)
                                .orElse(UnifonicTextMessages.DEFAULT_API_URL),
                        messagingSecret(http).unifonicAppSid(),
                        Config.required("SMS_SENDER_ID"));
            default -> throw new IllegalStateException("SMS_PROVIDER must be sns or unifonic, not " + provider);
        };
    }

    /** Empty when the association has no WhatsApp Business number yet: WhatsApp choices go by SMS. */
    static Optional<WhatsAppMessages> whatsApp(SdkHttpClient http) {
        return Config.optional("WHATSAPP_PHONE_NUMBER_ID")
                .map(phoneNumberId -> SocialMessagingWhatsApp.fromEnvironment(http, phoneNumberId));
    }

    /** Read once, at cold start, only when a provider needs it (MESSAGING_SECRET_ARN). */
    private static MessagingSecret messagingSecret(SdkHttpClient http) {
        try (SecretsManagerClient secrets = AwsClients.secretsManager(http, Optional.empty())) {
            return MessagingSecret.load(secrets, Config.required("MESSAGING_SECRET_ARN"));
        }
    }
}
