package sa.mustafeed.aws;

import java.util.Map;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.ports.TextMessages;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** SMS through SNS direct publish: transactional (delivery over price) with the association's sender id. */
public final class SnsTextMessages implements TextMessages {
    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes;

    public SnsTextMessages(SnsClient sns, String senderId) {
        this.sns = sns;
        this.attributes = Map.of(
                "AWS.SNS.SMS.SMSType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("Transactional")
                                .build(),
                "AWS.SNS.SMS.SenderID",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(senderId)
                                .build());
    }

    @Override
    public String send(String e164, String text) {
        try {
            return sns.publish(p -> p.phoneNumber(e164).message(text).messageAttributes(attributes))
                    .messageId();
        } catch (SdkException e) {
            throw new DeliveryFailedException(
                    "SNS publish failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public boolean isOptedOut(String e164) {
        try {
            return Boolean.TRUE.equals(
                    sns.checkIfPhoneNumberIsOptedOut(c -> c.phoneNumber(e164)).isOptedOut());
        } catch (SdkException e) {
            throw new DeliveryFailedException(
                    "SNS opt-out check failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
