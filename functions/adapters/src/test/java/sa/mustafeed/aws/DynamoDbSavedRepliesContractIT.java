package sa.mustafeed.aws;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.SavedReplies;
import sa.mustafeed.core.ports.SavedRepliesContract;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDbSavedReplies keeps the port's promises (SavedRepliesContract) against moto, with the table template.yaml declares. */
@ExtendWith(MotoServer.class)
class DynamoDbSavedRepliesContractIT extends SavedRepliesContract {

    @Override
    protected SavedReplies emptyStore() throws Exception {
        MotoServer.reset();
        String table = MotoServer.provisionTemplate("saved-replies").refs().get("RequestsTable");
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        return new DynamoDbSavedReplies(dynamoDb, table);
    }
}
