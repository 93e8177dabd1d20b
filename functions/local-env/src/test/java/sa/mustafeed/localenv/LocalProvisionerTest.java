package sa.mustafeed.localenv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets made locally as CloudFormation's GenerateSecretString makes them. */
class LocalProvisionerTest {

    @Test
    void aPlainGeneratedSecret_isSixtyFourLettersAndDigits() {
        String value = LocalProvisioner.generatedValue(
                Map.of("GenerateSecretString", Map.of("PasswordLength", 64, "ExcludePunctuation", true)));
        assertTrue(value.matches("[A-Za-z0-9]{64}"), value);
    }

    @Test
    void aTemplatedSecret_isTheTemplatesObjectWithTheGeneratedKeyAdded() {
        String value = LocalProvisioner.generatedValue(Map.of(
                "GenerateSecretString",
                Map.of("SecretStringTemplate", "{\"unifonicAppSid\": \"\"}", "GenerateStringKey", "webhookToken")));
        assertTrue(value.matches("\\{\"unifonicAppSid\": \"\", \"webhookToken\": \"[A-Za-z0-9]{64}\"}"), value);
    }
}
