package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The runner's clients and the functions' settings both point at the emulator, in the region asked for. */
class LocalClientsTest {
    private static final List<String> PROPERTIES =
            List.of("aws.endpointUrl", "aws.region", "aws.accessKeyId", "aws.secretAccessKey");
    private final Map<String, Optional<String>> saved = new HashMap<>();

    {
        PROPERTIES.forEach(p -> saved.put(p, Optional.ofNullable(System.getProperty(p))));
    }

    @AfterEach
    void restore() {
        saved.forEach((name, value) ->
                value.ifPresentOrElse(v -> System.setProperty(name, v), () -> System.clearProperty(name)));
    }

    @Test
    void everyClient_targetsTheEmulatorInTheRegion() {
        URI emulator = URI.create("http://127.0.0.1:45999");
        LocalClients clients = LocalClients.of(emulator, "me-south-1");

        for (var configuration : List.of(
                clients.dynamoDb().serviceClientConfiguration(),
                clients.streams().serviceClientConfiguration(),
                clients.sqs().serviceClientConfiguration())) {
            assertEquals(Optional.of(emulator), configuration.endpointOverride());
            assertEquals(Region.ME_SOUTH_1, configuration.region());
        }
        try (var secrets = clients.secrets()) {
            assertEquals(
                    Optional.of(emulator), secrets.serviceClientConfiguration().endpointOverride());
            assertEquals(Region.ME_SOUTH_1, secrets.serviceClientConfiguration().region());
        }
    }

    @Test
    void theFunctionsSettings_nameTheEmulator_andKeepCredentialsAlreadyGiven() {
        System.clearProperty("aws.accessKeyId");
        System.setProperty("aws.secretAccessKey", "given");

        LocalClients.exportForFunctions(URI.create("http://127.0.0.1:45998"), "eu-west-1");

        assertEquals("http://127.0.0.1:45998", System.getProperty("aws.endpointUrl"));
        assertEquals("eu-west-1", System.getProperty("aws.region"));
        assertEquals("local", System.getProperty("aws.accessKeyId"));
        assertEquals("given", System.getProperty("aws.secretAccessKey"));
    }
}
