package sa.mustafeed.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.notification.UndeliveredMessage;
import sa.mustafeed.core.ports.UndeliveredMessages;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The notifications dead-letter queue: one JSON message per undeliverable notification. */
public final class SqsUndeliveredMessages implements UndeliveredMessages {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsUndeliveredMessages(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void park(UndeliveredMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "undelivered-notification");
        body.put("reference", message.reference());
        body.put("version", message.version());
        body.put("kind", message.kind().templateName());
        body.put("channel", message.channel().wireName());
        body.put("attempts", message.attempts());
        body.put("lastError", message.lastError());
        body.put("parkedAt", message.parkedAt().toString());
        try {
            sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(JsonText.of(body)));
        } catch (SdkException e) {
            throw new StorageUnavailableException("dead-letter queue unreachable", e);
        }
    }
}
