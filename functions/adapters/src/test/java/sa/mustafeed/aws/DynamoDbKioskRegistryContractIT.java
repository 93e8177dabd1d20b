package sa.mustafeed.aws;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.KioskRegistry;
import sa.mustafeed.core.ports.KioskRegistryContract;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDbKioskRegistry keeps the port's promises (KioskRegistryContract) against moto, with the table template.yaml declares. */
@ExtendWith(MotoServer.class)
class DynamoDbKioskRegistryContractIT extends KioskRegistryContract {

    @Override
    protected KioskRegistry emptyRegistry() throws Exception {
        MotoServer.reset();
        String table = MotoServer.provisionTemplate("kiosks").refs().get("RequestsTable");
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        return new DynamoDbKioskRegistry(dynamoDb, table);
    }
}
