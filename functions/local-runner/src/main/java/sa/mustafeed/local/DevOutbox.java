package sa.mustafeed.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.privacy.Masking;
import sa.mustafeed.http.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the system sent, for developers: the SMS and email moto recorded (its {@code /moto-api/data.json},
 * an internal format of the pinned moto version), joined with our sent-message records for the time
 * and language. Never deployed.
 */
final class DevOutbox {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI emulator;
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    DevOutbox(URI emulator, DynamoDbClient dynamoDb, String tableName) {
        this.emulator = emulator;
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messages() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(emulator.resolve("/moto-api/data.json"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> data = Json.readObject(response.body());
        Map<String, Map<String, AttributeValue>> records = sentRecords();
        List<Map<String, Object>> messages = new ArrayList<>();
        Map<String, Object> ses = (Map<String, Object>) data.getOrDefault("ses", Map.of());
        for (Object raw : (List<Object>) ses.getOrDefault("Message", List.of())) {
            Map<String, Object> mail = (Map<String, Object>) raw;
            List<Object> to = (List<Object>) ((Map<String, Object>) mail.getOrDefault("destinations", Map.of()))
                    .getOrDefault("ToAddresses", List.of());
            messages.add(entry(
                    "email",
                    to.isEmpty() ? "" : Masking.email(String.valueOf(to.getFirst())),
                    String.valueOf(mail.get("subject")),
                    String.valueOf(mail.get("body")),
                    records.get(String.valueOf(mail.get("id")))));
        }
        Map<String, Object> sns = (Map<String, Object>) data.getOrDefault("sns", Map.of());
        for (Object raw : (List<Object>) sns.getOrDefault("SMS", List.of())) {
            Map<String, Object> sms = (Map<String, Object>) raw;
            messages.add(entry(
                    "sms",
                    Masking.phone(String.valueOf(sms.get("phone_number"))),
                    null,
                    String.valueOf(sms.get("message")),
                    records.get(String.valueOf(sms.get("message_id")))));
        }
        messages.sort(Comparator.comparing(m -> String.valueOf(m.getOrDefault("time", "~"))));
        return messages;
    }

    private static Map<String, Object> entry(
            String channel, String to, String subject, String body, Map<String, AttributeValue> record) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("channel", channel);
        entry.put("to", to);
        entry.put(
                "language",
                record != null && record.containsKey("language")
                        ? record.get("language").s()
                        : "");
        if (subject != null) {
            entry.put("subject", subject);
        }
        entry.put("body", body);
        entry.put(
                "time",
                record != null && record.containsKey("sentAt")
                        ? record.get("sentAt").s()
                        : "");
        if (record != null) {
            sa.mustafeed.aws.TableKeys.messageKeyOf(
                            record.get(sa.mustafeed.aws.TableKeys.PK).s())
                    .ifPresent(key -> entry.put("message", key));
        }
        return entry;
    }

    /** A scan is fine here: a development table holds a handful of items. */
    private Map<String, Map<String, AttributeValue>> sentRecords() {
        Map<String, Map<String, AttributeValue>> byProviderId = new HashMap<>();
        dynamoDb.scanPaginator(s -> s.tableName(tableName)
                        .filterExpression("entity = :message")
                        .expressionAttributeValues(Map.of(":message", AttributeValue.fromS("message"))))
                .items()
                .forEach(item -> {
                    if (item.containsKey("providerMessageId")) {
                        byProviderId.put(item.get("providerMessageId").s(), item);
                    }
                });
        return byProviderId;
    }

    static byte[] page() throws IOException {
        try (InputStream in = DevOutbox.class.getResourceAsStream("/dev/outbox.html")) {
            return in.readAllBytes();
        }
    }
}
