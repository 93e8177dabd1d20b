package sa.mustafeed.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.LogLine;

/**
 * SNS for the template's topics that have function subscribers, played in-process: a published
 * message becomes the event Lambda gives an SNS-subscribed function (one record: {@code EventSource}
 * {@code aws:sns}, {@code EventSubscriptionArn}, {@code Sns} with {@code Type} Notification, {@code
 * MessageId}, {@code TopicArn}, {@code Message}, {@code Timestamp} and the signature fields), and each
 * subscriber is invoked with it. As with SNS, the publisher never sees a subscriber's failure: it is
 * logged (Lambda would retry the invocation twice). Development only; AWS delivers the real thing.
 */
final class SnsTopics {
    /** A function subscribed to a topic. */
    record Subscriber(String functionName, RequestStreamHandler handler) {}

    /** What one subscriber answered, or the failure's type when it threw. */
    record Delivery(String functionName, Map<String, Object> answer, String failure) {}

    private final String region;
    private final String stackName;
    private final Map<String, List<Subscriber>> subscribers = new LinkedHashMap<>();

    SnsTopics(String region, String stackName) {
        this.region = region;
        this.stackName = stackName;
    }

    void subscribe(String topicLogicalId, String functionName, RequestStreamHandler handler) {
        subscribers.computeIfAbsent(topicLogicalId, t -> new ArrayList<>()).add(new Subscriber(functionName, handler));
    }

    Set<String> topics() {
        return subscribers.keySet();
    }

    /** Delivers {@code message} to every subscriber of the topic, one after the other. */
    List<Delivery> publish(String topicLogicalId, String message) {
        String topicArn = "arn:aws:sns:" + region + ":123456789012:" + stackName + "-" + topicLogicalId;
        String messageId = UUID.randomUUID().toString();
        List<Delivery> deliveries = new ArrayList<>();
        for (Subscriber subscriber : subscribers.getOrDefault(topicLogicalId, List.of())) {
            String subscriptionArn = topicArn + ":"
                    + UUID.nameUUIDFromBytes(subscriber.functionName().getBytes(StandardCharsets.UTF_8));
            byte[] event = Json.write(event(topicArn, subscriptionArn, messageId, message, Instant.now()))
                    .getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                subscriber
                        .handler()
                        .handleRequest(
                                new ByteArrayInputStream(event),
                                out,
                                new LocalContext(subscriber.functionName(), messageId, 10_000));
                byte[] bytes = out.toByteArray();
                deliveries.add(new Delivery(
                        subscriber.functionName(), bytes.length == 0 ? Map.of() : Json.readObject(bytes), null));
            } catch (IOException | RuntimeException failed) {
                LogLine.of("ERROR", "sns delivery failed")
                        .with("topic", topicLogicalId)
                        .with("function", subscriber.functionName())
                        .with("error", failed.getClass().getName())
                        .print();
                deliveries.add(new Delivery(
                        subscriber.functionName(), Map.of(), failed.getClass().getSimpleName()));
            }
        }
        return deliveries;
    }

    /** The event Lambda builds for an SNS subscription (AWS Lambda developer guide, "Using Lambda with Amazon SNS"). */
    static Map<String, Object> event(
            String topicArn, String subscriptionArn, String messageId, String message, Instant now) {
        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("Type", "Notification");
        sns.put("MessageId", messageId);
        sns.put("TopicArn", topicArn);
        sns.put("Subject", null);
        sns.put("Message", message);
        sns.put("Timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        sns.put("SignatureVersion", "1");
        // Locally nothing signs: a subscribed function never checks, Lambda did (the resource policy).
        sns.put("Signature", "local");
        sns.put(
                "SigningCertUrl",
                "https://sns." + region(topicArn) + ".amazonaws.com/SimpleNotificationService-local.pem");
        sns.put(
                "UnsubscribeUrl",
                "https://sns." + region(topicArn) + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
                        + subscriptionArn);
        sns.put("MessageAttributes", Map.of());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn);
        record.put("Sns", sns);
        return Map.of("Records", List.of(record));
    }

    private static String region(String topicArn) {
        return topicArn.split(":")[3];
    }
}
