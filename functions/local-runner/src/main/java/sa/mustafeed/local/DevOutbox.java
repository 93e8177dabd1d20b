package sa.mustafeed.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.privacy.Masking;
import sa.mustafeed.http.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the system sent, for developers: the SMS and email moto recorded (its {@code /moto-api/data.json},
 * an internal format of the pinned moto version) and the SMS and WhatsApp messages the providers'
 * stand-ins received (WireMock's request journal, {@code /__admin/requests}), joined with our
 * message records for the time, language and each leg's delivery state. Never deployed.
 */
final class DevOutbox {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI emulator;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final LocalRunner.StandIns standIns;

    DevOutbox(URI emulator, DynamoDbClient dynamoDb, String tableName, LocalRunner.StandIns standIns) {
        this.emulator = emulator;
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.standIns = standIns;
    }

    /** A message record and the one of its legs a provider's id names. */
    private record Sent(Map<String, AttributeValue> record, Map<String, AttributeValue> leg) {}

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messages() throws IOException, InterruptedException {
        Map<String, Object> data = Json.readObject(get(emulator.resolve("/moto-api/data.json")));
        Map<String, Sent> sent = sentLegs();
        List<Map<String, Object>> messages = new ArrayList<>();
        Map<String, Object> ses = (Map<String, Object>) data.getOrDefault("ses", Map.of());
        for (Object raw : (List<Object>) ses.getOrDefault("Message", List.of())) {
            Map<String, Object> mail = (Map<String, Object>) raw;
            List<Object> to = (List<Object>) ((Map<String, Object>) mail.getOrDefault("destinations", Map.of()))
                    .getOrDefault("ToAddresses", List.of());
            messages.add(entry(
                    "email",
                    "ses",
                    to.isEmpty() ? "" : Masking.email(String.valueOf(to.getFirst())),
                    String.valueOf(mail.get("subject")),
                    String.valueOf(mail.get("body")),
                    sent.get("ses#" + mail.get("id"))));
        }
        Map<String, Object> sns = (Map<String, Object>) data.getOrDefault("sns", Map.of());
        for (Object raw : (List<Object>) sns.getOrDefault("SMS", List.of())) {
            Map<String, Object> sms = (Map<String, Object>) raw;
            messages.add(entry(
                    "sms",
                    "sns",
                    Masking.phone(String.valueOf(sms.get("phone_number"))),
                    null,
                    String.valueOf(sms.get("message")),
                    sent.get("sns#" + sms.get("message_id"))));
        }
        if (standIns.unifonic().isPresent()) {
            for (Map<String, Object> served : journal(standIns.unifonic().get(), "/rest/SMS/messages")) {
                Map<String, String> form = form(String.valueOf(request(served).get("body")));
                Optional<String> id = answer(served)
                        .map(a -> a.get("data"))
                        .filter(Map.class::isInstance)
                        .map(d -> ((Map<String, Object>) d).get("MessageID"))
                        .map(String::valueOf);
                Map<String, Object> entry = entry(
                        "sms",
                        "unifonic",
                        Masking.phone("+" + form.getOrDefault("Recipient", "")),
                        null,
                        form.getOrDefault("Body", ""),
                        id.map(i -> sent.get("unifonic#" + i)).orElse(null));
                answer(served)
                        .filter(a -> Boolean.FALSE.equals(a.get("success")))
                        .ifPresent(refusal -> {
                            entry.put("state", "failed");
                            entry.put("reason", refusal.get("errorCode") + " " + refusal.get("message"));
                        });
                messages.add(fromStandIn(entry, served, report -> {
                    Map<String, Object> dlr = Json.readObject(report.getBytes(StandardCharsets.UTF_8));
                    return String.valueOf(dlr.get("DLR"));
                }));
            }
        }
        if (standIns.whatsapp().isPresent()) {
            for (Map<String, Object> served : journal(standIns.whatsapp().get(), "/v1/whatsapp/send")) {
                Map<String, Object> body = Json.readObject(
                        String.valueOf(request(served).get("body")).getBytes(StandardCharsets.UTF_8));
                Map<String, Object> message =
                        Json.readObject(Base64.getDecoder().decode(String.valueOf(body.getOrDefault("message", ""))));
                Optional<String> id =
                        answer(served).map(a -> a.get("messageId")).map(String::valueOf);
                messages.add(fromStandIn(
                        entry(
                                "whatsapp",
                                "whatsapp",
                                Masking.phone(String.valueOf(message.get("to"))),
                                null,
                                templateText((Map<String, Object>) message.getOrDefault("template", Map.of())),
                                id.map(i -> sent.get("whatsapp#" + i)).orElse(null)),
                        served,
                        DevOutbox::whatsAppStatus));
            }
        }
        messages.sort(Comparator.comparing(m -> String.valueOf(m.getOrDefault("time", "~"))));
        return messages;
    }

    private static Map<String, Object> entry(
            String channel, String provider, String to, String subject, String body, Sent sent) {
        Map<String, AttributeValue> record = sent == null ? null : sent.record();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("channel", channel);
        entry.put("provider", provider);
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
        entry.put("state", sent == null ? "" : sent.leg().get("state").s());
        if (sent != null && sent.leg().containsKey("reason")) {
            entry.put("reason", sent.leg().get("reason").s());
        }
        if (record != null) {
            sa.mustafeed.aws.TableKeys.messageKeyOf(
                            record.get(sa.mustafeed.aws.TableKeys.PK).s())
                    .ifPresent(key -> entry.put("message", key));
        }
        return entry;
    }

    /** What a stand-in's delivery report said, read from the report's body. */
    private interface ReportReader {
        String state(String body) throws IOException;
    }

    /**
     * What only the stand-in knows: when it was asked (for a message our records do not name), what
     * it answered when it named no message (an outage), and the delivery report it posted back to
     * the runner afterwards, with the runner's answer.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fromStandIn(
            Map<String, Object> entry, Map<String, Object> served, ReportReader reader) throws IOException {
        if (String.valueOf(entry.get("time")).isEmpty()) {
            entry.put("time", String.valueOf(request(served).get("loggedDateString")));
        }
        Object status = ((Map<?, ?>) served.getOrDefault("response", Map.of())).get("status");
        if (String.valueOf(entry.get("state")).isEmpty() && !"200".equals(String.valueOf(status))) {
            entry.put("state", "not accepted (HTTP " + status + ")");
        }
        String report = null;
        for (Object raw : (List<Object>) served.getOrDefault("subEvents", List.of())) {
            Map<String, Object> sub = (Map<String, Object>) raw;
            Map<String, Object> data = (Map<String, Object>) sub.getOrDefault("data", Map.of());
            if ("WEBHOOK_REQUEST".equals(sub.get("type"))) {
                report = reader.state(String.valueOf(data.get("body")));
            } else if ("WEBHOOK_RESPONSE".equals(sub.get("type")) && report != null) {
                report += " (runner answered " + data.get("status") + ")";
            }
        }
        if (report != null) {
            entry.put("report", report);
        }
        return entry;
    }

    /** The status in an End User Messaging Social event: Meta's entry is a JSON string inside it. */
    @SuppressWarnings("unchecked")
    private static String whatsAppStatus(String body) throws IOException {
        Map<String, Object> event = Json.readObject(body.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> entry = Json.readObject(
                String.valueOf(event.get("whatsAppWebhookEntry")).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> value = (Map<String, Object>)
                ((Map<String, Object>) ((List<Object>) entry.get("changes")).getFirst()).get("value");
        return String.valueOf(((Map<String, Object>) ((List<Object>) value.get("statuses")).getFirst()).get("status"));
    }

    /** "mustafeed_received (ar): سارة | MHF5-Q2N7 | …": the template and its body parameters. */
    @SuppressWarnings("unchecked")
    static String templateText(Map<String, Object> template) {
        List<String> parameters = new ArrayList<>();
        for (Object component : (List<Object>) template.getOrDefault("components", List.of())) {
            for (Object parameter :
                    (List<Object>) ((Map<String, Object>) component).getOrDefault("parameters", List.of())) {
                parameters.add(String.valueOf(((Map<String, Object>) parameter).get("text")));
            }
        }
        Object language = ((Map<String, Object>) template.getOrDefault("language", Map.of())).get("code");
        return template.get("name") + " (" + language + "): " + String.join(" | ", parameters);
    }

    private static byte[] get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    /** The stand-in's journal for one path, oldest first (WireMock lists newest first). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> journal(URI standIn, String path)
            throws IOException, InterruptedException {
        List<Map<String, Object>> served = new ArrayList<>();
        for (Object raw : (List<Object>)
                Json.readObject(get(standIn.resolve("/__admin/requests"))).getOrDefault("requests", List.of())) {
            Map<String, Object> event = (Map<String, Object>) raw;
            Map<String, Object> request = request(event);
            if ("POST".equals(request.get("method"))
                    && String.valueOf(request.get("url")).startsWith(path)) {
                served.add(event);
            }
        }
        return served.reversed();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> served) {
        return (Map<String, Object>) served.getOrDefault("request", Map.of());
    }

    /** The JSON the stand-in answered, if it did. */
    private static Optional<Map<String, Object>> answer(Map<String, Object> served) {
        Object body = ((Map<?, ?>) served.getOrDefault("response", Map.of())).get("body");
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.readObject(String.valueOf(body).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** Every leg of every message record, by provider and provider id. A scan: a development table is small. */
    private Map<String, Sent> sentLegs() {
        Map<String, Sent> byProviderId = new HashMap<>();
        dynamoDb.scanPaginator(s -> s.tableName(tableName)
                        .filterExpression("entity = :message")
                        .expressionAttributeValues(Map.of(":message", AttributeValue.fromS("message"))))
                .items()
                .forEach(item -> {
                    if (!item.containsKey("deliveries")) {
                        return;
                    }
                    for (AttributeValue leg : item.get("deliveries").l()) {
                        Map<String, AttributeValue> m = leg.m();
                        if (m.containsKey("id")) {
                            byProviderId.put(
                                    m.get("provider").s() + "#" + m.get("id").s(), new Sent(item, m));
                        }
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
