package sa.mustafeed.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;

class NotificationServiceTest {
    private final InMemoryMessaging messaging = new InMemoryMessaging();
    private final NotificationService service = new NotificationService(
            new MessageRenderer(NotificationServiceTest::template),
            messaging.channels(false),
            request -> request.category() == Category.COMPLAINT
                    ? Optional.empty()
                    : Optional.of("https://site.example/survey/?t=T"),
            SampleDrafts.clockAt(SampleDrafts.NOW),
            new LocalizedText("جمعية تمكين", "Tamkeen"),
            "https://site.example/");

    private static MessageTemplate template(MessageKind kind, Language language) {
        if (kind == MessageKind.REPLY) {
            return new MessageTemplate(
                    "reply {reference}",
                    "رد {reference}: {reply} {trackUrl}",
                    "رد {reference}: {reply} الرابط {trackUrl} .",
                    "{reply}");
        }
        return new MessageTemplate(
                kind + " {reference}",
                language + " " + kind + " {reference} {status} {trackUrl}",
                "WA " + kind + " {reference} {status} {trackUrl} .",
                "{association}: {category}");
    }

    private static ServiceRequest request(Status status, long version, ContactMethod contact, Optional<String> email) {
        return new ServiceRequest(
                new ReferenceCode("MHF5Q2N7"),
                Category.SERVICE,
                Channel.KIOSK,
                status,
                "سارة",
                "+966501234567",
                "mobilehash",
                email,
                Optional.empty(),
                Optional.empty(),
                "مكة",
                "وصف",
                contact,
                Language.AR,
                Optional.empty(),
                "2026-11",
                SampleDrafts.NOW,
                SampleDrafts.NOW,
                SampleDrafts.NOW,
                version);
    }

    private static RequestChange created() {
        return new RequestChange(Optional.empty(), request(Status.RECEIVED, 1, ContactMethod.SMS, Optional.empty()));
    }

    private static RequestChange moved(Status from, Status to) {
        return new RequestChange(
                Optional.of(request(from, 1, ContactMethod.SMS, Optional.empty())),
                request(to, 2, ContactMethod.SMS, Optional.empty()));
    }

    private static RequestChange replied(String text, ContactMethod contact, Optional<String> email) {
        return new RequestChange(
                Optional.of(request(Status.IN_REVIEW, 3, contact, email)),
                request(Status.IN_REVIEW, 4, contact, email),
                Optional.of(text));
    }

    @Test
    void notify_aReply_sendsItsTextOnceBySms() {
        // GIVEN a reply the stream delivers twice
        RequestChange reply = replied("نعم، يشمل الدعم أجهزة السمع.", ContactMethod.SMS, Optional.empty());
        // WHEN
        NotificationService.Outcome first = service.notify(reply);
        NotificationService.Outcome again = service.notify(reply);
        // THEN exactly one SMS with the words of the reply
        assertEquals(NotificationService.Outcome.SENT, first);
        assertEquals(NotificationService.Outcome.ALREADY_HANDLED, again);
        assertEquals(1, messaging.sms.size());
        assertTrue(messaging.sms.getFirst().text().contains("نعم، يشمل الدعم أجهزة السمع."));
    }

    @Test
    void notify_aLongReplyBySms_isCutToThreePartsButWholeByEmail() {
        String longReply = "نص الرد الطويل ".repeat(40).strip();
        service.notify(replied(longReply, ContactMethod.SMS, Optional.empty()));
        String sms = messaging.sms.getFirst().text();
        assertTrue(SmsSegments.count(sms) <= NotificationService.MAX_REPLY_SMS_PARTS, sms.length() + ": " + sms);
        assertTrue(sms.contains("…") && sms.contains("https://site.example/track/?ref=MHF5-Q2N7"), sms);

        new NotificationService(
                        new MessageRenderer(NotificationServiceTest::template),
                        new NotificationService.Channels(
                                messaging.textMessages,
                                Optional.empty(),
                                messaging.mailer,
                                new InMemoryMessaging().sentMessages,
                                messaging.preferences,
                                messaging.undelivered,
                                messaging.deliveryLog),
                        request -> Optional.empty(),
                        SampleDrafts.clockAt(SampleDrafts.NOW),
                        new LocalizedText("ج", "A"),
                        "https://site.example/")
                .notify(replied(longReply, ContactMethod.EMAIL, Optional.of("s@example.org")));
        assertEquals(longReply, messaging.email.getFirst().text());
    }

    @Test
    void notify_anAnonymousRequest_sendsNothing_forThereIsNobodyToWriteTo() {
        for (RequestChange change : List.of(
                new RequestChange(Optional.empty(), request(Status.RECEIVED, 1, ContactMethod.NONE, Optional.empty())),
                new RequestChange(
                        Optional.of(request(Status.IN_REVIEW, 2, ContactMethod.NONE, Optional.empty())),
                        request(Status.COMPLETED, 3, ContactMethod.NONE, Optional.empty())),
                replied("تم التحقق من الشكوى.", ContactMethod.NONE, Optional.empty()))) {
            assertEquals(NotificationService.Outcome.NOTHING_TO_SAY, service.notify(change));
        }
        assertEquals(0, messaging.sms.size() + messaging.email.size() + messaging.whatsApp.size());
    }

    @Test
    void kindOf_aReplyWithoutStatusChange_isAReply() {
        assertEquals(
                Optional.of(MessageKind.REPLY),
                NotificationService.kindOf(replied("x", ContactMethod.SMS, Optional.empty())));
    }

    @Test
    void kindOf_mapsEachChangeToItsMessage() {
        Map<Status, MessageKind> expected = new EnumMap<>(Status.class);
        expected.put(Status.IN_REVIEW, MessageKind.STATUS_CHANGED);
        expected.put(Status.WAITING_FOR_BENEFICIARY, MessageKind.WAITING_FOR_BENEFICIARY);
        expected.put(Status.IN_PROGRESS, MessageKind.STATUS_CHANGED);
        expected.put(Status.COMPLETED, MessageKind.COMPLETED);
        expected.put(Status.REJECTED, MessageKind.STATUS_CHANGED);
        expected.put(Status.CLOSED, MessageKind.STATUS_CHANGED);
        expected.forEach(
                (to, kind) -> assertEquals(Optional.of(kind), NotificationService.kindOf(moved(Status.RECEIVED, to))));
        assertEquals(Optional.of(MessageKind.RECEIVED), NotificationService.kindOf(created()));
        assertEquals(Optional.empty(), NotificationService.kindOf(moved(Status.IN_REVIEW, Status.IN_REVIEW)));
    }

    @Test
    void notify_aChangeOfContactChoiceAlone_isNothingToSay_andSendsNothing() {
        // GIVEN the stream's copy of a beneficiary's contact change: same status, same version, no reply
        // (RequestRepository.changeContact leaves both alone)
        for (ContactMethod to : ContactMethod.values()) {
            RequestChange change = new RequestChange(
                    Optional.of(request(Status.IN_REVIEW, 3, ContactMethod.SMS, Optional.of("s@example.org"))),
                    request(Status.IN_REVIEW, 3, to, Optional.of("s@example.org")));
            // WHEN the notifier reads it, THEN it says nothing, on any channel
            assertEquals(Optional.empty(), NotificationService.kindOf(change), to.wireName());
            assertEquals(NotificationService.Outcome.NOTHING_TO_SAY, service.notify(change), to.wireName());
        }
        assertEquals(0, messaging.sms.size() + messaging.email.size() + messaging.whatsApp.size());
    }

    @Test
    void notify_sendsOneArabicSmsWithTheReferenceAndTrackingLink() {
        assertEquals(NotificationService.Outcome.SENT, service.notify(created()));

        assertEquals(1, messaging.sms.size());
        InMemoryMessaging.Sent sms = messaging.sms.getFirst();
        assertEquals("+966501234567", sms.to());
        assertEquals("AR RECEIVED MHF5-Q2N7 تم الاستلام https://site.example/track/?ref=MHF5-Q2N7", sms.text());
    }

    @Test
    void notify_usesEmailWhenPreferredAndGiven() {
        ServiceRequest byEmail = request(Status.RECEIVED, 1, ContactMethod.EMAIL, Optional.of("sara@example.org"));
        service.notify(new RequestChange(Optional.empty(), byEmail));

        assertEquals(0, messaging.sms.size());
        assertEquals("sara@example.org", messaging.email.getFirst().to());
        assertEquals("جمعية تمكين: طلب خدمة أو دعم", messaging.email.getFirst().text());
    }

    @Test
    void notify_aCompletedRequest_carriesTheSurveyLink() {
        assertEquals(NotificationService.Outcome.SENT, service.notify(moved(Status.IN_PROGRESS, Status.COMPLETED)));
        assertEquals(
                "AR COMPLETED_WITH_SURVEY MHF5-Q2N7 مكتمل https://site.example/track/?ref=MHF5-Q2N7",
                messaging.sms.getFirst().text());
    }

    @Test
    void notify_theSameChangeTwice_sendsOnce() {
        service.notify(moved(Status.RECEIVED, Status.IN_REVIEW));
        assertEquals(
                NotificationService.Outcome.ALREADY_HANDLED, service.notify(moved(Status.RECEIVED, Status.IN_REVIEW)));
        assertEquals(1, messaging.sms.size());
    }

    @Test
    void notify_withNoStatusChange_sendsNothing() {
        assertEquals(
                NotificationService.Outcome.NOTHING_TO_SAY, service.notify(moved(Status.IN_REVIEW, Status.IN_REVIEW)));
        assertEquals(0, messaging.sms.size());
    }

    @Test
    void notify_respectsAStoppedPreferenceAndAnSmsOptOut() {
        messaging.stoppedHashes.add("mobilehash");
        assertEquals(NotificationService.Outcome.STOPPED_BY_BENEFICIARY, service.notify(created()));
        messaging.stoppedHashes.clear();
        messaging.optedOutNumbers.add("+966501234567");
        assertEquals(
                NotificationService.Outcome.STOPPED_BY_BENEFICIARY,
                service.notify(moved(Status.RECEIVED, Status.IN_REVIEW)));
        assertEquals(0, messaging.sms.size());
    }

    @Test
    void notify_aFailedSendIsRetriedAndSucceedsOnce() {
        messaging.failuresToInject = 1;
        assertThrows(DeliveryFailedException.class, () -> service.notify(created()));
        assertEquals(NotificationService.Outcome.SENT, service.notify(created()));
        assertEquals(1, messaging.sms.size());
    }

    @Test
    void notify_aFailedOptOutCheck_isRetriedNotDropped() {
        messaging.optOutChecksToFail = 1;
        assertThrows(DeliveryFailedException.class, () -> service.notify(created()));
        assertEquals(NotificationService.Outcome.SENT, service.notify(created()));
        assertEquals(1, messaging.sms.size());
    }

    @Test
    void notify_afterTheLastAttempt_parksTheMessageWithEnoughToResend() {
        messaging.failuresToInject = NotificationService.MAX_ATTEMPTS;
        for (int i = 1; i < NotificationService.MAX_ATTEMPTS; i++) {
            assertThrows(DeliveryFailedException.class, () -> service.notify(created()));
        }
        assertEquals(NotificationService.Outcome.PARKED, service.notify(created()));
        assertEquals(NotificationService.Outcome.ALREADY_HANDLED, service.notify(created()));

        UndeliveredMessage parked = messaging.parked.getFirst();
        assertEquals("MHF5Q2N7", parked.reference());
        assertEquals(1, parked.version());
        assertEquals(MessageKind.RECEIVED, parked.kind());
        assertEquals(Delivery.SMS, parked.channel());
        assertTrue(parked.lastError().contains("injected"));
        assertEquals(0, messaging.sms.size());
    }
}
