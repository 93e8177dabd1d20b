package sa.mustafeed.aws;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.FollowUpsContract;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDbSurveyStore, DynamoDbFollowUps and DynamoDbSurveyFeedback keep the follow-ups' promises
 * (FollowUpsContract) against moto, with the table template.yaml declares: a follow-up created in
 * the answer's transaction, recorded once, withdrawn by anonymity, counted in its month.
 */
@ExtendWith(MotoServer.class)
class DynamoDbFollowUpsContractIT extends FollowUpsContract {

    @Override
    protected Stores emptyStores() throws Exception {
        MotoServer.reset();
        String table = MotoServer.provisionTemplate("follow-ups").refs().get("RequestsTable");
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        return new Stores(
                new DynamoDbSurveyStore(dynamoDb, table),
                new DynamoDbFollowUps(dynamoDb, table),
                new DynamoDbSurveyFeedback(dynamoDb, table));
    }
}
