package sa.mustafeed.aws;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.documents.Document;
import sa.mustafeed.core.documents.DocumentType;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.DocumentRecords;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link DocumentRecords} in the request's own partition ({@code REQ#<ref>} / {@code DOC#<id>}): a
 * document can only ever be found through the request it was recorded on.
 */
public final class DynamoDbDocumentRecords implements DocumentRecords {
    private static final String DOCUMENT_PREFIX = TableKeys.DOCUMENT_PREFIX;
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDocumentRecords(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean record(ReferenceCode reference, Document document, CaseEvent entry) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.document(reference, document.id()));
        item.put("entity", RequestItems.s("document"));
        item.put("id", RequestItems.s(document.id()));
        item.put("name", RequestItems.s(document.name()));
        item.put("contentType", RequestItems.s(document.type().mediaType()));
        item.put("size", AttributeValue.fromN(Long.toString(document.size())));
        item.put("at", RequestItems.s(document.at().toString()));
        item.put("by", RequestItems.s(document.by()));
        List<TransactWriteItem> writes = List.of(
                DynamoDbCaseRepository.requestExistsAndMarked(tableName, reference, entry),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(PK)"))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(RequestItems.caseEventItem(reference, entry)))
                        .build());
        try {
            DynamoDbFailures.call("record document", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException cancelled) {
            CancelledTransaction why = new CancelledTransaction(writes, cancelled);
            if (why.conditionFailedOn(TableKeys.requestItem(reference))) {
                throw new RequestNotFoundException();
            }
            if (why.conditionFailedOn(TableKeys.document(reference, document.id()))) {
                return false;
            }
            throw new StorageUnavailableException("record document: transaction conflicted", cancelled);
        }
    }

    @Override
    public List<Document> list(ReferenceCode reference) {
        return DynamoDbFailures.call(
                        "list documents",
                        () -> dynamoDb.query(q -> q.tableName(tableName)
                                .keyConditionExpression("PK = :pk AND begins_with(SK, :doc)")
                                .expressionAttributeValues(Map.of(
                                        ":pk",
                                        RequestItems.s(TableKeys.request(reference)),
                                        ":doc",
                                        RequestItems.s(DOCUMENT_PREFIX)))
                                .consistentRead(true)))
                .items()
                .stream()
                .map(DynamoDbDocumentRecords::document)
                .sorted(java.util.Comparator.comparing(Document::at))
                .toList();
    }

    @Override
    public Optional<Document> find(ReferenceCode reference, String documentId) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read document",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .consistentRead(true)
                                .key(TableKeys.document(reference, documentId))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(document(item));
    }

    private static Document document(Map<String, AttributeValue> item) {
        return new Document(
                item.get("id").s(),
                item.get("name").s(),
                DocumentType.fromMediaType(item.get("contentType").s()).orElseThrow(),
                Long.parseLong(item.get("size").n()),
                Instant.parse(item.get("at").s()),
                item.get("by").s());
    }
}
