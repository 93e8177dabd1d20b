package sa.mustafeed.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.aws.FunctionResources;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.SubmissionReceipt;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.HttpFunction;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;
import sa.mustafeed.http.RequestDrafts;
import sa.mustafeed.http.SnapStartPriming;

/** {@code POST /requests}: a visitor (kiosk or website) submits a request. */
public final class SubmitRequestHandler implements RequestStreamHandler {
    private final SubmissionService submissions;
    /** Held here because org.crac keeps registered hooks only weakly. */
    private final Optional<SnapStartPriming> priming;

    /** Used by Lambda: builds the clients once per cold start (and primes them before a SnapStart snapshot). */
    public SubmitRequestHandler() {
        this(
                wire(FunctionResources.fromEnvironment()),
                SnapStartPriming.registerIfSnapStart(() -> priming(new OfflineAwsClients())));
    }

    SubmitRequestHandler(SubmissionService submissions) {
        this(submissions, Optional.empty());
    }

    private SubmitRequestHandler(SubmissionService submissions, Optional<SnapStartPriming> priming) {
        this.submissions = submissions;
        this.priming = priming;
    }

    /** A sample submission through a copy of this handler whose SDK calls never leave the process. */
    static SnapStartPriming priming(OfflineAwsClients offline) {
        return new SnapStartPriming(
                () -> new SubmitRequestHandler(wire(offline.functionResources())),
                SnapStartPriming.event(SubmitRequestHandler.class, "priming-event.json"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, this::submit);
    }

    private ApiResponse submit(ApiEvent event) {
        SubmissionReceipt receipt =
                submissions.submit(RequestDrafts.fromJson(JsonBodies.object(event)), event.header("idempotency-key"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", receipt.reference().display());
        body.put("status", receipt.status().wireName());
        body.put("submittedAt", receipt.submittedAt().toString());
        body.put(
                "nextSteps",
                Map.of("ar", receipt.nextSteps().ar(), "en", receipt.nextSteps().en()));
        receipt.trackingCode().ifPresent(code -> body.put("trackingCode", code));
        ApiResponse created = ApiResponse.json(201, Json.write(body));
        return receipt.replayed() ? created.withHeader("idempotent-replayed", "true") : created;
    }

    private static SubmissionService wire(FunctionResources aws) {
        return new SubmissionService(
                RequestRules.forPublicChannels(),
                new DynamoDbRequestRepository(aws.dynamoDb(), aws.tableName()),
                aws.hasher(),
                Clock.systemUTC(),
                new SecureRandom(),
                Config.optional("PRIVACY_NOTICE_VERSION").orElse("unversioned"),
                sa.mustafeed.http.ServiceLevelsFile.load());
    }
}
