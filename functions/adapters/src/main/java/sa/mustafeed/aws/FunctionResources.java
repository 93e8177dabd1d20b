package sa.mustafeed.aws;

import java.util.Optional;
import sa.mustafeed.core.privacy.KeyedHasher;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What every request function needs, built once at cold start from the settings template.yaml
 * passes: the table, its name, and the keyed hasher whose key lives in Secrets Manager.
 */
public record FunctionResources(DynamoDbClient dynamoDb, String tableName, KeyedHasher hasher) {

    public static FunctionResources fromEnvironment() {
        SdkHttpClient http = AwsClients.httpClient();
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(http, Optional.empty());
        byte[] key;
        try (SecretsManagerClient secrets = AwsClients.secretsManager(http, Optional.empty())) {
            key = SecretsManagerHashKey.load(secrets, Config.required("HASH_KEY_SECRET_ARN"));
        }
        return new FunctionResources(dynamoDb, Config.required("TABLE_NAME"), new KeyedHasher(key));
    }
}
