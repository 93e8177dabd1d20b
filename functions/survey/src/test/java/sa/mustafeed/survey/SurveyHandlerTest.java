package sa.mustafeed.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemoryKioskRegistry;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.survey.Kiosk;
import sa.mustafeed.core.survey.SurveyOffers;
import sa.mustafeed.core.survey.SurveyService;
import sa.mustafeed.core.survey.SurveyTally;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.SampleEvents;

/**
 * The survey handler fed the sample events under {@code events/survey/}, with the domain on in-memory
 * fakes. The samples' token is the one the test key signs for request MHF5-Q2N7 completed at version 4
 * at {@link SampleDrafts#NOW}: deterministic, so the files can carry it.
 */
class SurveyHandlerTest {
    private final InMemorySurveyStore store = new InMemorySurveyStore();
    private final SurveyTokens tokens = new SurveyTokens(SampleDrafts.HASHER);
    /** The samples' kiosk, lobby-1, is registered before each test; lobby-invented never is. */
    private final InMemoryKioskRegistry kiosks = new InMemoryKioskRegistry();

    private final SurveyHandler handler = new SurveyHandler(new SurveyService(
            tokens,
            store,
            new InMemoryFailedAttempts(),
            kiosks,
            SampleDrafts.clockAt(SampleDrafts.NOW),
            new LocalizedText("جمعية تمكين", "Tamkeen Association"),
            sa.mustafeed.core.fakes.SampleServiceLevels.FOLLOW_UPS));
    private String token;

    @BeforeEach
    void offerTheSampleSurvey() {
        kiosks.add(Kiosk.registered("lobby-1", "Reception, ground floor", SampleDrafts.NOW, "هدى"));
        ServiceRequest completed = SampleDrafts.sampleRequest(Status.COMPLETED, 4);
        String link = new SurveyOffers(
                        tokens,
                        store,
                        SampleDrafts.clockAt(SampleDrafts.NOW),
                        Duration.ofDays(14),
                        Duration.ofDays(30),
                        "https://site.example/")
                .linkFor(completed)
                .orElseThrow();
        token = link.substring(link.indexOf("t=") + 2);
    }

    private Map<String, Object> invoke(String name) throws Exception {
        String event = Files.readString(SampleEvents.path("survey", name));
        assertTrue(
                !event.contains("/surveys/") || event.contains(token) || name.equals("tampered"),
                "events/survey/" + name + " carries the token the test key signs: " + token);
        ByteArrayOutputStream out = SampleEvents.sink();
        handler.handleRequest(SampleEvents.open("survey", name), out, null);
        return Json.readObject(out.toByteArray());
    }

    private static Map<String, Object> body(Map<String, Object> response) throws Exception {
        return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void open_answersWhatThePageNeeds_withoutPersonalData() throws Exception {
        Map<String, Object> response = invoke("open");
        assertEquals(200, response.get("statusCode"));
        Map<String, Object> view = body(response);
        assertEquals("ar", view.get("language"));
        assertEquals("جمعية تمكين", ((Map<String, Object>) view.get("association")).get("ar"));
        assertFalse(((List<Object>) view.get("questions")).isEmpty());
        String text = (String) response.get("body");
        for (String personal : List.of("سارة", "966501234567", "4567", "MHF5")) {
            assertFalse(text.contains(personal), "the survey view leaks " + personal);
        }
    }

    @Test
    void answer_isRecordedOnce_thenAlreadyAnswered() throws Exception {
        assertEquals(201, invoke("answer").get("statusCode"));
        Map<String, Object> again = invoke("answer");
        assertEquals(409, again.get("statusCode"));
        assertTrue(((String) again.get("body")).contains("\"errors\""));
        assertEquals(409, invoke("open").get("statusCode"), "an answered survey does not open again");
    }

    @Test
    void aTamperedToken_isNotFound_inTheErrorShape() throws Exception {
        Map<String, Object> response = invoke("tampered");
        assertEquals(404, response.get("statusCode"));
        assertTrue(((String) response.get("body")).contains("\"ar\""));
    }

    @Test
    void kioskFeedback_isAccepted_andAScoreOutOfRangeIsRefused() throws Exception {
        assertEquals(202, invoke("feedback").get("statusCode"));
        Map<String, Object> refused = invoke("feedback-bad-score");
        assertEquals(400, refused.get("statusCode"));
        assertTrue(((String) refused.get("body")).contains("score"));
    }

    private long kioskTapsCounted() {
        return store.tallies(java.time.YearMonth.of(2026, 11), java.time.YearMonth.of(2026, 11)).stream()
                .filter(t -> t.channel() == sa.mustafeed.core.request.Channel.KIOSK)
                .mapToLong(SurveyTally::responses)
                .sum();
    }

    @Test
    @SuppressWarnings("unchecked")
    void kioskFeedback_fromAnUnregisteredKiosk_is404InTheErrorShape_andNothingCounts() throws Exception {
        Map<String, Object> refused = invoke("feedback-unregistered");

        assertEquals(404, refused.get("statusCode"));
        Map<String, Object> error = ((List<Map<String, Object>>) body(refused).get("errors")).getFirst();
        assertEquals("kiosk_not_registered", error.get("code"));
        assertEquals("kioskId", error.get("field"));
        Map<String, Object> message = (Map<String, Object>) error.get("message");
        assertFalse(((String) message.get("ar")).isBlank());
        assertFalse(((String) message.get("en")).isBlank());
        assertEquals(0, kioskTapsCounted());
    }

    @Test
    void kioskFeedback_fromARegisteredKiosk_countsExactlyOnce() throws Exception {
        assertEquals(202, invoke("feedback").get("statusCode"));
        assertEquals(1, kioskTapsCounted());
    }

    @Test
    void kioskFeedback_fromARetiredKiosk_is404_andWhatItCountedStays() throws Exception {
        assertEquals(202, invoke("feedback").get("statusCode"));
        kiosks.retire("lobby-1", SampleDrafts.NOW, "هدى");

        Map<String, Object> refused = invoke("feedback");

        assertEquals(404, refused.get("statusCode"));
        assertTrue(((String) refused.get("body")).contains("kiosk_not_registered"));
        assertEquals(1, kioskTapsCounted());
        assertEquals(404, invoke("kiosk-check").get("statusCode"), "the tablet's page learns it too");
    }

    @Test
    void kioskCheck_answersWhetherTheTabletMayShowTheFaces() throws Exception {
        Map<String, Object> ok = invoke("kiosk-check");
        assertEquals(200, ok.get("statusCode"));
        assertEquals(Map.of("kioskId", "lobby-1", "active", true), body(ok));
        String text = (String) ok.get("body");
        assertFalse(text.contains("Reception") || text.contains("هدى"), "nothing a manager typed reaches the public");
    }
}
