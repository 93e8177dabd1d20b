package sa.mustafeed.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.mustafeed.core.reference.ReferenceCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Years of history for ./bench --scale, made from one month of real work: the month the seed ran
 * through the domain services is copied to each earlier month, every time and month in it moved
 * back, every reference replaced by another valid one. Through the services, 50,000 requests would
 * take moto over two hours (about 100 calls a second, 17 calls a request); a month of them and
 * batches of copies take minutes, and every item still has the shape the adapters wrote.
 *
 * <p>Copied: requests with their timelines and documents (not the ones still open: years-old open
 * work would be the queue's first page), volunteers' lists, survey answers and the service,
 * satisfaction and delivery counters. Not copied: what expires or belongs to one message (idempotency,
 * rate windows, sent-message and delivery records, survey invitations, preferences, directory).
 * Beneficiaries are the same people each month (their mobiles' keyed hashes cannot be made here):
 * a search by mobile finds a person's request of every month, a heavy case for it.
 */
final class HistoryCopies {
    private static final List<String> COPIED = List.of("REQ#", "REGBY#", "ANSWER#", "SVCAGG#", "SURVEYAGG#", "DLVAGG#");
    /** An instant as Instant.toString writes it, a date, or a month (as in MONTH#2026-11), in that order. */
    private static final Pattern TIMES = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z)|(\\d{4}-\\d{2}-\\d{2})(?![\\dT])|(?<![\\d-])(\\d{4}-\\d{2})(?![\\d-])");

    private static final String ALPHABET = ReferenceCode.ALPHABET;
    /** A reference as stored (eight alphabet characters); renamed only when it is one of the seed's. */
    private static final Pattern REFERENCE = Pattern.compile("(?<![0-9A-Z])[" + ALPHABET + "]{8}(?![0-9A-Z])");

    private static final int BATCH = 25;

    private HistoryCopies() {}

    /**
     * Copies the table's seeded month into each of the {@code months} before it.
     *
     * @return how many requests the copies hold
     */
    static int copyBack(DynamoDbClient dynamoDb, String table, int months) {
        List<Map<String, AttributeValue>> originals = new ArrayList<>();
        Set<String> openRequests = new HashSet<>();
        dynamoDb.scanPaginator(s -> s.tableName(table)).items().forEach(item -> {
            String pk = item.get("PK").s();
            if (COPIED.stream().anyMatch(pk::startsWith)) {
                originals.add(item);
                if (item.containsKey("GSI5PK")) {
                    openRequests.add(pk);
                }
            }
        });
        originals.removeIf(item -> openRequests.contains(item.get("PK").s()));
        Set<String> references = new HashSet<>();
        originals.forEach(item -> {
            if (item.get("PK").s().startsWith("REQ#")) {
                references.add(item.get("PK").s().substring(4));
            }
        });
        int requests = 0;
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (int back = 1; back <= months; back++) {
            Map<String, String> renamed = new HashMap<>();
            for (String reference : references) {
                renamed.put(reference, shifted(reference, back));
            }
            for (Map<String, AttributeValue> item : originals) {
                Map<String, AttributeValue> copy = new HashMap<>();
                for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
                    copy.put(attribute.getKey(), moved(attribute.getValue(), back, renamed));
                }
                if ("META".equals(item.get("SK").s()) && item.get("PK").s().startsWith("REQ#")) {
                    requests++;
                }
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(copy).build())
                        .build());
                if (batch.size() == BATCH) {
                    write(dynamoDb, table, batch);
                }
            }
        }
        if (!batch.isEmpty()) {
            write(dynamoDb, table, batch);
        }
        return requests;
    }

    private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        batch.clear();
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> asked = pending;
            Map<String, List<WriteRequest>> left =
                    dynamoDb.batchWriteItem(b -> b.requestItems(asked)).unprocessedItems();
            pending = left.isEmpty() ? Map.of() : left;
        }
    }

    private static AttributeValue moved(AttributeValue value, int back, Map<String, String> renamed) {
        if (value.s() != null) {
            return AttributeValue.fromS(movedText(value.s(), back, renamed));
        }
        if (value.hasL()) {
            return AttributeValue.fromL(value.l().stream()
                    .map(member -> moved(member, back, renamed))
                    .toList());
        }
        if (value.hasM()) {
            Map<String, AttributeValue> members = new HashMap<>();
            value.m().forEach((name, member) -> members.put(name, moved(member, back, renamed)));
            return AttributeValue.fromM(members);
        }
        if (value.hasSs()) {
            return AttributeValue.fromSs(value.ss().stream()
                    .map(member -> movedText(member, back, renamed))
                    .toList());
        }
        return value;
    }

    static String movedText(String text, int back, Map<String, String> renamed) {
        String renamedText =
                REFERENCE.matcher(text).replaceAll(match -> renamed.getOrDefault(match.group(), match.group()));
        Matcher time = TIMES.matcher(renamedText);
        return time.replaceAll(match -> {
            if (match.group(1) != null) {
                return Instant.parse(match.group(1))
                        .atOffset(ZoneOffset.UTC)
                        .minusMonths(back)
                        .toInstant()
                        .toString();
            }
            if (match.group(2) != null) {
                return LocalDate.parse(match.group(2)).minusMonths(back).toString();
            }
            return YearMonth.parse(match.group(3)).minusMonths(back).toString();
        });
    }

    /**
     * Another valid reference for the copy {@code back} months earlier, different for each month up
     * to 29² = 841: with {@code back} = 29q + r, the first two characters move by r and 14r and the
     * next two by q and 21q. Each pair keeps the check sum (weights 1 and 2: 1 + 2 × 14 = 29;
     * weights 3 and 4: 3 + 4 × 21 = 87) divisible by 29, so a copy passes every check a typed
     * reference does.
     */
    static String shifted(String reference, int back) {
        int base = ALPHABET.length();
        int r = back % base;
        int q = back / base;
        char[] chars = reference.toCharArray();
        int[] moves = {r, 14 * r, q, 21 * q};
        for (int i = 0; i < moves.length; i++) {
            chars[i] = ALPHABET.charAt((ALPHABET.indexOf(chars[i]) + moves[i]) % base);
        }
        return new ReferenceCode(new String(chars)).value();
    }
}
