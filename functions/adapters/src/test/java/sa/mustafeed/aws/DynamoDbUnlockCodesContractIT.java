package sa.mustafeed.aws;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.UnlockCodeStore;
import sa.mustafeed.core.ports.UnlockCodeStoreContract;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDbUnlockCodes keeps the port's promises (UnlockCodeStoreContract) against moto, with the table template.yaml declares. */
@ExtendWith(MotoServer.class)
class DynamoDbUnlockCodesContractIT extends UnlockCodeStoreContract {

    @Override
    protected UnlockCodeStore emptyStore() throws Exception {
        MotoServer.reset();
        String table = MotoServer.provisionTemplate("unlock").refs().get("RequestsTable");
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        return new DynamoDbUnlockCodes(dynamoDb, table);
    }
}
