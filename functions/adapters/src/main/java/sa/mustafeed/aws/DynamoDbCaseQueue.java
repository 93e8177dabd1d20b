package sa.mustafeed.aws;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The staff queue from the indexes, never a scan: GSI1 (one status) or GSI3 (month by month, so a
 * date range reads only the months it covers). Category and channel are filters on those reads.
 * A page ends where the reads stopped, named by a {@link QueueCursor}.
 */
final class DynamoDbCaseQueue {
    /** A filtered query may return few items per read; stop after this many reads and hand back a cursor. */
    private static final int MAX_READS_PER_PAGE = 30;
    /**
     * Items one filtered read evaluates. DynamoDB applies Limit before the filter: reading a page's
     * worth (25) of a year of requests for one type and channel (about 1 in 75) took 30 reads for
     * 10 rows (./bench --scale). Reading more per call costs the same items in far fewer calls;
     * what matched beyond the page is read again from the cursor, which then names the last row shown.
     */
    private static final int FILTERED_READ = 500;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    DynamoDbCaseQueue(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    QueuePage page(QueueQuery query) {
        QueueCursor cursor = query.cursor().map(QueueCursor::decode).orElse(QueueCursor.START);
        List<String> partitions = partitions(query);
        int partitionIndex = cursor.atStart() ? 0 : partitions.indexOf(cursor.partition());
        if (partitionIndex < 0) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
        List<CaseSummary> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = cursor.lastKey();
        int reads = 0;
        while (partitionIndex < partitions.size() && items.size() < query.pageSize() && reads < MAX_READS_PER_PAGE) {
            String partition = partitions.get(partitionIndex);
            int wanted = query.pageSize() - items.size();
            boolean filtered = query.category().isPresent() || query.channel().isPresent();
            QueryRequest request = queueRequest(
                    query, partition, startKey.isEmpty() ? null : startKey, filtered ? FILTERED_READ : wanted);
            QueryResponse page = DynamoDbFailures.call("read queue", () -> dynamoDb.query(request));
            reads++;
            List<Map<String, AttributeValue>> found = page.items();
            for (int i = 0; i < found.size(); i++) {
                if (items.size() == query.pageSize()) {
                    Map<String, AttributeValue> lastShown = indexKey(found.get(i - 1), request.indexName());
                    return new QueuePage(items, Optional.of(new QueueCursor(partition, lastShown).encode()));
                }
                items.add(summary(found.get(i)));
            }
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                startKey = page.lastEvaluatedKey();
                if (items.size() >= query.pageSize() || reads >= MAX_READS_PER_PAGE) {
                    return new QueuePage(items, Optional.of(new QueueCursor(partition, startKey).encode()));
                }
            } else {
                startKey = Map.of();
                partitionIndex++;
            }
        }
        if (partitionIndex < partitions.size()) {
            return new QueuePage(
                    items, Optional.of(new QueueCursor(partitions.get(partitionIndex), startKey).encode()));
        }
        return new QueuePage(items, Optional.empty());
    }

    /** Page after page from the query's cursor, until {@code atLeast} are held or none are left. */
    List<CaseSummary> all(QueueQuery query, int atLeast) {
        List<CaseSummary> out = new ArrayList<>();
        Optional<String> cursor = query.cursor();
        do {
            QueuePage page = page(new QueueQuery(
                    query.status(),
                    query.category(),
                    query.channel(),
                    query.from(),
                    query.to(),
                    query.newestFirst(),
                    cursor,
                    query.pageSize()));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && out.size() < atLeast);
        return out;
    }

    /**
     * A queue row from a request item. GSI1 and GSI3 (the queue) and GSI2 (search by mobile) project
     * every attribute, so {@code notReachedVersion} is on the row as on the item; GSI4 projects only
     * reference and status, and a national-ID search reads the items themselves.
     */
    static CaseSummary summary(Map<String, AttributeValue> item) {
        return RequestItems.summary(item);
    }

    /** The index partitions to read, in the order the page walks them. */
    static List<String> partitions(QueueQuery query) {
        if (query.status().isPresent()) {
            return List.of(TableKeys.statusQueue(query.status().get()));
        }
        List<String> months = new ArrayList<>();
        YearMonth first = YearMonth.from(query.from());
        YearMonth last = YearMonth.from(query.to());
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(TableKeys.month(m));
        }
        if (query.newestFirst()) {
            Collections.reverse(months);
        }
        return months;
    }

    /** The key DynamoDB would hand back as LastEvaluatedKey after this item, in that index. */
    private static Map<String, AttributeValue> indexKey(Map<String, AttributeValue> item, String index) {
        return Map.of(
                RequestItems.PK,
                item.get(RequestItems.PK),
                RequestItems.SK,
                item.get(RequestItems.SK),
                index + "PK",
                item.get(index + "PK"),
                index + "SK",
                item.get(index + "SK"));
    }

    private QueryRequest queueRequest(
            QueueQuery query, String partition, Map<String, AttributeValue> startKey, int limit) {
        boolean byStatus = partition.startsWith(TableKeys.STATUS_PREFIX);
        String index = byStatus ? "GSI1" : "GSI3";
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":p", RequestItems.s(partition));
        values.put(":from", RequestItems.s(query.from().toString()));
        values.put(":to", RequestItems.s(query.to().plusDays(1).toString()));
        List<String> filters = new ArrayList<>();
        query.category().ifPresent(c -> {
            filters.add("category = :category");
            values.put(":category", RequestItems.s(c.wireName()));
        });
        query.channel().ifPresent(c -> {
            filters.add("channel = :channel");
            values.put(":channel", RequestItems.s(c.wireName()));
        });
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(index)
                .keyConditionExpression(index + "PK = :p AND " + index + "SK BETWEEN :from AND :to")
                .expressionAttributeValues(values)
                .scanIndexForward(!query.newestFirst())
                .limit(Math.max(1, limit));
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        return request.build();
    }
}
