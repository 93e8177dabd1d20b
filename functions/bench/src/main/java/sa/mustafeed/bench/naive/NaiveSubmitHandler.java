package sa.mustafeed.bench.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.SubmissionReceipt;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.http.RequestDrafts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Benchmark only, never deployed: submit-request the usual way. The same domain service and the same
 * DynamoDB calls, but clients built with the SDK defaults in the handler class, the events library's
 * POJOs and Jackson databind.
 */
public final class NaiveSubmitHandler implements RequestStreamHandler {
    private final ObjectMapper mapper = NaiveFunctions.mapper();
    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final SubmissionService submissions = new SubmissionService(
            RequestRules.forPublicChannels(),
            new DynamoDbRequestRepository(dynamoDb, System.getenv("TABLE_NAME")),
            NaiveFunctions.hasher(),
            Clock.systemUTC(),
            new SecureRandom(),
            System.getenv("PRIVACY_NOTICE_VERSION"));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPEvent event = mapper.readValue(input, APIGatewayV2HTTPEvent.class);
        Map<String, Object> body = mapper.readValue(event.getBody(), new TypeReference<Map<String, Object>>() {});
        SubmissionReceipt receipt = submissions.submit(
                RequestDrafts.fromJson(body),
                Optional.ofNullable(event.getHeaders().get("idempotency-key")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reference", receipt.reference().display());
        answer.put("status", receipt.status().wireName());
        answer.put("submittedAt", receipt.submittedAt().toString());
        answer.put(
                "nextSteps",
                Map.of("ar", receipt.nextSteps().ar(), "en", receipt.nextSteps().en()));
        NaiveFunctions.answer(mapper, output, 201, answer);
    }
}
