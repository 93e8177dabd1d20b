package sa.mustafeed.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.aws.AwsClients;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.DynamoDbContactPreferences;
import sa.mustafeed.aws.DynamoDbDeliveryLog;
import sa.mustafeed.aws.DynamoDbRequestContacts;
import sa.mustafeed.aws.DynamoDbSentMessages;
import sa.mustafeed.aws.DynamoDbSurveyStore;
import sa.mustafeed.aws.FunctionResources;
import sa.mustafeed.aws.SesMailer;
import sa.mustafeed.aws.SqsUndeliveredMessages;
import sa.mustafeed.aws.StreamImages;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.core.notification.MessageRenderer;
import sa.mustafeed.core.notification.NotificationService;
import sa.mustafeed.core.notification.RequestChange;
import sa.mustafeed.core.notification.UnlockCodeSender;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.UnlockCodes;
import sa.mustafeed.core.survey.SurveyOffers;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.LogLine;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The table's stream → one message per request change. Reports the first record that failed (partial
 * batch response), so Lambda retries from there; records already handled are skipped by the
 * sent-message records, never sent twice.
 */
public final class NotifyHandler implements RequestStreamHandler {
    private final NotificationService notifications;
    private final UnlockCodeSender unlockCodes;

    /** Used by Lambda: builds the clients and reads every template once per cold start. */
    public NotifyHandler() {
        this(wire());
    }

    NotifyHandler(Services services) {
        this.notifications = services.notifications();
        this.unlockCodes = services.unlockCodes();
    }

    /** What the stream's records are for: messages about requests, and unlock codes. */
    record Services(NotificationService notifications, UnlockCodeSender unlockCodes) {}

    @Override
    @SuppressWarnings("unchecked")
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        List<Map<String, String>> failures = new ArrayList<>();
        for (Object raw : (List<Object>) event.getOrDefault("Records", List.of())) {
            Map<String, Object> stream = (Map<String, Object>) ((Map<String, Object>) raw).get("dynamodb");
            Map<String, Object> newImage = (Map<String, Object>) stream.get("NewImage");
            if (newImage == null) {
                continue;
            }
            Optional<StreamImages.UnlockCodeIssued> unlock = StreamImages.unlockCodeIssued(newImage);
            if (unlock.isPresent()) {
                try {
                    logUnlock(
                            "INFO",
                            unlock.get(),
                            unlockCodes
                                    .send(unlock.get().reference(), unlock.get().nonce())
                                    .name(),
                            null);
                } catch (DeliveryFailedException | StorageUnavailableException retryLater) {
                    logUnlock("WARN", unlock.get(), "RETRY", retryLater.getMessage());
                    failures.add(Map.of("itemIdentifier", String.valueOf(stream.get("SequenceNumber"))));
                    break;
                } catch (UndeliverableException refused) {
                    // The number is refused for good: the owner waits the lock out, or calls.
                    logUnlock("WARN", unlock.get(), "UNDELIVERABLE", refused.getMessage());
                }
                continue;
            }
            Optional<String> fallback = StreamImages.fallbackAskedFor(newImage);
            if (fallback.isPresent()) {
                try {
                    NotificationService.Outcome outcome = notifications.fallBack(fallback.get());
                    logFallback("INFO", fallback.get(), outcome.name(), null);
                } catch (DeliveryFailedException | StorageUnavailableException retryLater) {
                    logFallback("WARN", fallback.get(), "RETRY", retryLater.getMessage());
                    failures.add(Map.of("itemIdentifier", String.valueOf(stream.get("SequenceNumber"))));
                    break;
                }
                continue;
            }
            if (!StreamImages.isRequest(newImage)) {
                continue;
            }
            Map<String, Object> oldImage = (Map<String, Object>) stream.get("OldImage");
            ServiceRequest after = StreamImages.request(newImage);
            Optional<ServiceRequest> before = Optional.ofNullable(oldImage).map(StreamImages::request);
            try {
                NotificationService.Outcome outcome = notifications.notify(
                        new RequestChange(before, after, StreamImages.newReply(newImage, oldImage)));
                log("INFO", after, outcome.name(), null);
            } catch (DeliveryFailedException | StorageUnavailableException retryLater) {
                log("WARN", after, "RETRY", retryLater.getMessage());
                // Lambda retries from the lowest reported sequence number; later records come again too.
                failures.add(Map.of("itemIdentifier", String.valueOf(stream.get("SequenceNumber"))));
                break;
            }
        }
        output.write(Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }

    /** Reference, version and outcome only: never the phone, email or text. */
    private static void log(String level, ServiceRequest request, String outcome, String error) {
        LogLine.of(level, "notification")
                .with("reference", request.reference().display())
                .with("version", request.version())
                .with("status", request.status().wireName())
                .with("outcome", outcome)
                .with("error", error)
                .print();
    }

    /** The message key names the request and version only: no contact details. */
    private static void logFallback(String level, String messageKey, String outcome, String error) {
        LogLine.of(level, "notification-fallback")
                .with("message", messageKey)
                .with("outcome", outcome)
                .with("error", error)
                .print();
    }

    /** The reference and outcome only: never the code, the nonce or the phone. */
    private static void logUnlock(String level, StreamImages.UnlockCodeIssued issued, String outcome, String error) {
        LogLine.of(level, "unlock-code")
                .with("reference", issued.reference().display())
                .with("outcome", outcome)
                .with("error", error)
                .print();
    }

    private static Services wire() {
        return wire(Optional.empty());
    }

    /** As Lambda wires it; tests point SNS elsewhere (a closed port) to see a failed send end in the DLQ. */
    static Services wire(Optional<java.net.URI> smsEndpoint) {
        FunctionResources aws = FunctionResources.fromEnvironment();
        SdkHttpClient http = AwsClients.httpClient();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        String table = aws.tableName();
        TextMessages sms = MessagingProviders.textMessages(http, smsEndpoint);
        MessageRenderer renderer = new MessageRenderer(new ClasspathMessageTemplates());
        return new Services(
                notifications(aws, http, dynamoDb, table, sms, renderer),
                new UnlockCodeSender(
                        new DynamoDbRequestContacts(dynamoDb, table), sms, renderer, new UnlockCodes(aws.hasher())));
    }

    private static NotificationService notifications(
            FunctionResources aws,
            SdkHttpClient http,
            DynamoDbClient dynamoDb,
            String table,
            TextMessages sms,
            MessageRenderer renderer) {
        return new NotificationService(
                renderer,
                new NotificationService.Channels(
                        sms,
                        MessagingProviders.whatsApp(http),
                        new SesMailer(AwsClients.sesV2(http, Optional.empty()), Config.required("SENDER_EMAIL")),
                        new DynamoDbSentMessages(dynamoDb, table),
                        new DynamoDbContactPreferences(dynamoDb, table),
                        new SqsUndeliveredMessages(
                                AwsClients.sqs(http, Optional.empty()), Config.required("DEAD_LETTER_QUEUE_URL")),
                        new DynamoDbDeliveryLog(dynamoDb, table)),
                new SurveyOffers(
                        new SurveyTokens(aws.hasher()),
                        new DynamoDbSurveyStore(dynamoDb, table),
                        Clock.systemUTC(),
                        Duration.ofDays(Long.parseLong(
                                Config.optional("SURVEY_VALID_DAYS").orElse("14"))),
                        Duration.ofDays(Long.parseLong(
                                Config.optional("SURVEY_COOLDOWN_DAYS").orElse("30"))),
                        Config.required("SITE_URL")),
                Clock.systemUTC(),
                new LocalizedText(Config.required("ASSOCIATION_NAME"), Config.required("ASSOCIATION_NAME_EN")),
                Config.required("SITE_URL"));
    }
}
