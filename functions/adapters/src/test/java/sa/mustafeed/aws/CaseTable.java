package sa.mustafeed.aws;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import sa.mustafeed.core.ports.RequestRepository.CreateOutcome;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.OnBehalf;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A fresh requests table in moto, a client that records the calls it makes, and requests stored the real way. */
final class CaseTable {
    final DynamoDbClient dynamoDb;
    final String table;
    /** The DynamoDB operations called, in order ("QueryRequest", "BatchGetItemRequest", …). */
    final List<String> calls = new CopyOnWriteArrayList<>();

    CaseTable() throws Exception {
        MotoServer.reset();
        table = MotoServer.provisionTemplate("it").refs().get("RequestsTable");
        dynamoDb = DynamoDbClient.builder()
                .httpClient(AwsClients.httpClient())
                .endpointOverride(MotoServer.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(MotoServer.REGION))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        calls.add(context.request().getClass().getSimpleName());
                    }
                }))
                .build();
    }

    private final java.util.SplittableRandom codes = new java.util.SplittableRandom(14);

    /** A new valid reference (check character included); distinct within one table. */
    ReferenceCode newReference() {
        return ReferenceCode.random(codes);
    }

    ServiceRequest request(Instant submittedAt, String mobileHash, Optional<String> idHash) {
        return request(submittedAt, mobileHash, idHash, Category.NEW_BENEFICIARY);
    }

    ServiceRequest request(Instant submittedAt, String mobileHash, Optional<String> idHash, Category category) {
        return new ServiceRequest(
                newReference(),
                category,
                Channel.WEB,
                Status.RECEIVED,
                "سارة العتيبي",
                "+966501234567",
                mobileHash,
                Optional.of("sara@example.org"),
                idHash,
                idHash.map(h -> "8153"),
                "مكة",
                "وصف",
                ContactMethod.EMAIL,
                Language.AR,
                Optional.of(new OnBehalf("يوسف", "أم")),
                "2026-11",
                submittedAt,
                submittedAt,
                submittedAt,
                1);
    }

    ReferenceCode store(ServiceRequest request) {
        CreateOutcome outcome = new DynamoDbRequestRepository(dynamoDb, table)
                .create(request, new TimelineEntry(request.submittedAt(), Status.RECEIVED), Optional.empty());
        if (outcome != CreateOutcome.CREATED) {
            throw new IllegalStateException("not stored: " + outcome);
        }
        return request.reference();
    }
}
