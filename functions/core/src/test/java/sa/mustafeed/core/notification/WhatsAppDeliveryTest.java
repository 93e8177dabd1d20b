package sa.mustafeed.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.StorageUnavailableException;
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

/**
 * WhatsApp first, SMS when WhatsApp cannot arrive: exactly one delivery per message under every
 * fault the stream and the providers can throw, because each hop is claimed or conditional.
 */
class WhatsAppDeliveryTest {
    private static final String ON_WHATSAPP = "+966501234567";
    private static final String NOT_ON_WHATSAPP = "+966501230000";

    private InMemoryMessaging messaging = new InMemoryMessaging();

    private NotificationService service() {
        return new NotificationService(
                new MessageRenderer((kind, language) -> new MessageTemplate(
                        "s {reference}",
                        "SMS " + kind + " {reference} {trackUrl}",
                        "WA from {association}: {reference} at {trackUrl} .",
                        "{reference}")),
                messaging.channels(true),
                request -> Optional.empty(),
                SampleDrafts.clockAt(SampleDrafts.NOW),
                new LocalizedText("جمعية تمكين", "Tamkeen"),
                "https://site.example/");
    }

    private static ServiceRequest request(String mobile, Status status, long version) {
        return new ServiceRequest(
                new ReferenceCode("MHF5Q2N7"),
                Category.SERVICE,
                Channel.WEB,
                status,
                "سارة",
                mobile,
                "hash-" + mobile,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "مكة",
                "وصف",
                ContactMethod.WHATSAPP,
                Language.AR,
                Optional.empty(),
                "2026-11",
                SampleDrafts.NOW,
                SampleDrafts.NOW,
                SampleDrafts.NOW,
                version);
    }

    private static RequestChange created(String mobile) {
        return new RequestChange(Optional.empty(), request(mobile, Status.RECEIVED, 1));
    }

    @Test
    void whatsAppPreferred_sendsTheApprovedTemplateWithTheReference() {
        assertEquals(NotificationService.Outcome.SENT, service().notify(created(ON_WHATSAPP)));

        assertEquals(1, messaging.whatsApp.size());
        assertEquals(0, messaging.sms.size());
        WhatsAppTemplate template = messaging.whatsApp.getFirst().template();
        assertEquals("mustafeed_received", template.name());
        assertEquals("ar", template.languageCode());
        assertEquals(
                List.of("جمعية تمكين", "MHF5-Q2N7", "https://site.example/track/?ref=MHF5-Q2N7"),
                template.bodyParameters());
    }

    @Test
    void whatsAppRefusedAtOnce_sendsOneSmsInTheSameAttempt() {
        messaging.whatsAppRefuses.put(ON_WHATSAPP, "whatsapp template paused");

        assertEquals(NotificationService.Outcome.SENT, service().notify(created(ON_WHATSAPP)));

        assertEquals(1, messaging.sms.size());
        List<MessageDelivery> legs = messaging.deliveryLog.deliveriesOf(new ReferenceCode("MHF5Q2N7"), 1);
        assertEquals(2, legs.size());
        assertEquals(Delivery.WHATSAPP, legs.get(0).leg().channel());
        assertEquals(DeliveryState.FAILED, legs.get(0).leg().state());
        assertEquals(Optional.of("whatsapp template paused"), legs.get(0).leg().reason());
        assertEquals(Delivery.SMS, legs.get(1).leg().channel());
        assertEquals("received", legs.get(1).kind().purpose());
    }

    @Test
    void notOnWhatsApp_theFailedReceiptBringsExactlyOneSms() {
        NotificationService service = service();
        service.notify(created(NOT_ON_WHATSAPP));
        DeliveryReceipts receipts = new DeliveryReceipts(messaging.deliveryLog);
        Receipt failed = receipt(messaging.whatsApp.getFirst().id(), DeliveryState.FAILED);

        assertEquals(DeliveryReceipts.Outcome.FALLING_BACK, receipts.apply(failed));
        assertEquals(DeliveryReceipts.Outcome.ALREADY_SETTLED, receipts.apply(failed));
        assertEquals(List.of("MHF5Q2N7#v1"), messaging.fallbacksAskedFor());
        assertEquals(NotificationService.Outcome.SENT, service.fallBack("MHF5Q2N7#v1"));
        assertEquals(NotificationService.Outcome.ALREADY_HANDLED, service.fallBack("MHF5Q2N7#v1"));

        assertEquals(1, messaging.sms.size());
        assertTrue(messaging.sms.getFirst().text().contains("MHF5-Q2N7"));
        assertFalse(messaging.notReached("MHF5Q2N7"), "not settled yet: the SMS may still arrive");
    }

    @Test
    void aFailedLastMessage_flagsTheRequestUntilANewerOneArrives() {
        messaging.whatsAppRefuses.put(ON_WHATSAPP, "refused");
        NotificationService service = service();
        DeliveryReceipts receipts = new DeliveryReceipts(messaging.deliveryLog);
        service.notify(created(ON_WHATSAPP));
        receipts.apply(new Receipt("fake-sms", "sms-1", DeliveryState.FAILED, Optional.of("absent"), SampleDrafts.NOW));
        assertTrue(messaging.notReached("MHF5Q2N7"));

        service.notify(new RequestChange(
                Optional.of(request(ON_WHATSAPP, Status.RECEIVED, 1)), request(ON_WHATSAPP, Status.IN_REVIEW, 2)));
        receipts.apply(new Receipt("fake-sms", "sms-2", DeliveryState.DELIVERED, Optional.empty(), SampleDrafts.NOW));
        assertFalse(messaging.notReached("MHF5Q2N7"));

        // News of the older message, arriving late, does not bring the flag back.
        receipts.apply(new Receipt("fake-sms", "sms-1", DeliveryState.FAILED, Optional.empty(), SampleDrafts.NOW));
        assertFalse(messaging.notReached("MHF5Q2N7"));
    }

    @Test
    void anUnknownProviderMessage_isIgnored() {
        assertEquals(
                DeliveryReceipts.Outcome.IGNORED,
                new DeliveryReceipts(messaging.deliveryLog).apply(receipt("not-ours", DeliveryState.DELIVERED)));
    }

    /**
     * A fault before or after each hop (claim, send, record, receipt, fallback claim, fallback send,
     * fallback record), retried as Lambda retries the stream and as providers resend receipts: every
     * message reaches the person exactly once.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "none",
                "claim",
                "whatsapp-send",
                "markSent",
                "settle",
                "claimFallback",
                "sms-send",
                "markFallbackSent"
            })
    void everyFault_exactlyOneDeliveryPerMessage(String fault) {
        for (String mobile : List.of(ON_WHATSAPP, NOT_ON_WHATSAPP)) {
            messaging = new InMemoryMessaging();
            switch (fault) {
                case "none" -> {}
                case "whatsapp-send" -> messaging.whatsAppFailuresToInject = 1;
                case "sms-send" -> messaging.failuresToInject = 1;
                default -> messaging.storeFaults.add(fault);
            }
            NotificationService service = service();
            DeliveryReceipts receipts = new DeliveryReceipts(messaging.deliveryLog);
            RequestChange change = created(mobile);

            retried(() -> service.notify(change));
            retried(() -> service.notify(change)); // the stream delivers a record more than once
            for (InMemoryMessaging.SentWhatsApp sent : List.copyOf(messaging.whatsApp)) {
                Receipt receipt =
                        receipt(sent.id(), sent.to().endsWith("0000") ? DeliveryState.FAILED : DeliveryState.DELIVERED);
                retried(() -> receipts.apply(receipt));
                retried(() -> receipts.apply(receipt)); // providers resend
            }
            for (String key : messaging.fallbacksAskedFor()) {
                retried(() -> service.fallBack(key));
                retried(() -> service.fallBack(key));
            }

            long arrived = mobile.equals(ON_WHATSAPP) ? messaging.whatsApp.size() : messaging.sms.size();
            assertEquals(1, arrived, fault + " / " + mobile);
            assertEquals(
                    0, mobile.equals(ON_WHATSAPP) ? messaging.sms.size() : 0, fault + ": no SMS when WhatsApp arrived");
            assertTrue(messaging.parked.isEmpty(), fault + ": nothing parked");
        }
    }

    private static Receipt receipt(String id, DeliveryState state) {
        return new Receipt("fake-whatsapp", id, state, Optional.of("131026 Message undeliverable"), SampleDrafts.NOW);
    }

    /** As Lambda retries a failed stream record, and a provider a receipt that was not acknowledged. */
    private static <T> T retried(Supplier<T> call) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return call.get();
            } catch (DeliveryFailedException | StorageUnavailableException retryLater) {
                // the next delivery of the record tries again
            }
        }
        return fail("still failing after 5 attempts");
    }
}
