package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.fakes.InMemoryAuditLog;
import sa.mustafeed.core.fakes.InMemoryDeliveryStatistics;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryReceipts;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.Receipt;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.BeneficiaryRecords;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.survey.SurveyTally;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.ServiceLevelsFile;
import sa.mustafeed.testing.SampleEvents;

/** The staff API fed the sample events in events/staff-api/, over the in-memory fakes. */
class StaffApiHandlerTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final sa.mustafeed.core.fakes.InMemorySavedReplies savedReplies =
            new sa.mustafeed.core.fakes.InMemorySavedReplies();
    private final InMemorySurveyStore surveyStore = new InMemorySurveyStore();
    private final InMemoryMessaging messaging = new InMemoryMessaging();
    private final InMemoryDeliveryStatistics deliveryCounters = new InMemoryDeliveryStatistics();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final sa.mustafeed.core.fakes.InMemoryKioskRegistry kiosks =
            new sa.mustafeed.core.fakes.InMemoryKioskRegistry();
    private final StaffApiHandler handler = new StaffApiHandler(
            new CaseService(
                    repository,
                    messaging.deliveryLog,
                    SampleServiceLevels.LEVELS,
                    SampleDrafts.HASHER,
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new SubmissionService(
                    RequestRules.forStaffChannels(),
                    repository,
                    SampleDrafts.HASHER,
                    SampleDrafts.clockAt(SampleDrafts.NOW),
                    new SplittableRandom(1),
                    "2026-11"),
            new sa.mustafeed.core.ports.SurveyStatistics() {
                // Ten answers to request surveys, five exit taps at the kiosk, 40 links sent.
                @Override
                public List<SurveyTally> tallies(YearMonth first, YearMonth last) {
                    return List.of(
                            new SurveyTally(
                                    YearMonth.of(2026, 11),
                                    Channel.WEB,
                                    Optional.of(sa.mustafeed.core.request.Category.SERVICE),
                                    "overall",
                                    new long[] {1, 0, 1, 3, 5}),
                            new SurveyTally(
                                    YearMonth.of(2026, 11), Channel.KIOSK, Optional.empty(), "overall", new long[] {
                                        0, 0, 0, 2, 3
                                    }));
                }

                @Override
                public List<sa.mustafeed.core.survey.SurveyReach> reach(YearMonth first, YearMonth last) {
                    return List.of(
                            new sa.mustafeed.core.survey.SurveyReach(YearMonth.of(2026, 11), Channel.WEB, 40, 10));
                }
            },
            (first, last) -> List.of(),
            deliveryCounters,
            new BeneficiaryRecords(
                    repository,
                    messaging.deliveryLog,
                    surveyStore,
                    new SurveyTokens(SampleDrafts.HASHER),
                    SampleDrafts.HASHER,
                    audit,
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new sa.mustafeed.core.staff.WorkQueueService(
                    new sa.mustafeed.core.fakes.InMemoryWorkQueue(repository, SampleServiceLevels.LEVELS),
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new sa.mustafeed.core.staff.SavedReplyService(savedReplies, SampleDrafts.clockAt(SampleDrafts.NOW)),
            new RecoveryRoutes(
                    new sa.mustafeed.core.recovery.FollowUpService(
                            surveyStore,
                            sa.mustafeed.core.fakes.SampleServiceLevels.FOLLOW_UPS,
                            SampleDrafts.clockAt(SampleDrafts.NOW)),
                    surveyStore),
            new sa.mustafeed.core.survey.KioskService(
                    kiosks, SampleDrafts.clockAt(SampleDrafts.NOW), new SplittableRandom(3)),
            new ComplaintRoutes(new sa.mustafeed.core.complaints.ComplaintService(
                    new CaseService(
                            repository,
                            messaging.deliveryLog,
                            SampleServiceLevels.LEVELS,
                            SampleDrafts.HASHER,
                            SampleDrafts.clockAt(SampleDrafts.NOW)),
                    repository,
                    sa.mustafeed.core.fakes.SampleServiceLevels.COMPLAINTS,
                    SampleDrafts.clockAt(SampleDrafts.NOW))),
            SampleDrafts.clockAt(SampleDrafts.NOW));

    /** The request the sample events name: MHF5-Q2N7, received, version 1. */
    @BeforeEach
    void storeTheSampleRequest() {
        ServiceRequest request = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        repository.create(request, new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED), Optional.empty());
        repository.readReachFrom(messaging);
    }

    /** The notifier's record of a message sent for MHF5-Q2N7 at {@code version}, as markSent leaves it. */
    private void sent(long version, MessageKind kind, DeliveryLeg... legs) {
        String key = "MHF5Q2N7#v" + version;
        messaging.sentMessages.claim(key, SampleDrafts.NOW, SampleDrafts.NOW.minusSeconds(300));
        messaging.sentMessages.markSent(
                key, new SentMessage(kind, Language.AR, List.of(legs), Optional.empty()), SampleDrafts.NOW);
    }

    /** The sample queue event, for another status. */
    @SuppressWarnings("unchecked")
    private static byte[] queueOf(String status) throws Exception {
        Map<String, Object> event = Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "queue")));
        event.put("rawQueryString", "status=" + status + "&order=oldest");
        ((Map<String, Object>) event.get("queryStringParameters")).put("status", status);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    private DeliveryReceipts.Outcome receipt(
            String provider, String id, DeliveryState state, String reason, int minutes) {
        return new DeliveryReceipts(messaging.deliveryLog)
                .apply(new Receipt(
                        provider, id, state, Optional.ofNullable(reason), SampleDrafts.NOW.plusSeconds(60L * minutes)));
    }

    private Map<String, Object> invoke(String name) throws Exception {
        return invoke(Files.readAllBytes(SampleEvents.path("staff-api", name)));
    }

    private Map<String, Object> invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    private static Map<String, Object> body(Map<String, Object> response) throws Exception {
        return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    private static String errorCode(Map<String, Object> response) throws Exception {
        return (String) ((Map<?, ?>) ((List<?>) body(response).get("errors")).getFirst()).get("code");
    }

    @Test
    void reply_isPublic_showsInTheLookupTimeline_andMakesOneNewVersionForTheNotifier() throws Exception {
        // WHEN
        Map<String, Object> response = invoke("add-reply");
        // THEN
        assertEquals(201, response.get("statusCode"));
        assertEquals(true, body(response).get("public"));
        var timeline = repository
                .findWithTimeline(new ReferenceCode("MHF5Q2N7"))
                .orElseThrow()
                .timeline();
        assertEquals(TimelineEntry.Kind.REPLY, timeline.getLast().kind());
        assertEquals(1, repository.replies().size());
        assertEquals(2, repository.replies().getFirst().version());
        Map<String, Object> detail = body(invoke("detail"));
        List<?> entries = (List<?>) detail.get("timeline");
        assertEquals("reply", ((Map<?, ?>) entries.getLast()).get("type"));
    }

    @Test
    void reply_withoutText_is400Required() throws Exception {
        Map<String, Object> event = Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "add-reply")));
        event.put("body", "{\"text\": 5}");
        Map<String, Object> response = invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.get("statusCode"));
        assertEquals("invalid_type", errorCode(response));
    }

    /** The sample request, made a complaint about a member of staff (and, as any complaint, confidential). */
    private void makeTheSampleAComplaintAboutStaff() {
        ServiceRequest sample = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        ServiceRequest complaint = new ServiceRequest(
                sample.reference(),
                sa.mustafeed.core.request.Category.COMPLAINT,
                sample.channel(),
                sample.status(),
                sample.name(),
                sample.mobile(),
                sample.mobileHash(),
                sample.email(),
                sample.nationalIdHash(),
                sample.nationalIdLast4(),
                sample.city(),
                "الموظفة في الاستقبال رفضت مساعدتي.",
                sample.preferredContact(),
                sample.language(),
                sample.onBehalf(),
                sample.consentVersion(),
                sample.consentAt(),
                sample.submittedAt(),
                sample.updatedAt(),
                sample.version(),
                true);
        repository.replace(complaint);
    }

    /** The outcome event with another body (as the employee, unless {@code manager}). */
    private Map<String, Object> outcome(String body, boolean manager) throws Exception {
        Map<String, Object> event = Json.readObject(
                manager
                        ? asManager("record-outcome")
                        : Files.readAllBytes(SampleEvents.path("staff-api", "record-outcome")));
        if (body != null) {
            event.put("body", body);
        }
        return invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outcome_onARequestThatIsNotAComplaint_is400OnlyForComplaints() throws Exception {
        Map<String, Object> response = outcome(null, true);
        assertEquals(400, response.get("statusCode"));
        assertEquals("only_for_complaints", errorCode(response));
    }

    @Test
    @SuppressWarnings("unchecked")
    void outcome_onAComplaintAboutStaff_isTheManagers_once_andThePageShowsIt() throws Exception {
        makeTheSampleAComplaintAboutStaff();
        assertEquals(403, outcome(null, false).get("statusCode"));
        Map<String, Object> missing = outcome("{\"actionTaken\": \"تم\"}", true);
        assertEquals(400, missing.get("statusCode"));
        assertEquals("required", errorCode(missing));
        assertEquals("invalid_choice", errorCode(outcome("{\"result\": \"maybe\", \"actionTaken\": \"تم\"}", true)));
        assertEquals("invalid_type", errorCode(outcome("{\"result\": \"upheld\", \"actionTaken\": 5}", true)));
        assertEquals("required", errorCode(outcome("{\"result\": \"upheld\", \"actionTaken\": \"  \"}", true)));

        Map<String, Object> recorded = outcome(null, true);
        assertEquals(201, recorded.get("statusCode"), String.valueOf(recorded.get("body")));
        assertEquals("partly_upheld", body(recorded).get("result"));
        assertEquals("MHF5-Q2N7", body(recorded).get("reference"));
        assertEquals(true, body(recorded).get("onTime"));
        Map<String, Object> again = outcome(null, true);
        assertEquals(409, again.get("statusCode"));
        assertEquals("outcome_already_recorded", errorCode(again));
        assertEquals(1, repository.replies().size(), "sent once");
        assertTrue(repository.replies().get(0).text().startsWith("نتيجة شكواك: شكوى مقبولة جزئيًا."));

        Map<String, Object> page = body(invoke(asManager("detail")));
        Map<String, Object> complaint = (Map<String, Object>) page.get("complaint");
        assertEquals("partly_upheld", ((Map<String, Object>) complaint.get("outcome")).get("result"));
        assertEquals(false, complaint.get("mayRecordOutcome"));
        assertEquals(false, complaint.get("escalated"));
        assertEquals(5, ((Number) complaint.get("respondWorkingDays")).intValue());
        assertEquals(complaint.get("respondBy"), page.get("respondBy"));
    }

    /** A sample event signed in as the manager of the sample events instead of the employee. */
    @SuppressWarnings("unchecked")
    private static byte[] asManager(String name) throws Exception {
        Map<String, Object> event = Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", name)));
        Map<String, Object> manager =
                Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "service-report-as-manager")));
        ((Map<String, Object>) event.get("requestContext"))
                .put("authorizer", ((Map<String, Object>) manager.get("requestContext")).get("authorizer"));
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aComplaintAboutStaff_is403ToEmployeesOnEveryRoute_andNotInTheirQueue() throws Exception {
        makeTheSampleAComplaintAboutStaff();

        for (String route : List.of("detail", "add-note", "add-reply", "change-status")) {
            Map<String, Object> response = invoke(route);
            assertEquals(403, response.get("statusCode"), route);
            assertEquals("forbidden", errorCode(response), route);
        }
        assertEquals(List.of(), body(invoke("queue")).get("items"));
        Map<String, Object> detail = body(invoke(asManager("detail")));
        assertEquals(true, detail.get("aboutStaff"));
        assertEquals("+966501234567", detail.get("mobile"));
        assertEquals(1, ((List<?>) body(invoke(asManager("queue"))).get("items")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aComplainantsIdentity_isHiddenFromEmployeesWhoDoNotHandleIt() throws Exception {
        ServiceRequest sample = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        makeTheSampleAComplaintAboutStaff();
        repository.replace(new ServiceRequest(
                sample.reference(),
                sa.mustafeed.core.request.Category.COMPLAINT,
                sample.channel(),
                sample.status(),
                sample.name(),
                sample.mobile(),
                sample.mobileHash(),
                sample.email(),
                sample.nationalIdHash(),
                sample.nationalIdLast4(),
                sample.city(),
                "تأخر الرد على طلبي.",
                sample.preferredContact(),
                sample.language(),
                sample.onBehalf(),
                sample.consentVersion(),
                sample.consentAt(),
                sample.submittedAt(),
                sample.updatedAt(),
                sample.version()));

        Map<String, Object> row =
                ((List<Map<String, Object>>) body(invoke("queue")).get("items")).getFirst();
        assertEquals("", row.get("name"));
        assertEquals("", row.get("mobileMasked"));
        assertEquals(true, row.get("identityHidden"));
        Map<String, Object> detail = body(invoke("detail"));
        assertFalse(detail.containsKey("mobile"));
        assertEquals("", detail.get("name"));
        assertEquals("سارة العتيبي", body(invoke(asManager("detail"))).get("name"));
    }

    @Test
    void withoutVerifiedClaims_everyRouteAnswers401() throws Exception {
        Map<String, Object> response = invoke("queue-without-token");
        assertEquals(401, response.get("statusCode"));
        assertEquals("unauthorized", errorCode(response));
    }

    @Test
    @SuppressWarnings("unchecked")
    void authorizationMatrix_staffWorkRequestsButOnlyManagersReadReports() throws Exception {
        Map<String, Integer> expected = Map.of(
                "queue",
                200,
                "detail",
                200,
                "add-note",
                201,
                "add-reply",
                201,
                "register-by-phone",
                201,
                "service-report-as-staff",
                403,
                "service-report-as-manager",
                200,
                "requests-export",
                200);
        for (var route : expected.entrySet()) {
            assertEquals(route.getValue(), invoke(route.getKey()).get("statusCode"), route.getKey());
        }
        Map<String, Object> noGroup = Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "queue")));
        ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                                        ((Map<String, Object>) noGroup.get("requestContext")).get("authorizer"))
                                .get("jwt"))
                        .get("claims"))
                .put("cognito:groups", "[]");
        assertEquals(
                403,
                invoke(Json.write(noGroup).getBytes(StandardCharsets.UTF_8)).get("statusCode"),
                "a signed-in user in neither group");
    }

    @Test
    @SuppressWarnings("unchecked")
    void changeStatus_thenTheSameStaleEdit_is409() throws Exception {
        Map<String, Object> moved = invoke("change-status");
        assertEquals(200, moved.get("statusCode"), String.valueOf(moved.get("body")));
        Map<String, Object> detail = body(moved);
        assertEquals("in_review", detail.get("status"));
        assertEquals(2, detail.get("version"));
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) detail.get("timeline");
        assertEquals("أمل الحربي", timeline.getLast().get("by"));

        Map<String, Object> stale = invoke("change-status");
        assertEquals(409, stale.get("statusCode"));
        assertEquals("version_conflict", errorCode(stale));
    }

    @Test
    @SuppressWarnings("unchecked")
    void registerByPhone_recordsTheChannelAndFlagsTheOpenRequestOfTheSameMobile() throws Exception {
        Map<String, Object> created = invoke("register-by-phone");
        assertEquals(201, created.get("statusCode"), String.valueOf(created.get("body")));
        assertEquals(List.of("MHF5-Q2N7"), body(created).get("possibleDuplicates"));
        String reference = (String) body(created).get("reference");
        var file = repository.find(ReferenceCode.parse(reference).orElseThrow()).orElseThrow();
        assertEquals(Channel.PHONE, file.request().channel());
        assertEquals(Optional.of("أمل الحربي"), file.registeredBy());
    }

    @Test
    void queue_listsTheReceivedRequestWithItsServiceClock() throws Exception {
        Map<String, Object> page = body(invoke("queue"));
        List<?> items = (List<?>) page.get("items");
        assertEquals(1, items.size());
        Map<?, ?> row = (Map<?, ?>) items.getFirst();
        assertEquals("MHF5-Q2N7", row.get("reference"));
        assertEquals("+9665••••••67", row.get("mobileMasked"));
        assertTrue(((Map<?, ?>) row.get("sla")).containsKey("dueAt"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStatusMessageTheProviderCouldNotDeliver_flagsTheRequestNotReached_inTheQueueAndOnItsPage() throws Exception {
        // GIVEN the confirmation was delivered, then the status message failed at the provider
        sent(1, MessageKind.RECEIVED, DeliveryLeg.sent(Delivery.SMS, "unifonic", "u-1", SampleDrafts.NOW));
        receipt("unifonic", "u-1", DeliveryState.DELIVERED, null, 1);
        assertEquals(200, invoke("change-status").get("statusCode"), "received → in review: version 2");
        sent(
                2,
                MessageKind.STATUS_CHANGED,
                DeliveryLeg.sent(Delivery.SMS, "unifonic", "u-2", SampleDrafts.NOW.plusSeconds(600)));
        receipt("unifonic", "u-2", DeliveryState.FAILED, "Undeliverable", 11);

        // WHEN
        Map<?, ?> row =
                (Map<?, ?>) ((List<?>) body(invoke(queueOf("in_review"))).get("items")).getFirst();
        Map<String, Object> detail = body(invoke("detail"));

        // THEN the queue row and the page say so, and the page lists both messages, oldest first
        assertEquals(true, row.get("notReached"));
        assertEquals(true, detail.get("notReached"));
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) detail.get("deliveries");
        assertEquals(
                List.of(
                        Map.of(
                                "kind", "received",
                                "kindLabel", Map.of("ar", "تأكيد استلام الطلب", "en", "Confirmation of receipt"),
                                "channel", "sms",
                                "channelLabel", Map.of("ar", "رسالة نصية", "en", "Text message"),
                                "provider", "unifonic",
                                "providerLabel", Map.of("ar", "يونيفونك (Unifonic)", "en", "Unifonic"),
                                "state", "delivered",
                                "stateLabel", Map.of("ar", "وصلت", "en", "Delivered"),
                                "at", "2026-11-25T08:31:00Z"),
                        Map.of(
                                "kind", "status",
                                "kindLabel", Map.of("ar", "تحديث حالة الطلب", "en", "Status update"),
                                "channel", "sms",
                                "channelLabel", Map.of("ar", "رسالة نصية", "en", "Text message"),
                                "provider", "unifonic",
                                "providerLabel", Map.of("ar", "يونيفونك (Unifonic)", "en", "Unifonic"),
                                "state", "failed",
                                "stateLabel", Map.of("ar", "لم تصل", "en", "Not delivered"),
                                "at", "2026-11-25T08:41:00Z",
                                "reason", "Undeliverable")),
                deliveries);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWhatsAppMessageThatFellBackToSms_listsBothLegs_andADeliveredSmsMeansReached() throws Exception {
        // GIVEN WhatsApp took the confirmation, reported it failed (not on WhatsApp), the SMS arrived
        sent(1, MessageKind.RECEIVED, DeliveryLeg.sent(Delivery.WHATSAPP, "whatsapp", "w-1", SampleDrafts.NOW));
        assertEquals(
                DeliveryReceipts.Outcome.FALLING_BACK, receipt("whatsapp", "w-1", DeliveryState.FAILED, "131026", 1));
        messaging.sentMessages.claimFallback("MHF5Q2N7#v1", SampleDrafts.NOW, SampleDrafts.NOW.minusSeconds(300));
        messaging.sentMessages.markFallbackSent(
                "MHF5Q2N7#v1",
                DeliveryLeg.sent(Delivery.SMS, "sns", "s-1", SampleDrafts.NOW.plusSeconds(120)),
                SampleDrafts.NOW.plusSeconds(120));
        receipt("sns", "s-1", DeliveryState.DELIVERED, null, 3);

        // WHEN
        Map<String, Object> detail = body(invoke("detail"));

        // THEN
        assertEquals(false, detail.get("notReached"));
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) detail.get("deliveries");
        assertEquals(
                List.of("whatsapp/whatsapp/failed/131026", "sms/sns/delivered/-"),
                deliveries.stream()
                        .map(d -> d.get("channel") + "/" + d.get("provider") + "/" + d.get("state") + "/"
                                + d.getOrDefault("reason", "-"))
                        .toList());
        assertEquals(
                Map.of("ar", "واتساب (AWS End User Messaging)", "en", "WhatsApp (AWS End User Messaging)"),
                deliveries.getFirst().get("providerLabel"));
        assertEquals(false, ((Map<?, ?>) ((List<?>) body(invoke("queue")).get("items")).getFirst()).get("notReached"));
    }

    @Test
    void aRequestNothingWasSentFor_hasNoDeliveries_andIsNotFlagged() throws Exception {
        Map<String, Object> detail = body(invoke("detail"));
        assertEquals(List.of(), detail.get("deliveries"));
        assertEquals(false, detail.get("notReached"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceReport_addsUpTheDeliveryCountersByChannelAndProvider_overTheReportsMonthsOnly() throws Exception {
        // GIVEN two providers' counters in November (the event's period) and some in October
        deliveryCounters
                .count(YearMonth.of(2026, 11), Delivery.SMS, "unifonic", "sent", 40)
                .count(YearMonth.of(2026, 11), Delivery.SMS, "unifonic", "delivered", 37)
                .count(YearMonth.of(2026, 11), Delivery.SMS, "unifonic", "failed", 2)
                .count(YearMonth.of(2026, 11), Delivery.WHATSAPP, "whatsapp", "sent", 3)
                .count(YearMonth.of(2026, 11), Delivery.WHATSAPP, "whatsapp", "failed", 3)
                .count(YearMonth.of(2026, 10), Delivery.SMS, "unifonic", "sent", 1000);

        // WHEN
        Map<String, Object> report = body(invoke("service-report-as-manager"));

        // THEN one row per channel and provider, rate to a whole percent
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("deliveries");
        assertEquals(2, rows.size());
        Map<String, Object> sms = rows.getFirst();
        assertEquals("sms", sms.get("channel"));
        assertEquals("unifonic", sms.get("provider"));
        assertEquals(List.of(40, 37, 2), List.of(sms.get("sent"), sms.get("delivered"), sms.get("failed")));
        assertEquals(0.93, sms.get("deliveryRate"));
        assertEquals(Map.of("ar", "رسالة نصية", "en", "Text message"), sms.get("channelLabel"));
        Map<String, Object> whatsApp = rows.getLast();
        assertEquals("whatsapp", whatsApp.get("channel"));
        assertEquals(0.0, whatsApp.get("deliveryRate"));
    }

    @Test
    void export_isCsvWithABom() throws Exception {
        Map<String, Object> response = invoke("requests-export");
        assertTrue(((Map<?, ?>) response.get("headers"))
                .get("content-type")
                .toString()
                .startsWith("text/csv"));
        assertTrue(((String) response.get("body")).startsWith("\uFEFFرقم الطلب,"), "Arabic by default");
        assertTrue(((String) response.get("body")).contains("MHF5-Q2N7"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void satisfactionReport_addsTheTallies() throws Exception {
        Map<String, Object> event =
                Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "service-report-as-manager")));
        event.put("routeKey", "GET /staff/reports/satisfaction");
        Map<String, Object> report = body(invoke(Json.write(event).getBytes(StandardCharsets.UTF_8)));
        assertEquals(10, report.get("responses"));
        assertEquals(0.8, report.get("csat"));
        assertEquals(4.1, report.get("average"));
        assertEquals(List.of(1, 0, 1, 3, 5), report.get("distribution"));
        assertEquals(5, report.get("kioskResponses"), "exit taps apart from the answers");
        assertEquals(0.25, report.get("responseRate"));
        assertEquals(40, report.get("surveysSent"));
        assertEquals(true, report.get("enoughResponses"));
        assertEquals(10, report.get("minimumResponses"));
        Map<?, ?> web = ((List<Map<?, ?>>) report.get("byChannel")).getFirst();
        assertEquals("web", web.get("channel"));
        assertEquals(0.25, web.get("responseRate"));
    }

    @Test
    void exports_speakTheConsolesLanguage_arabicByDefault_andRefuseAnotherLang() throws Exception {
        Map<String, Object> event =
                Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "requests-export")));
        assertTrue(((String) body(event, "ar").get("body")).startsWith("\uFEFFرقم الطلب,"));
        assertTrue(((String) body(event, "en").get("body")).startsWith("\uFEFFRequest number,"));
        event.put("routeKey", "GET /staff/exports/surveys.csv");
        assertTrue(((String) body(event, "en").get("body")).contains(",Website,Service or support request,"));
        Map<String, Object> refused = body(event, "fr");
        assertEquals(400, refused.get("statusCode"));
        assertEquals("invalid_choice", errorCode(refused));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Map<String, Object> event, String lang) throws Exception {
        event.put("rawQueryString", "from=2026-11-01&to=2026-11-30&lang=" + lang);
        ((Map<String, Object>) event.get("queryStringParameters")).put("lang", lang);
        return invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pdpl_exportFindsByMobileAndEraseKeepsOnlyTheAnonymousFacts() throws Exception {
        Map<String, Object> event =
                Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "service-report-as-manager")));
        event.put("routeKey", "POST /staff/beneficiaries/export");
        event.put("body", "{\"mobile\":\"0501234567\"}");
        Map<String, Object> exported = body(invoke(Json.write(event).getBytes(StandardCharsets.UTF_8)));
        List<Map<String, Object>> requests = (List<Map<String, Object>>) exported.get("requests");
        assertEquals("سارة العتيبي", requests.getFirst().get("name"));

        event.put("routeKey", "POST /staff/beneficiaries/erase");
        event.put("body", "{\"mobile\":\"0501234567\"}");
        assertEquals(
                400, invoke(Json.write(event).getBytes(StandardCharsets.UTF_8)).get("statusCode"), "needs confirm");
        event.put("body", "{\"mobile\":\"0501234567\",\"confirm\":true}");
        assertEquals(
                List.of("MHF5-Q2N7"),
                body(invoke(Json.write(event).getBytes(StandardCharsets.UTF_8))).get("erased"));

        var erased =
                repository.find(new ReferenceCode("MHF5Q2N7")).orElseThrow().request();
        assertEquals("—", erased.name());
        assertEquals(Category.SERVICE, erased.category());
        assertEquals(Status.RECEIVED, erased.status());
        event.put("routeKey", "POST /staff/beneficiaries/export");
        event.put("body", "{\"mobile\":\"0501234567\"}");
        assertEquals(
                List.of(),
                body(invoke(Json.write(event).getBytes(StandardCharsets.UTF_8))).get("requests"));
        Map<String, Object> asStaff = Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "queue")));
        asStaff.put("routeKey", "POST /staff/beneficiaries/export");
        asStaff.put("body", "{\"mobile\":\"0501234567\"}");
        assertEquals(
                403,
                invoke(Json.write(asStaff).getBytes(StandardCharsets.UTF_8)).get("statusCode"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pdpl_findCountsWithoutAuditing_exportAndEraseAreAudited_andTheMonthsLogShowsBothNewestFirst()
            throws Exception {
        Map<String, Object> event =
                Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "service-report-as-manager")));
        event.put("routeKey", "POST /staff/beneficiaries/find");
        event.put("body", "{\"mobile\":\"0501234567\"}");
        assertEquals(
                1,
                body(invoke(Json.write(event).getBytes(StandardCharsets.UTF_8))).get("requests"));
        assertEquals(List.of(), audit.written(), "finding hands over no data: not audited");

        event.put("routeKey", "POST /staff/beneficiaries/export");
        invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
        event.put("routeKey", "POST /staff/beneficiaries/erase");
        event.put("body", "{\"mobile\":\"0501234567\",\"confirm\":true}");
        invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));

        Map<String, Object> log = body(invoke("audit-log"));
        assertEquals("2026-11", log.get("month"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) log.get("items");
        assertEquals(
                List.of("erase", "export"),
                items.stream().map(i -> i.get("action")).toList());
        Map<String, Object> erase = items.getFirst();
        assertEquals("خالد الزهراني", erase.get("staffName"));
        assertEquals("7c2f0a1b-2d3e-4f50-9b0c-1d2e3f4a5b6c", erase.get("staffId"));
        assertEquals(SampleDrafts.NOW.toString(), erase.get("at"));
        assertEquals(1, erase.get("requests"));
        assertEquals(
                SampleDrafts.HASHER.hash(sa.mustafeed.core.privacy.HashPurpose.MOBILE, "+966501234567"),
                erase.get("subjectHash"));
        assertEquals(Map.of("ar", "محو البيانات الشخصية", "en", "Erased personal data"), erase.get("actionLabel"));
        String text = (String) invoke("audit-log").get("body");
        assertFalse(text.contains("4567") || text.contains("سارة"), "the log holds no number and no name: " + text);
        assertEquals(null, log.get("nextCursor"));
    }

    @Test
    void auditLog_refusesAMalformedMonthOrCursorAs400_andAnEmployeeAs403() throws Exception {
        for (String[] query : new String[][] {{"month", "2026-13"}, {"month", "1999-01"}, {"cursor", "x"}}) {
            Map<String, Object> event =
                    Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "audit-log")));
            event.put("queryStringParameters", Map.of(query[0], query[1]));
            event.put("rawQueryString", query[0] + "=" + query[1]);
            Map<String, Object> response = invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.get("statusCode"), String.join("=", query));
            assertEquals(query[0].equals("month") ? "invalid_date" : "invalid_cursor", errorCode(response));
        }
        Map<String, Object> asStaff = Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "queue")));
        asStaff.put("routeKey", "GET /staff/audit");
        assertEquals(
                403,
                invoke(Json.write(asStaff).getBytes(StandardCharsets.UTF_8)).get("statusCode"));
    }

    @Test
    void serviceLevelsFile_inTheJarIsValid() {
        assertEquals(
                16,
                ServiceLevelsFile.load()
                        .read(
                                Category.INQUIRY,
                                Status.RECEIVED,
                                SampleDrafts.NOW,
                                0,
                                Optional.empty(),
                                Optional.empty(),
                                SampleDrafts.NOW)
                        .targetHours());
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedReplies_managersWriteThem_employeesReadThem_andMayNotWrite() throws Exception {
        Map<String, Object> saved = invoke("save-reply-as-manager");
        assertEquals(200, saved.get("statusCode"), String.valueOf(saved.get("body")));
        assertEquals("خالد الزهراني", body(saved).get("updatedBy"));

        Map<String, Object> list = invoke(asStaff(event("save-reply-as-manager", "GET /staff/saved-replies", null)));
        assertEquals(200, list.get("statusCode"), String.valueOf(list.get("body")));
        List<Map<String, Object>> items = (List<Map<String, Object>>) body(list).get("items");
        assertEquals(List.of("received-1"), items.stream().map(i -> i.get("id")).toList());
        assertEquals(
                "Hello {name}, we have your request {reference} and will answer soon.",
                items.getFirst().get("textEn"));
        assertEquals(List.of("{reference}", "{name}"), body(list).get("placeholders"));

        Map<String, Object> byStaff = invoke(asStaff(event("save-reply-as-manager", null, null)));
        assertEquals(403, byStaff.get("statusCode"));
        Map<String, Object> deleteByStaff =
                invoke(asStaff(event("save-reply-as-manager", "POST /staff/saved-replies/{id}/delete", "{}")));
        assertEquals(403, deleteByStaff.get("statusCode"));

        Map<String, Object> deleted =
                invoke(Json.write(event("save-reply-as-manager", "POST /staff/saved-replies/{id}/delete", "{}"))
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, deleted.get("statusCode"));
        assertEquals(List.of(), savedReplies.all());
    }

    @Test
    void savedReply_withATextThatIsNoText_orAnUnknownPlaceholder_is400() throws Exception {
        Map<String, Object> notText = invoke(Json.write(event(
                        "save-reply-as-manager",
                        null,
                        "{\"titleAr\": 1, \"titleEn\": \"t\", \"textAr\": \"a\", \"textEn\": \"b\"}"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notText.get("statusCode"));
        assertEquals("invalid_type", errorCode(notText));

        Map<String, Object> misspelt = invoke(Json.write(event(
                        "save-reply-as-manager",
                        null,
                        "{\"titleAr\": \"ع\", \"titleEn\": \"t\", \"textAr\": \"{رقم}\", \"textEn\": \"b\"}"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, misspelt.get("statusCode"));
        assertEquals("unknown_placeholder", errorCode(misspelt));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kiosks_managersRegisterListAndRetireThem_employeesMayNot() throws Exception {
        // GIVEN a manager registers the reception's tablet
        Map<String, Object> registered = invoke("register-kiosk-as-manager");
        assertEquals(201, registered.get("statusCode"), String.valueOf(registered.get("body")));
        Map<String, Object> kiosk = body(registered);
        String id = (String) kiosk.get("id");
        assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
        assertEquals("الاستقبال، الدور الأرضي", kiosk.get("label"));
        assertEquals("/kiosk/feedback/?kiosk=" + id, kiosk.get("path"));
        assertEquals(true, kiosk.get("active"));
        assertEquals("خالد الزهراني", kiosk.get("registeredBy"));

        // THEN employees can neither list, register nor retire kiosks
        assertEquals(
                403,
                invoke(asStaff(event("register-kiosk-as-manager", null, null))).get("statusCode"));
        assertEquals(
                403,
                invoke(asStaff(event("register-kiosk-as-manager", "GET /staff/kiosks", null)))
                        .get("statusCode"));
        Map<String, Object> retire = event("register-kiosk-as-manager", "POST /staff/kiosks/{id}/retire", "{}");
        retire.put("pathParameters", Map.of("id", id));
        assertEquals(403, invoke(asStaff(retire)).get("statusCode"));
        assertTrue(kiosks.find(id).orElseThrow().active());

        // AND the manager retires it: listed still, no longer active (asStaff changed the event it was given)
        retire = event("register-kiosk-as-manager", "POST /staff/kiosks/{id}/retire", "{}");
        retire.put("pathParameters", Map.of("id", id));
        Map<String, Object> retired = invoke(Json.write(retire).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, retired.get("statusCode"), String.valueOf(retired.get("body")));
        assertEquals(false, body(retired).get("active"));
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                body(invoke(Json.write(event("register-kiosk-as-manager", "GET /staff/kiosks", null))
                                .getBytes(StandardCharsets.UTF_8)))
                        .get("items");
        assertEquals(List.of(id), items.stream().map(i -> i.get("id")).toList());
        assertEquals("خالد الزهراني", items.getFirst().get("retiredBy"));
    }

    @Test
    void kiosks_aLabelThatIsNoText_is400_andRetiringAnUnknownKiosk_is404() throws Exception {
        Map<String, Object> notText = invoke(Json.write(event("register-kiosk-as-manager", null, "{\"label\": 7}"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notText.get("statusCode"));
        assertEquals("invalid_type", errorCode(notText));
        Map<String, Object> none = invoke(
                Json.write(event("register-kiosk-as-manager", null, "{}")).getBytes(StandardCharsets.UTF_8));
        assertEquals("required", errorCode(none));

        Map<String, Object> retire = event("register-kiosk-as-manager", "POST /staff/kiosks/{id}/retire", "{}");
        retire.put("pathParameters", Map.of("id", "nobody-registered-this"));
        Map<String, Object> unknown = invoke(Json.write(retire).getBytes(StandardCharsets.UTF_8));
        assertEquals(404, unknown.get("statusCode"));
        assertEquals("kiosk_not_registered", errorCode(unknown));
    }

    /** A sample event with another route key and body (null keeps the sample's). */
    private static Map<String, Object> event(String name, String routeKey, String bodyText) throws Exception {
        Map<String, Object> event = Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", name)));
        if (routeKey != null) {
            event.put("routeKey", routeKey);
        }
        if (bodyText != null) {
            event.put("body", bodyText);
        }
        return event;
    }

    /** The same call from an employee who is not a manager. */
    @SuppressWarnings("unchecked")
    private static byte[] asStaff(Map<String, Object> event) {
        Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
        Map<String, Object> claims = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) context.get("authorizer")).get("jwt")).get("claims");
        claims.put("cognito:groups", "[staff]");
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** A survey answer for {@code reference}, recorded as the survey function records it, with its follow-up. */
    private void answered(
            String surveyId,
            String reference,
            int overall,
            String comment,
            boolean anonymous,
            boolean contact,
            java.time.Instant at) {
        sa.mustafeed.core.survey.SurveyInvitation invitation = new sa.mustafeed.core.survey.SurveyInvitation(
                surveyId,
                Optional.of(new ReferenceCode(reference)),
                sa.mustafeed.core.request.Category.SERVICE,
                sa.mustafeed.core.request.Channel.PHONE,
                Language.AR,
                at.minusSeconds(86_400),
                at.plusSeconds(86_400 * 13),
                Optional.empty(),
                Optional.empty(),
                false);
        surveyStore.offer(invitation, "hash-" + surveyId, at.minusSeconds(86_400));
        sa.mustafeed.core.survey.SurveyAnswer answer = new sa.mustafeed.core.survey.SurveyAnswer(
                overall, Map.of(), Optional.empty(), Optional.ofNullable(comment), anonymous, contact);
        surveyStore.recordAnswer(
                invitation,
                answer,
                at,
                sa.mustafeed.core.fakes.SampleServiceLevels.FOLLOW_UPS.forAnswer(invitation, answer, at));
    }

    @Test
    @SuppressWarnings("unchecked")
    void followUps_areListedDueFirst_withWhyAndScore_andARecordedCallLeavesTheList() throws Exception {
        answered("s1", "MHF5Q2N7", 2, null, false, true, SampleDrafts.NOW.minusSeconds(7200));
        answered("s2", "K7XW3A47", 5, "شكرًا", false, false, SampleDrafts.NOW.minusSeconds(3600));

        Map<String, Object> listed = invoke("follow-ups");

        assertEquals(200, listed.get("statusCode"));
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) body(listed).get("items");
        assertEquals(
                List.of("MHF5-Q2N7", "K7XW-3A47"),
                items.stream().map(i -> i.get("reference")).toList());
        Map<String, Object> first = items.getFirst();
        // Wednesday 09:30 Riyadh + 2 working days: Sunday 09:30.
        assertEquals("2026-11-29T06:30:00Z", first.get("due"));
        assertEquals(List.of("low_score", "contact_requested"), first.get("reasons"));
        assertEquals(2, ((Number) first.get("score")).intValue());
        assertEquals("phone", first.get("channel"));
        assertEquals(false, first.get("overdue"));
        assertEquals(false, first.containsKey("comment"), "comments are for managers, in the feedback view");
        assertEquals(2, ((Number) body(listed).get("workingDays")).intValue());

        Map<String, Object> recorded = invoke("record-follow-up");
        assertEquals(200, recorded.get("statusCode"), String.valueOf(recorded.get("body")));
        assertEquals("reached_resolved", body(recorded).get("outcome"));
        assertEquals("أمل الحربي", body(recorded).get("recordedBy"));
        assertEquals(
                List.of("K7XW-3A47"),
                ((List<Map<String, Object>>) body(invoke("follow-ups")).get("items"))
                        .stream().map(i -> i.get("reference")).toList());

        Map<String, Object> again = invoke("record-follow-up");
        assertEquals(409, again.get("statusCode"));
        assertEquals("follow_up_already_recorded", errorCode(again));
    }

    @Test
    void recordingAFollowUp_thatIsNotThere_is404_andABadOutcome400() throws Exception {
        Map<String, Object> unknown = invoke("record-follow-up");
        assertEquals(404, unknown.get("statusCode"));
        assertEquals("follow_up_not_found", errorCode(unknown));

        answered("s1", "MHF5Q2N7", 1, null, false, false, SampleDrafts.NOW.minusSeconds(7200));
        Map<String, Object> bad =
                invoke(Json.write(event("record-follow-up", null, "{\"outcome\": \"maybe\", \"note\": 3}"))
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.get("statusCode"));
        assertEquals("invalid_choice", errorCode(bad));
        assertEquals(2, ((List<?>) body(bad).get("errors")).size(), "the note of the wrong type is named too");
    }

    @Test
    @SuppressWarnings("unchecked")
    void feedback_isForManagers_andAnAnonymousCommentComesWithoutItsReference() throws Exception {
        answered("s1", "MHF5Q2N7", 2, "طال الانتظار", false, false, SampleDrafts.NOW.minusSeconds(7200));
        answered("s2", "K7XW3A47", 1, "لم يتصل بي أحد", true, false, SampleDrafts.NOW.minusSeconds(3600));
        answered("s3", "PQ3RS4T4", 5, null, false, false, SampleDrafts.NOW.minusSeconds(1800));

        Map<String, Object> staff = invoke(asStaff(event("feedback-as-manager", null, null)));
        assertEquals(403, staff.get("statusCode"));
        Map<String, Object> manager = invoke("feedback-as-manager");
        assertEquals(200, manager.get("statusCode"), String.valueOf(manager.get("body")));
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) body(manager).get("items");
        assertEquals(
                List.of("لم يتصل بي أحد", "طال الانتظار"),
                items.stream().map(i -> i.get("comment")).toList());
        assertEquals(null, items.getFirst().get("reference"));
        assertEquals("MHF5-Q2N7", items.getLast().get("reference"));

        Map<String, Object> event = event("feedback-as-manager", null, null);
        ((Map<String, Object>) event.get("queryStringParameters")).put("score", "six");
        Map<String, Object> bad = invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.get("statusCode"));
        assertEquals("invalid_choice", errorCode(bad));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSatisfactionReport_hasTheFollowUpRateAndMedianTime() throws Exception {
        answered("s1", "MHF5Q2N7", 2, null, false, true, SampleDrafts.NOW.minusSeconds(7200));
        answered("s2", "K7XW3A47", 1, null, false, false, SampleDrafts.NOW.minusSeconds(7200));
        invoke("record-follow-up");

        Map<String, Object> event = event("service-report-as-manager", "GET /staff/reports/satisfaction", null);
        Map<String, Object> report = invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));

        assertEquals(200, report.get("statusCode"), String.valueOf(report.get("body")));
        Map<String, Object> followUps = (Map<String, Object>) body(report).get("followUps");
        assertEquals(2, ((Number) followUps.get("created")).intValue());
        assertEquals(1, ((Number) followUps.get("recorded")).intValue());
        assertEquals(0.5, ((Number) followUps.get("rate")).doubleValue());
        // Created 09:30 Riyadh, recorded 11:30 the same working day.
        assertEquals(2.0, ((Number) followUps.get("medianWorkingHours")).doubleValue());
    }
}
