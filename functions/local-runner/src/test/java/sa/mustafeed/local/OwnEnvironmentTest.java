package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.aws.Config;

/** A handler built and invoked by the runner sees its own template variables, and no other function's. */
class OwnEnvironmentTest {
    @AfterEach
    void clear() {
        System.clearProperty("SENDER_EMAIL");
    }

    @Test
    void aVariableOnlyAnotherFunctionHas_isMissing_atInitAndOnEveryInvocation() throws Exception {
        System.setProperty("SENDER_EMAIL", "left by something else in this JVM");
        String[] seenAtInit = new String[1];
        RequestStreamHandler handler = OwnEnvironment.of("SurveyFunction", Map.of("TABLE_NAME", "requests"), () -> {
            seenAtInit[0] = Config.required("TABLE_NAME") + " / " + Config.optional("SENDER_EMAIL");
            return (in, out, context) ->
                    out.write((Config.required("TABLE_NAME") + " / " + Config.optional("SENDER_EMAIL"))
                            .getBytes(StandardCharsets.UTF_8));
        });
        assertEquals("requests / Optional.empty", seenAtInit[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(new byte[0]), out, null);
        assertEquals("requests / Optional.empty", out.toString(StandardCharsets.UTF_8));
        assertEquals(Optional.of("left by something else in this JVM"), Config.optional("SENDER_EMAIL"), "unscoped");
    }

    @Test
    void aHandlerNeedingAnotherFunctionsVariable_failsToStart_asInLambda() {
        System.setProperty("SENDER_EMAIL", "someone@example.org");
        IllegalStateException failed = assertThrows(
                IllegalStateException.class,
                () -> OwnEnvironment.of("SurveyFunction", Map.of("TABLE_NAME", "requests"), () -> {
                    Config.required("SENDER_EMAIL");
                    return (in, out, context) -> {};
                }));
        assertEquals("missing setting SENDER_EMAIL", failed.getMessage());
    }

    @Test
    void theLocalEnvironment_pointsLinksHere_andSmsAtTheStandIn_onlyForFunctionsThatSendSms() {
        var standIns = new LocalRunner.StandIns(
                Optional.of(java.net.URI.create("http://127.0.0.1:9001")), Optional.empty(), Optional.empty(), "");
        Map<String, String> notify = LocalRunner.localEnvironment(
                Map.of("SITE_URL", "https://cdn.example", "SMS_PROVIDER", "unifonic", "JAVA_TOOL_OPTIONS", "-X"),
                "http://127.0.0.1:3000",
                standIns);
        assertEquals(
                Map.of(
                        "SITE_URL",
                        "http://127.0.0.1:3000",
                        "SMS_PROVIDER",
                        "unifonic",
                        "UNIFONIC_API_URL",
                        "http://127.0.0.1:9001"),
                notify);
        assertEquals(
                Map.of("TABLE_NAME", "t"),
                LocalRunner.localEnvironment(Map.of("TABLE_NAME", "t"), "http://127.0.0.1:3000", standIns));
    }
}
