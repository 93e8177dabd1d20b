package sa.mustafeed.core.notification;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sa.mustafeed.core.ports.RequestContacts;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.LookupUnlocks;
import sa.mustafeed.core.request.UnlockCodes;

/**
 * Sends a newly issued unlock code by SMS to the phone on file: always SMS, whatever the request's
 * preferred channel, because the code proves the person holds that phone. The code is derived here
 * from the stored nonce ({@link UnlockCodes}); it is never logged or stored.
 */
public final class UnlockCodeSender {
    /** What became of one issued code. */
    public enum Outcome {
        SENT,
        /** The request is gone or anonymous (erased after the code was issued): no one to send to. */
        NO_PHONE,
        /** The number asked the provider to stop: nothing may be sent to it. */
        STOPPED_BY_BENEFICIARY
    }

    private final RequestContacts contacts;
    private final TextMessages sms;
    private final MessageRenderer renderer;
    private final UnlockCodes codes;

    public UnlockCodeSender(RequestContacts contacts, TextMessages sms, MessageRenderer renderer, UnlockCodes codes) {
        this.contacts = Objects.requireNonNull(contacts);
        this.sms = Objects.requireNonNull(sms);
        this.renderer = Objects.requireNonNull(renderer);
        this.codes = Objects.requireNonNull(codes);
    }

    /**
     * @throws sa.mustafeed.core.errors.DeliveryFailedException when the provider could not be reached (retried)
     * @throws sa.mustafeed.core.errors.UndeliverableException when the provider refused the number for good
     */
    public Outcome send(ReferenceCode reference, String nonce) {
        Optional<RequestContacts.Phone> phone = contacts.phoneOf(reference);
        if (phone.isEmpty()) {
            return Outcome.NO_PHONE;
        }
        if (sms.isOptedOut(phone.get().e164())) {
            return Outcome.STOPPED_BY_BENEFICIARY;
        }
        OutgoingMessage message = renderer.render(
                MessageKind.UNLOCK_CODE,
                phone.get().language(),
                Delivery.SMS,
                Map.of(
                        "reference", reference.display(),
                        "code", codes.codeFor(reference, nonce),
                        "minutes", Long.toString(LookupUnlocks.VALID_FOR.toMinutes())));
        sms.send(phone.get().e164(), message.text());
        return Outcome.SENT;
    }
}
