package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @AfterEach
    void clear() {
        System.clearProperty("CONFIG_TEST_OTHERS_VARIABLE");
        System.clearProperty("config.test.region");
    }

    @Test
    void insideAFunctionsScope_anotherFunctionsVariableIsMissing_evenWhenSomethingSetItGlobally() {
        System.setProperty("CONFIG_TEST_OTHERS_VARIABLE", "leaked");
        ScopedValue.where(Config.FUNCTION_ENVIRONMENT, Map.of("CONFIG_TEST_OWN", "mine"))
                .run(() -> {
                    assertEquals("mine", Config.required("CONFIG_TEST_OWN"));
                    assertEquals(Optional.empty(), Config.optional("CONFIG_TEST_OTHERS_VARIABLE"));
                    IllegalStateException missing = assertThrows(
                            IllegalStateException.class, () -> Config.required("CONFIG_TEST_OTHERS_VARIABLE"));
                    assertEquals("missing setting CONFIG_TEST_OTHERS_VARIABLE", missing.getMessage());
                });
    }

    @Test
    void whatLambdaGivesEveryFunction_mayStillComeFromItsSystemProperty() {
        System.setProperty("config.test.region", "me-south-1");
        ScopedValue.where(Config.FUNCTION_ENVIRONMENT, Map.of())
                .run(() -> assertEquals("me-south-1", Config.required("CONFIG_TEST_REGION", "config.test.region")));
    }

    @Test
    void outsideAnyScope_systemPropertiesStandInForTheEnvironment() {
        System.setProperty("CONFIG_TEST_OTHERS_VARIABLE", "set by a handler test");
        assertEquals("set by a handler test", Config.required("CONFIG_TEST_OTHERS_VARIABLE"));
        ScopedValue.where(Config.FUNCTION_ENVIRONMENT, Map.of("CONFIG_TEST_OTHERS_VARIABLE", " "))
                .run(() -> assertEquals(Optional.empty(), Config.optional("CONFIG_TEST_OTHERS_VARIABLE")));
    }
}
