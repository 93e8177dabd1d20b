package sa.mustafeed.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.request.ServiceRequest;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the item images of a DynamoDB stream event (the JSON Lambda delivers: {@code {"S": "…"}},
 * {@code {"N": "1"}}…) into the same records the repository reads, so the notifier and the API share
 * one item layout.
 */
public final class StreamImages {
    private StreamImages() {}

    /** True when the image is a request item (not a timeline entry, counter or message record). */
    public static boolean isRequest(Map<String, Object> image) {
        return TableKeys.isRequestItem(stringOf(image.get(RequestItems.PK)), stringOf(image.get(RequestItems.SK)));
    }

    /**
     * The message whose WhatsApp leg failed and asks for its SMS, when this image is that ask (the
     * receipts set {@code fallback} to {@code requested}; the notifier's filter lets only these through).
     */
    public static java.util.Optional<String> fallbackAskedFor(Map<String, Object> image) {
        return TableKeys.MESSAGE_SORT.equals(stringOf(image.get(RequestItems.SK)))
                        && "requested".equals(stringOf(image.get("fallback")))
                ? TableKeys.messageKeyOf(stringOf(image.get(RequestItems.PK)))
                : java.util.Optional.empty();
    }

    /** A newly issued unlock code: its reference and nonce (the notifier derives the code). */
    public record UnlockCodeIssued(sa.mustafeed.core.reference.ReferenceCode reference, String nonce) {}

    /**
     * The unlock code this image issued, if it is a fresh one ({@code tries} 0: spending a try
     * changes the item too, and must send nothing; the notifier's filter lets only fresh ones through).
     */
    public static java.util.Optional<UnlockCodeIssued> unlockCodeIssued(Map<String, Object> image) {
        if (!TableKeys.UNLOCK_SORT.equals(stringOf(image.get(RequestItems.SK)))
                || !(image.get("tries") instanceof Map<?, ?> tries && "0".equals(tries.get("N")))
                || stringOf(image.get("nonce")).isEmpty()) {
            return java.util.Optional.empty();
        }
        return TableKeys.unlockReferenceOf(stringOf(image.get(RequestItems.PK)))
                .map(reference -> new UnlockCodeIssued(reference, stringOf(image.get("nonce"))));
    }

    /**
     * The text of the public reply this change made, if it made one: the new image's latest reply is
     * newer than the old image's.
     */
    public static java.util.Optional<String> newReply(Map<String, Object> newImage, Map<String, Object> oldImage) {
        String after = stringOf(newImage.get("lastReplyAt"));
        String before = oldImage == null ? "" : stringOf(oldImage.get("lastReplyAt"));
        String text = stringOf(newImage.get("lastReplyText"));
        return after.isEmpty() || after.equals(before) || text.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(text);
    }

    public static ServiceRequest request(Map<String, Object> image) {
        return RequestItems.request(attributes(image));
    }

    @SuppressWarnings("unchecked")
    static Map<String, AttributeValue> attributes(Map<String, Object> image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        image.forEach((name, value) -> item.put(name, attribute((Map<String, Object>) value)));
        return item;
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue attribute(Map<String, Object> typed) {
        Map.Entry<String, Object> only = typed.entrySet().iterator().next();
        Object v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS((String) v);
            case "N" -> AttributeValue.fromN(String.valueOf(v));
            case "BOOL" -> AttributeValue.fromBool((Boolean) v);
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" ->
                AttributeValue.fromB(
                        SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode((String) v)));
            case "SS" -> AttributeValue.fromSs((List<String>) v);
            case "NS" ->
                AttributeValue.fromNs(
                        ((List<Object>) v).stream().map(String::valueOf).toList());
            case "M" -> AttributeValue.fromM(attributes((Map<String, Object>) v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                for (Object element : (List<Object>) v) {
                    list.add(attribute((Map<String, Object>) element));
                }
                yield AttributeValue.fromL(list);
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + only.getKey());
        };
    }

    private static String stringOf(Object typed) {
        return typed instanceof Map<?, ?> m && m.get("S") instanceof String s ? s : "";
    }
}
