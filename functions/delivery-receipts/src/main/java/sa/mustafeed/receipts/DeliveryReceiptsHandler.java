package sa.mustafeed.receipts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.aws.AwsClients;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.DynamoDbDeliveryLog;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.notification.DeliveryReceipts;
import sa.mustafeed.core.notification.Receipt;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.ErrorAnswers;
import sa.mustafeed.http.HttpFunction;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.LogLine;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What became of the messages the providers took: Unifonic's delivery reports ({@code POST
 * /delivery-receipts/unifonic}, a public webhook that must carry the shared token) and End User
 * Messaging Social's WhatsApp status events (SNS notifications from the WhatsApp events topic, which
 * only that topic may send: the function's resource policy names it). Each report becomes one {@link
 * Receipt} for {@link DeliveryReceipts}.
 *
 * <p>Unifonic resends anything not answered 200 (six times in 72 hours), so every report it sent
 * correctly is answered 200, even one about a message this system never sent; only an unreachable
 * store answers 503, to be sent again. An SNS record that is not a readable event is logged and
 * skipped, so it cannot hold back the rest; only an unreachable store fails the invocation, which
 * Lambda then retries (a receipt applies once, so a retry changes nothing already done).
 */
public final class DeliveryReceiptsHandler implements RequestStreamHandler {
    static final String UNIFONIC_ROUTE = "POST /delivery-receipts/unifonic";

    private final DeliveryReceipts receipts;
    private final WebhookToken token;
    private final Clock clock;

    /** Used by Lambda: builds the table client and reads the webhook token once per cold start. */
    public DeliveryReceiptsHandler() {
        this(Parts.fromEnvironment());
    }

    private DeliveryReceiptsHandler(Parts parts) {
        this(parts.receipts(), parts.token(), Clock.systemUTC());
    }

    DeliveryReceiptsHandler(DeliveryReceipts receipts, WebhookToken token, Clock clock) {
        this.receipts = receipts;
        this.token = token;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        Optional<List<Object>> notifications = SnsRecords.of(event);
        if (notifications.isPresent()) {
            SnsRecords.Tally tally = SnsRecords.handle(notifications.get(), clock, this::applyWhatsApp);
            output.write(Json.write(tally.toMap()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpFunction.serve(new ByteArrayInputStream(event), output, this::route);
    }

    private ApiResponse route(ApiEvent event) {
        if (!UNIFONIC_ROUTE.equals(event.routeKey())) {
            throw new RequestNotFoundException();
        }
        // Before the body is read at all: nobody without the token learns what this endpoint accepts.
        if (!token.admits(event.header("authorization"))) {
            return ErrorAnswers.answer(401, List.of(FieldError.general(ErrorCode.WEBHOOK_UNAUTHENTICATED)))
                    .withHeader("www-authenticate", "Bearer");
        }
        UnifonicReports.Report report = UnifonicReports.read(event, clock.instant());
        DeliveryReceipts.Outcome outcome =
                report.receipt().map(receipts::apply).orElse(DeliveryReceipts.Outcome.IGNORED);
        log(UnifonicReports.PROVIDER, report.messageId(), report.knownState(), outcome);
        return ApiResponse.json(200, Json.write(Map.of("outcome", wireName(outcome))));
    }

    private int applyWhatsApp(WhatsAppEvents.Event event) {
        for (Receipt receipt : event.receipts()) {
            log(
                    WhatsAppEvents.PROVIDER,
                    receipt.providerMessageId(),
                    receipt.state().wireName(),
                    receipts.apply(receipt));
        }
        return event.receipts().size();
    }

    /** The provider's message id (an opaque token), its word and the outcome: never the number or text. */
    private static void log(String provider, String providerMessageId, String state, DeliveryReceipts.Outcome outcome) {
        LogLine.of("INFO", "delivery receipt")
                .with("provider", provider)
                .with("providerMessageId", providerMessageId)
                .with("state", state)
                .with("outcome", wireName(outcome))
                .print();
    }

    static String wireName(DeliveryReceipts.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** What Lambda's constructor builds: the receipts over the table, and the token from the messaging secret. */
    private record Parts(DeliveryReceipts receipts, WebhookToken token) {
        static Parts fromEnvironment() {
            SdkHttpClient http = AwsClients.httpClient();
            WebhookToken token;
            try (SecretsManagerClient secrets = AwsClients.secretsManager(http, Optional.empty())) {
                token = WebhookToken.load(secrets, Config.required("MESSAGING_SECRET_ARN"));
            }
            return new Parts(
                    new DeliveryReceipts(new DynamoDbDeliveryLog(
                            AwsClients.dynamoDb(http, Optional.empty()), Config.required("TABLE_NAME"))),
                    token);
        }
    }
}
