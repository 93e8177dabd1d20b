package sa.mustafeed.bench.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import sa.mustafeed.aws.DynamoDbFailedAttempts;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.core.request.LookupResult;
import sa.mustafeed.core.request.LookupService;
import sa.mustafeed.http.LookupQueries;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Benchmark only, never deployed: lookup-request the usual way (see {@link NaiveSubmitHandler}). */
public final class NaiveLookupHandler implements RequestStreamHandler {
    private final ObjectMapper mapper = NaiveFunctions.mapper();
    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final LookupService lookups = new LookupService(
            new DynamoDbRequestRepository(dynamoDb, System.getenv("TABLE_NAME")),
            new DynamoDbFailedAttempts(dynamoDb, System.getenv("TABLE_NAME")),
            NaiveFunctions.hasher(),
            Clock.systemUTC());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPEvent event = mapper.readValue(input, APIGatewayV2HTTPEvent.class);
        Map<String, Object> body = mapper.readValue(event.getBody(), new TypeReference<Map<String, Object>>() {});
        LookupResult found = lookups.lookup(
                LookupQueries.fromJson(body),
                event.getRequestContext().getHttp().getSourceIp());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reference", found.reference().display());
        answer.put("category", found.category().wireName());
        answer.put("status", found.status().wireName());
        answer.put("submittedAt", found.submittedAt().toString());
        answer.put("updatedAt", found.updatedAt().toString());
        answer.put(
                "timeline",
                found.timeline().stream()
                        .map(e -> Map.of(
                                "at", e.at().toString(), "status", e.status().wireName()))
                        .toList());
        NaiveFunctions.answer(mapper, output, 200, answer);
    }
}
