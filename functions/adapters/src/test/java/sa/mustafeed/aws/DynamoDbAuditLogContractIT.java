package sa.mustafeed.aws;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.ports.AuditLog;
import sa.mustafeed.core.ports.AuditLogContract;
import sa.mustafeed.testing.MotoServer;

/**
 * DynamoDbAuditLog keeps the audit log's promises (AuditLogContract): month partitions read newest
 * first, pages by key, twins kept. Against moto, with the table template.yaml declares.
 */
@ExtendWith(MotoServer.class)
class DynamoDbAuditLogContractIT extends AuditLogContract {
    @Override
    protected AuditLog emptyLog() throws Exception {
        MotoServer.reset();
        String table = MotoServer.provisionTemplate("audit").refs().get("RequestsTable");
        return new DynamoDbAuditLog(
                AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint())), table);
    }
}
