package sa.mustafeed.aws;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.AuditLog;
import sa.mustafeed.core.staff.AuditAction;
import sa.mustafeed.core.staff.AuditEntry;
import sa.mustafeed.core.staff.AuditPage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link AuditLog} on the requests table: one partition a month ({@code AUDIT#<yyyy-MM>}), sort key
 * {@code <instant>#<unique>} so a month reads newest first as one Query going backwards, and two
 * entries at the same instant are two items. A put is conditional on the key being new: an entry is
 * appended, never overwritten. No TTL: the log is kept as long as the association keeps its records.
 */
public final class DynamoDbAuditLog implements AuditLog {
    /**
     * Fixed width (nine fraction digits): {@link Instant#toString()} drops zero fractions, and
     * {@code 08:30:00Z} would sort after {@code 08:30:00.5Z} ('Z' is above '.').
     */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final Pattern SORT_KEY =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#[0-9a-f-]{36}");

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    private static String partition(YearMonth month) {
        return TableKeys.AUDIT_PREFIX + month;
    }

    @Override
    public void record(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.key(
                partition(YearMonth.from(entry.at().atZone(ZoneOffset.UTC))),
                SORTABLE.format(entry.at()) + "#" + UUID.randomUUID()));
        item.put("action", RequestItems.s(entry.action().wireName()));
        item.put("staffId", RequestItems.s(entry.staffId()));
        item.put("staffName", RequestItems.s(entry.staffName()));
        item.put("at", RequestItems.s(entry.at().toString()));
        item.put("subjectHash", RequestItems.s(entry.subjectHash()));
        item.put("requests", AttributeValue.fromN(Integer.toString(entry.requests())));
        DynamoDbFailures.call(
                "write audit log",
                () -> dynamoDb.putItem(
                        p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(PK)")));
    }

    @Override
    public AuditPage month(YearMonth month, Optional<String> cursor, int pageSize) {
        String pk = partition(month);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", RequestItems.s(pk)))
                .scanIndexForward(false)
                // one more than asked: whether a next page exists is then known, never an empty last page
                .limit(pageSize + 1);
        cursor.map(c -> sortKeyOf(c, month)).ifPresent(sk -> query.exclusiveStartKey(TableKeys.key(pk, sk)));
        QueryRequest built = query.build();
        QueryResponse page = DynamoDbFailures.call("read audit log", () -> dynamoDb.query(built));
        List<Map<String, AttributeValue>> items = page.items();
        List<AuditEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.subList(0, Math.min(pageSize, items.size()))) {
            entries.add(entry(item));
        }
        Optional<String> next = items.size() > pageSize
                ? Optional.of(encode(items.get(pageSize - 1).get(TableKeys.SK).s()))
                : Optional.empty();
        return new AuditPage(entries, next);
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(
                AuditAction.fromWireName(item.get("action").s()).orElseThrow(),
                item.get("staffId").s(),
                item.get("staffName").s(),
                Instant.parse(item.get("at").s()),
                item.get("subjectHash").s(),
                Integer.parseInt(item.get("requests").n()));
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInputException for anything but a sort key of {@code month} this class wrote */
    private static String sortKeyOf(String cursor, YearMonth month) {
        try {
            String sk = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (SORT_KEY.matcher(sk).matches() && sk.startsWith(month + "-")) {
                return sk;
            }
        } catch (IllegalArgumentException e) {
            // not Base64: refused below like any other foreign cursor
        }
        throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
    }
}
