package sa.mustafeed.aws;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.RequestRepositoryContract;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDbRequestRepository keeps the port's promise to the reports (RequestRepositoryContract): the
 * submission's transaction counts the request in the service counters that DynamoDbServiceStatistics
 * reads, and a cancelled transaction counts nothing. Against moto, with the table template.yaml declares.
 */
@ExtendWith(MotoServer.class)
class DynamoDbRequestRepositoryContractIT extends RequestRepositoryContract {

    @Override
    protected Store emptyStore() throws Exception {
        MotoServer.reset();
        String table = MotoServer.provisionTemplate("contract").refs().get("RequestsTable");
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        return new Store(
                new DynamoDbRequestRepository(dynamoDb, table), new DynamoDbServiceStatistics(dynamoDb, table));
    }
}
