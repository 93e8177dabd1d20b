package sa.mustafeed.notify;

import java.net.URI;
import java.util.Optional;
import sa.mustafeed.aws.AwsClients;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.SnsTextMessages;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.ports.WhatsAppMessages;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The providers this deployment sends through, chosen by configuration (template parameters
 * SmsProvider and WhatsAppPhoneNumberId), built once at cold start on the one HTTP client.
 */
final class MessagingProviders {
    private MessagingProviders() {}

    static TextMessages textMessages(SdkHttpClient http, Optional<URI> smsEndpoint) {
        String provider = Config.optional("SMS_PROVIDER").orElse("sns");
        return switch (provider) {
            case "sns" -> new SnsTextMessages(AwsClients.sns(http, smsEndpoint), Config.required("SMS_SENDER_ID"));
            default -> throw new IllegalStateException("SMS_PROVIDER must be sns or unifonic, not " + provider);
        };
    }

    /** Empty when the association has no WhatsApp Business number yet: WhatsApp choices go by SMS. */
    static Optional<WhatsAppMessages> whatsApp(SdkHttpClient http) {
        return Optional.empty();
    }
}
