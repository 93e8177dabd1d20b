package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.UndeliverableException;

/** How Unifonic's documented answers map to the port's outcomes, without a server. */
class UnifonicTextMessagesTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentedSuccess_withANumericMessageId_givesItsDigits() {
        // https://docs.unifonic.com/reference/sms-api, "API response example"
        String answer = """
                {"success": true, "message": "", "errorCode": "ER-00", "data": {"MessageID": 42000348806924,
                 "CorrelationID": "CorrelationID", "Status": "Sent", "NumberOfUnits": 0, "Cost": 0, "Balance": 0,
                 "Recipient": "9660000000000", "TimeCreated": "2022-09-06 14:06:25.979", "CurrencyCode": ""}}""";
        assertEquals("42000348806924", UnifonicTextMessages.outcome(200, bytes(answer)));
    }

    @Test
    void successAsAString_isSuccessToo() {
        assertEquals(
                "abc",
                UnifonicTextMessages.outcome(200, bytes("{\"success\":\"true\",\"data\":{\"MessageID\":\"abc\"}}")));
    }

    @Test
    void everyPermanentCode_isUndeliverable_withOurOwnWords() {
        // The reference's error example, then each code of "Understanding reasons of SMS non-delivery".
        UndeliverableException tooShort = assertThrows(
                UndeliverableException.class,
                () -> UnifonicTextMessages.outcome(
                        200,
                        bytes("{\"success\": false, \"message\": \"Dest num is too short\", \"errorCode\": \"ER-04\","
                                + " \"data\": {}}")));
        assertEquals("unifonic ER-04: invalid destination number (too short)", tooShort.reason());
        for (String code : new String[] {"ER-02", "ER-03", "ER-05", "ER-06", "ER-07", "ER-08"}) {
            UndeliverableException refused = assertThrows(
                    UndeliverableException.class,
                    () -> UnifonicTextMessages.outcome(
                            400, bytes("{\"success\":false,\"message\":\"x\",\"errorCode\":\"" + code + "\"}")));
            assertEquals(code, refused.reason().substring("unifonic ".length(), "unifonic ".length() + 5));
        }
    }

    @Test
    void balanceAuthUnknownAndServerTrouble_areRetried() {
        String[][] cases = {
            {"200", "{\"success\":false,\"message\":\"No rate found\",\"errorCode\":\"ER-01\",\"data\":{}}"},
            {"401", "{\"success\":false,\"message\":\"Authentication failed\",\"errorCode\":\"ER-401\"}"},
            {"401", ""},
            {"200", "{\"success\":false,\"errorCode\":\"ER-09\"}"},
            {"429", "{\"success\":false,\"errorCode\":\"ER-02\"}"},
            {"500", "{\"success\":false,\"errorCode\":\"ER-02\"}"},
            {"200", "<html>proxy error</html>"},
            {"200", "{\"success\":true,\"data\":{}}"},
        };
        for (String[] c : cases) {
            assertThrows(
                    DeliveryFailedException.class,
                    () -> UnifonicTextMessages.outcome(Integer.parseInt(c[0]), bytes(c[1])),
                    c[0] + " " + c[1]);
        }
    }

    @Test
    void theRecipient_isInternationalWithoutPlusOrZeros() {
        assertEquals("966501234567", UnifonicTextMessages.international("+966501234567"));
        assertEquals("966501234567", UnifonicTextMessages.international("00966501234567"));
    }

    @Test
    void noAppSid_failsAtColdStart_notAtTheFirstSend() {
        assertThrows(
                IllegalStateException.class,
                () -> new UnifonicTextMessages(null, UnifonicTextMessages.DEFAULT_API_URL, " ", "Tamkeen"));
    }

    @Test
    void theMessagingSecret_readsBothFields_andNeverPrintsThem() {
        MessagingSecret secret = MessagingSecret.parse("{\"unifonicAppSid\":\"sid-123\",\"webhookToken\":\"tok-456\"}");
        assertEquals("sid-123", secret.unifonicAppSid());
        assertEquals("tok-456", secret.webhookToken());
        assertEquals(
                false,
                secret.toString().contains("sid-123") || secret.toString().contains("tok-456"));
        assertEquals("", MessagingSecret.parse("{\"webhookToken\":\"t\"}").unifonicAppSid());
        IllegalStateException notJson =
                assertThrows(IllegalStateException.class, () -> MessagingSecret.parse("sid-123"));
        assertEquals(false, notJson.getMessage().contains("sid-123"));
    }
}
