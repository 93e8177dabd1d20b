package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ./run, the test scripts and the README depend on these flags and lines exactly. */
class CommandLineTest {
    private static final Path HERE = Path.of(".").toAbsolutePath().normalize();

    @Test
    void noFlags_giveTheDefaults() {
        CommandLine command = CommandLine.parse(new String[0], null);

        assertEquals(
                new LocalRunner.Options(
                        3000,
                        URI.create("http://127.0.0.1:5000"),
                        "me-south-1",
                        HERE.resolve("template.yaml"),
                        HERE.resolve("site"),
                        "mustafeed-local"),
                command.options());
        assertFalse(command.seed());
    }

    @Test
    void theStandIns_chooseUnifonic_unlessSnsIsAskedFor_andTheTokenComesFromTheEnvironment() {
        CommandLine command = CommandLine.parse(
                new String[] {"--unifonic-url", "http://127.0.0.1:8081", "--whatsapp-url", "http://127.0.0.1:8082"},
                "token-from-env");
        LocalRunner.StandIns standIns = command.options().standIns();
        assertEquals(java.util.Optional.of(URI.create("http://127.0.0.1:8081")), standIns.unifonic());
        assertEquals(java.util.Optional.of(URI.create("http://127.0.0.1:8082")), standIns.whatsapp());
        assertEquals("unifonic", standIns.sms());
        assertEquals("token-from-env", standIns.webhookToken());

        assertEquals(
                "sns",
                CommandLine.parse(
                                new String[] {"--unifonic-url", "http://127.0.0.1:8081", "--sms-provider", "sns"}, null)
                        .options()
                        .standIns()
                        .sms());
        assertEquals(
                "sns",
                CommandLine.parse(new String[0], null).options().standIns().sms(),
                "no stand-in: moto's SNS");
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--sms-provider", "unifonic"}, null));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> CommandLine.parse(
                        new String[] {"--unifonic-url", "http://127.0.0.1:8081", "--sms-provider", "sms"}, null));
    }

    @Test
    void everyFlag_isRead() {
        CommandLine command = CommandLine.parse(
                new String[] {
                    "--port",
                    "3111",
                    "--emulator",
                    "http://127.0.0.1:4566",
                    "--region",
                    "eu-west-1",
                    "--root",
                    "/tmp/repo/./x/..",
                    "--site",
                    "/tmp/build/site",
                    "--stack",
                    "s1",
                    "--seed"
                },
                null);

        assertEquals(
                new LocalRunner.Options(
                        3111,
                        URI.create("http://127.0.0.1:4566"),
                        "eu-west-1",
                        Path.of("/tmp/repo/template.yaml"),
                        Path.of("/tmp/build/site"),
                        "s1"),
                command.options());
        assertTrue(command.seed());
    }

    @Test
    void aFlagWithoutValue_beforeAnotherFlag_isOn_andARelativeSiteIsMadeAbsolute() {
        CommandLine command = CommandLine.parse(new String[] {"--seed", "--port", "0", "--site", "build/site"});

        assertTrue(command.seed());
        assertEquals(0, command.options().port());
        assertEquals(HERE.resolve("build/site"), command.options().siteRoot());
    }

    @Test
    void aHistorySize_isReadFromItsTwoFlags_andABadNumberIsRefusedPlainly() {
        assertEquals(
                new DemoSeed.Size(50_000, 1095),
                CommandLine.parse(new String[] {"--seed-requests", "50000", "--seed-days", "1095"})
                        .seedSize());
        assertEquals(
                new DemoSeed.Size(60, 120),
                CommandLine.parse(new String[] {"--seed"}).seedSize());
        assertFalse(CommandLine.parse(new String[] {}).seed());
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--seed-requests", "many"}));
        assertTrue(refused.getMessage().contains("--seed-requests"));
    }

    @Test
    void theBanner_listsEveryUrl() {
        assertEquals(
                List.of(
                        "Mustafeed is running locally (development only):",
                        "  site     http://127.0.0.1:3000/",
                        "  request  http://127.0.0.1:3000/request/",
                        "  track    http://127.0.0.1:3000/track/",
                        "  kiosk    http://127.0.0.1:3000/kiosk/",
                        "  English  http://127.0.0.1:3000/en/",
                        "  API      http://127.0.0.1:3000  (POST /requests, POST /requests/lookup)",
                        "  outbox   http://127.0.0.1:3000/dev/outbox.html  (every SMS and email sent; development only)",
                        "  staff    http://127.0.0.1:3000/staff/  (development sign-in: choose staff or manager)",
                        "  emulator http://127.0.0.1:4566  (moto; /moto-api/ shows its state)",
                        "Press Ctrl-C to stop."),
                CommandLine.banner(
                        3000, List.of("POST /requests", "POST /requests/lookup"), URI.create("http://127.0.0.1:4566")));
    }
}
