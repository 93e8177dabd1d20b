package sa.mustafeed.aws;

import java.util.Map;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.core.ports.TextMessages;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
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
        } catch (InvalidParameterException | InvalidParameterValueException refused) {
            // SNS's answer to a number it can never text (malformed, not a mobile): retrying changes nothing.
            throw new UndeliverableException("sns: " + refused.getClass().getSimpleName());
        } catch (SdkException e) {
            throw new DeliveryFailedException(
                    "SNS publish failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String provider() {
        return "sns";
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
