package sa.mustafeed.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseSearch;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Staff search in a fixed number of calls, whatever the number of hits: a reference is one GetItem;
 * a mobile one Query of GSI2, which projects every attribute, so its hits are the rows; a national
 * ID one Query of GSI4 (reference and status only) and one BatchGetItem of the hits' request items
 * ({@link CaseRepository#SEARCH_LIMIT} stays under BatchGetItem's 100 keys). Reading each hit on
 * its own made a search of a beneficiary with 50 requests cost 51 round trips.
 */
final class DynamoDbCaseSearch {
    /** BatchGetItem may leave keys unprocessed when throttled; a few quick retries, then 503. */
    private final DynamoDbClient dynamoDb;

    private final String tableName;

    DynamoDbCaseSearch(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    QueuePage search(CaseSearch search) {
        List<CaseSummary> found = switch (search) {
            case CaseSearch.ByReference r -> byReference(r.reference());
            case CaseSearch.ByMobileHash m ->
                indexQuery("GSI2", TableKeys.beneficiary(m.mobileHash()), false).stream()
                        .map(DynamoDbCaseQueue::summary)
                        .toList();
            case CaseSearch.ByNationalIdHash n ->
                requestItems(references("GSI4", TableKeys.nationalId(n.nationalIdHash())));
        };
        return new QueuePage(found, Optional.empty());
    }

    /** The references in one beneficiary index partition, newest first (PDPL export and erasure). */
    List<ReferenceCode> references(String index, String partition) {
        return indexQuery(index, partition, true).stream()
                .map(i -> new ReferenceCode(i.get("reference").s()))
                .toList();
    }

    private List<CaseSummary> byReference(ReferenceCode reference) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "search",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.requestItem(reference))
                                .consistentRead(true)))
                .item();
        return item == null || item.isEmpty() ? List.of() : List.of(DynamoDbCaseQueue.summary(item));
    }

    private List<Map<String, AttributeValue>> indexQuery(String index, String partition, boolean referenceOnly) {
        return DynamoDbFailures.call(
                        "search",
                        () -> dynamoDb.query(q -> {
                            q.tableName(tableName)
                                    .indexName(index)
                                    .keyConditionExpression(index + "PK = :p")
                                    .expressionAttributeValues(Map.of(":p", RequestItems.s(partition)))
                                    .scanIndexForward(false)
                                    .limit(CaseRepository.SEARCH_LIMIT);
                            if (referenceOnly) {
                                q.projectionExpression("#reference")
                                        .expressionAttributeNames(Map.of("#reference", "reference"));
                            }
                        }))
                .items();
    }

    /** The request items of these references in one consistent BatchGetItem, in the order given. */
    private List<CaseSummary> requestItems(List<ReferenceCode> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, AttributeValue>> byPartition = new HashMap<>();
        for (Map<String, AttributeValue> item : ConsistentBatchRead.items(
                dynamoDb,
                tableName,
                references.stream().distinct().map(TableKeys::requestItem).toList(),
                "search",
                keys -> keys)) {
            byPartition.put(item.get(TableKeys.PK).s(), item);
        }
        return references.stream()
                .distinct()
                .map(r -> byPartition.get(TableKeys.request(r)))
                .filter(java.util.Objects::nonNull)
                .map(DynamoDbCaseQueue::summary)
                .toList();
    }
}
