package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryProviders;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.staff.AuditAction;
import sa.mustafeed.core.staff.ServiceTally;
import sa.mustafeed.core.survey.SurveyService;

/** The one table of names Java and the site both show (functions/messages/labels/), as shipped and as refused. */
class LabelsTest {
    private static final ClassLoader LOADER = LabelsTest.class.getClassLoader();

    private static void assertNamed(LocalizedText text, String what) {
        assertFalse(text.ar().isBlank(), what + " has no Arabic name");
        assertFalse(text.en().isBlank(), what + " has no English name");
    }

    @Test
    void everyNameJavaShows_hasAnArabicAndAnEnglishText() {
        for (Category category : Category.values()) {
            assertNamed(category.label(), category.name());
        }
        for (Channel channel : Channel.values()) {
            assertNamed(channel.label(), channel.name());
        }
        for (Status status : Status.values()) {
            assertNamed(status.label(), status.name());
            assertNamed(status.staffLabel(), status.name() + " (staff)");
        }
        for (ContactMethod method : ContactMethod.values()) {
            assertNamed(method.label(), method.name());
        }
        for (ErrorCode code : ErrorCode.values()) {
            assertNamed(code.message(), code.code());
        }
        for (Delivery channel : Delivery.values()) {
            assertNamed(channel.label(), "channel " + channel.name());
        }
        for (DeliveryState state : DeliveryState.values()) {
            assertNamed(state.label(), "delivery state " + state.name());
        }
        for (MessageKind kind : MessageKind.values()) {
            assertNamed(kind.purposeLabel(), "purpose of " + kind.name());
        }
        for (String provider : DeliveryProviders.KNOWN) {
            LocalizedText name = DeliveryProviders.label(provider);
            assertNamed(name, "provider " + provider);
            assertFalse(name.en().equals(provider), provider + " falls back to its code: its label is missing");
        }
        assertEquals(
                ServiceTally.HOUR_BUCKETS.length + 1, ServiceTally.bucketCodes().size());
        for (String bucket : ServiceTally.bucketCodes()) {
            assertNamed(Labels.shipped().bucket(bucket), "bucket " + bucket);
        }
        for (AuditAction action : AuditAction.values()) {
            assertNamed(action.label(), "audit action " + action.name());
        }
    }

    @Test
    void theTwoShippedFiles_haveTheSameKeys() throws IOException {
        Properties ar = raw("ar");
        Properties en = raw("en");

        assertEquals(Set.of(), difference(ar.stringPropertyNames(), en.stringPropertyNames()), "only in ar.properties");
        assertEquals(Set.of(), difference(en.stringPropertyNames(), ar.stringPropertyNames()), "only in en.properties");
        assertEquals(
                Set.of(),
                difference(Set.copyOf(Labels.keysJavaShows()), ar.stringPropertyNames()),
                "shown by Java, in neither file");
    }

    @Test
    void theTextsAreTodaysWords() {
        // Outside checks and the site compare these; the one named drift is settled in Java's favour.
        assertEquals(new LocalizedText("طلب خدمة أو دعم", "Service or support request"), Category.SERVICE.label());
        assertEquals(
                new LocalizedText("بانتظار استكمال من المستفيد", "Waiting for you"),
                Status.WAITING_FOR_BENEFICIARY.label());
        assertEquals(
                new LocalizedText(
                        "رقم الجوال غير صحيح. اكتبه مثل 0501234567 أو بالصيغة الدولية +9665…",
                        "This mobile number is not valid. Write it like 0501234567 or in international form +9665…"),
                ErrorCode.INVALID_MOBILE.message());
        assertEquals(
                new LocalizedText("أقل من ساعة", "Under 1 hour"),
                Labels.shipped().bucket("<1h"));
    }

    @Test
    void aProviderWithoutALabel_isShownByItsName_notRefused() {
        assertEquals(new LocalizedText("taqnyat", "taqnyat"), DeliveryProviders.label("taqnyat"));
    }

    @Test
    void theSurveysQuestions_areTheFilesWords() {
        // SurveyService keeps its own copy until it reads the file; until then, drift fails here.
        assertEquals(Labels.shipped().get("survey.need_met"), SurveyService.NEED_MET);
        assertEquals(
                SurveyService.QUESTIONS.keySet(),
                Labels.shipped().keys().stream()
                        .filter(k -> k.startsWith("survey.question."))
                        .map(k -> k.substring("survey.question.".length()))
                        .collect(Collectors.toSet()));
        SurveyService.QUESTIONS.forEach(
                (id, text) -> assertEquals(Labels.shipped().get("survey.question." + id), text, id));
    }

    @Test
    void staffWording_replacesTheBeneficiarysWhereTheFileGivesOne() {
        assertEquals(
                "Waiting for the beneficiary",
                Status.WAITING_FOR_BENEFICIARY.staffLabel().en());
        assertNotEquals(Status.WAITING_FOR_BENEFICIARY.label(), Status.WAITING_FOR_BENEFICIARY.staffLabel());
        assertEquals(Status.IN_REVIEW.label(), Status.IN_REVIEW.staffLabel());
    }

    @Test
    void theShippedTable_isReadOncePerJvm() {
        assertSame(Labels.shipped(), Labels.shipped());
    }

    @Test
    void load_refusesAKeyMissingFromOneLanguage_namingIt() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> Labels.load(LOADER, "labels/missing-english/", List.of()));

        assertTrue(
                refused.getMessage().contains("category.service is in ar.properties but not in en.properties"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("category.inquiry"), refused.getMessage());
    }

    @Test
    void load_refusesAnEmptyText_namingIt() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> Labels.load(LOADER, "labels/blank/", List.of()));

        assertTrue(refused.getMessage().contains("category.inquiry is empty in ar.properties"), refused.getMessage());
    }

    @Test
    void load_refusesTheShippedTableWithOneEnglishLineRemoved(@TempDir Path dir) throws IOException {
        try (URLClassLoader broken = tableWithout(dir, "channel.kiosk", List.of("en"))) {
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class, () -> Labels.load(broken, Labels.DIRECTORY, Labels.keysJavaShows()));

            assertTrue(
                    refused.getMessage().contains("channel.kiosk is in ar.properties but not in en.properties"),
                    refused.getMessage());
        }
    }

    @Test
    void load_refusesANameJavaShows_whenBothFilesLackIt(@TempDir Path dir) throws IOException {
        try (URLClassLoader broken = tableWithout(dir, "error.not_found", List.of("ar", "en"))) {
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class, () -> Labels.load(broken, Labels.DIRECTORY, Labels.keysJavaShows()));

            assertTrue(
                    refused.getMessage().contains("error.not_found is shown by the API but is in neither"),
                    refused.getMessage());
        }
    }

    @Test
    void load_refusesAMissingFile_namingIt() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> Labels.load(LOADER, "labels/nowhere/", List.of()));

        assertTrue(refused.getMessage().contains("labels/nowhere/ar.properties"), refused.getMessage());
    }

    @Test
    void load_readsAFileSavedWithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path labels = Files.createDirectories(dir.resolve("t"));
        Files.writeString(labels.resolve("ar.properties"), "\uFEFFcategory.inquiry=استفسار\n", StandardCharsets.UTF_8);
        Files.writeString(labels.resolve("en.properties"), "\uFEFFcategory.inquiry=Inquiry\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Labels table = Labels.load(loader, "t/", List.of("category.inquiry"));

            assertEquals(new LocalizedText("استفسار", "Inquiry"), table.get("category.inquiry"));
        }
    }

    @Test
    void get_refusesAnUnknownKey_ratherThanAnsweringABlank() {
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class, () -> Labels.shipped().get("category.nonsense"));

        assertTrue(unknown.getMessage().contains("category.nonsense"));
        assertTrue(Labels.shipped().find("category.nonsense").isEmpty());
    }

    private static Set<String> difference(Set<String> these, Set<String> without) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(without);
        return left;
    }

    private static Properties raw(String language) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(Labels.DIRECTORY + language + ".properties")) {
            Properties properties = new Properties();
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            return properties;
        }
    }

    /** The shipped two files copied under {@code dir}, with {@code key}'s line dropped from the given languages. */
    private static URLClassLoader tableWithout(Path dir, String key, List<String> languages) throws IOException {
        Path labels = Files.createDirectories(dir.resolve(Labels.DIRECTORY));
        for (String language : List.of("ar", "en")) {
            String text;
            try (InputStream in = LOADER.getResourceAsStream(Labels.DIRECTORY + language + ".properties")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Predicate<String> dropped = line -> languages.contains(language) && line.startsWith(key + "=");
            assertEquals(
                    languages.contains(language),
                    text.lines().anyMatch(dropped),
                    key + " should be a line of " + language + ".properties");
            String kept = text.lines().filter(dropped.negate()).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(labels.resolve(language + ".properties"), kept, StandardCharsets.UTF_8);
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }
}
