package sa.mustafeed.aws;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.ComplaintsContract;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDbComplaints keeps the complaints' promises (ComplaintsContract) against moto, on the template's table. */
@ExtendWith(MotoServer.class)
class DynamoDbComplaintsContractIT extends ComplaintsContract {

    @Override
    protected Stores emptyStores() throws Exception {
        MotoServer.reset();
        String table = MotoServer.provisionTemplate("complaints").refs().get("RequestsTable");
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        return new Stores(
                new DynamoDbRequestRepository(dynamoDb, table),
                new DynamoDbCaseRepository(dynamoDb, table),
                new DynamoDbComplaints(dynamoDb, table));
    }
}
