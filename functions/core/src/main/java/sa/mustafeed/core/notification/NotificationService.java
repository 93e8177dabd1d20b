package sa.mustafeed.core.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.core.ports.ContactPreferences;
import sa.mustafeed.core.ports.DeliveryLog;
import sa.mustafeed.core.ports.Mailer;
import sa.mustafeed.core.ports.SentMessages;
import sa.mustafeed.core.ports.SurveyLinks;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.ports.UndeliveredMessages;
import sa.mustafeed.core.ports.WhatsAppMessages;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;

/**
 * Tells the beneficiary, without their having to ask, that a request arrived, that its status
 * changed, that something is needed from them, and that it is done. At most one message per request
 * version: the send is claimed in {@link SentMessages} first, so the stream's at-least-once delivery
 * never becomes a second SMS.
 */
public final class NotificationService {
    /** A claim older than this belonged to a sender that died mid-send (Lambda timeout is 10 s). */
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    /** After this many failed sends the message goes to the dead-letter queue for a person. */
    public static final int MAX_ATTEMPTS = 3;

    /** What happened to one change. */
    public enum Outcome {
        SENT,
        NOTHING_TO_SAY,
        ALREADY_HANDLED,
        STOPPED_BY_BENEFICIARY,
        PARKED
    }

    private final MessageRenderer renderer;
    private final TextMessages sms;
    private final Optional<WhatsAppMessages> whatsapp;
    private final Mailer mailer;
    private final SentMessages sent;
    private final ContactPreferences preferences;
    private final UndeliveredMessages undelivered;
    private final SurveyLinks surveys;
    private final DeliveryLog deliveries;
    private final Clock clock;
    private final LocalizedText associationName;
    private final String siteUrl;

    /** The channels and stores it writes through, and the words it writes with. */
    public record Channels(
            TextMessages sms,
            Optional<WhatsAppMessages> whatsapp,
            Mailer mailer,
            SentMessages sent,
            ContactPreferences preferences,
            UndeliveredMessages undelivered,
            DeliveryLog deliveries) {}

    public NotificationService(
            MessageRenderer renderer,
            Channels channels,
            SurveyLinks surveys,
            Clock clock,
            LocalizedText associationName,
            String siteUrl) {
        this.renderer = renderer;
        this.sms = channels.sms();
        this.whatsapp = channels.whatsapp();
        this.mailer = channels.mailer();
        this.sent = channels.sent();
        this.preferences = channels.preferences();
        this.undelivered = channels.undelivered();
        this.deliveries = channels.deliveries();
        this.surveys = surveys;
        this.clock = clock;
        this.associationName = associationName;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** Which message a change calls for, if any. */
    public static Optional<MessageKind> kindOf(RequestChange change) {
        if (change.reply().isPresent()) {
            return Optional.of(MessageKind.REPLY);
        }
        Status now = change.after().status();
        if (change.before().isEmpty()) {
            return now == Status.RECEIVED ? Optional.of(MessageKind.RECEIVED) : Optional.of(MessageKind.STATUS_CHANGED);
        }
        if (change.before().get().status() == now) {
            return Optional.empty();
        }
        return Optional.of(
                switch (now) {
                    case WAITING_FOR_BENEFICIARY -> MessageKind.WAITING_FOR_BENEFICIARY;
                    case COMPLETED -> MessageKind.COMPLETED;
                    default -> MessageKind.STATUS_CHANGED;
                });
    }

    /** The channel a request's messages go on first: WhatsApp only where the association has a number. */
    Delivery firstChannel(ServiceRequest request) {
        return switch (request.preferredContact()) {
            case EMAIL -> request.email().isPresent() ? Delivery.EMAIL : Delivery.SMS;
            case WHATSAPP -> whatsapp.isPresent() ? Delivery.WHATSAPP : Delivery.SMS;
            case SMS -> Delivery.SMS;
            case NONE -> throw new IllegalStateException("an anonymous request has no channel");
        };
    }

    /**
     * @throws DeliveryFailedException when the send failed and should be retried later
     * @throws sa.mustafeed.core.errors.StorageUnavailableException when the record store is unreachable
     */
    public Outcome notify(RequestChange change) {
        Optional<MessageKind> kind = kindOf(change);
        if (kind.isEmpty()) {
            return Outcome.NOTHING_TO_SAY;
        }
        ServiceRequest request = change.after();
        if (request.anonymous()) {
            // No one to write to: its sender follows it on the tracking page.
            return Outcome.NOTHING_TO_SAY;
        }
        String key = request.reference().value() + "#v" + request.version();
        Instant now = clock.instant();
        SentMessages.Claim claim = sent.claim(key, now, now.minus(STALE_CLAIM));
        if (claim != SentMessages.Claim.CLAIMED) {
            return Outcome.ALREADY_HANDLED;
        }
        Delivery channel = firstChannel(request);
        MessageKind messageKind = kind.get();
        List<DeliveryLeg> legs = new ArrayList<>();
        // Everything that can fail at the provider sits inside the try: a failure must mark the claim
        // failed (free for the retry), never leave it "sending", which would answer the retry
        // ALREADY_HANDLED for five minutes and drop the message.
        try {
            if (preferences.messagesStopped(request.mobileHash())
                    || channel == Delivery.SMS && sms.isOptedOut(request.mobile())) {
                sent.markSkipped(key, "opted-out", now);
                return Outcome.STOPPED_BY_BENEFICIARY;
            }
            Map<String, String> values = values(request);
            if (messageKind == MessageKind.COMPLETED) {
                Optional<String> survey = surveys.linkFor(request);
                if (survey.isPresent()) {
                    messageKind = MessageKind.COMPLETED_WITH_SURVEY;
                    values.put("surveyUrl", survey.get());
                }
            }
            change.reply().ifPresent(reply -> values.put("reply", reply));
            if (channel == Delivery.WHATSAPP) {
                WhatsAppMessages whatsApp = whatsapp.orElseThrow();
                try {
                    String id = whatsApp.send(
                            request.mobile(), renderer.renderWhatsApp(messageKind, request.language(), values));
                    legs.add(DeliveryLeg.sent(Delivery.WHATSAPP, whatsApp.provider(), id, clock.instant()));
                    SentMessage record = new SentMessage(
                            messageKind,
                            request.language(),
                            legs,
                            Optional.of(new FallbackPlan(request.mobile(), request.mobileHash(), values)));
                    afterSending(() -> sent.markSent(key, record, clock.instant()));
                    return Outcome.SENT;
                } catch (UndeliverableException refused) {
                    // Refused before it left (template paused, number not valid for WhatsApp): the
                    // same message goes by SMS now, within this claim.
                    legs.add(DeliveryLeg.refused(
                            Delivery.WHATSAPP, whatsApp.provider(), refused.reason(), clock.instant()));
                    channel = Delivery.SMS;
                    if (sms.isOptedOut(request.mobile())) {
                        sent.markSent(
                                key, new SentMessage(messageKind, request.language(), legs, Optional.empty()), now);
                        return Outcome.STOPPED_BY_BENEFICIARY;
                    }
                }
            }
            OutgoingMessage message = render(messageKind, request.language(), channel, values);
            String id = channel == Delivery.SMS
                    ? sms.send(request.mobile(), message.text())
                    : mailer.send(request.email().orElseThrow(), message.subject(), message.text(), message.html());
            legs.add(DeliveryLeg.sent(
                    channel, channel == Delivery.SMS ? sms.provider() : Mailer.PROVIDER, id, clock.instant()));
            sent.markSent(
                    key, new SentMessage(messageKind, request.language(), legs, Optional.empty()), clock.instant());
            return Outcome.SENT;
        } catch (UndeliverableException refused) {
            // Never retried: the record shows the refusal, a person sees it in the dead-letter queue, and
            // the request is flagged so someone phones the beneficiary.
            legs.add(DeliveryLeg.refused(
                    channel,
                    channel == Delivery.SMS ? sms.provider() : Mailer.PROVIDER,
                    refused.reason(),
                    clock.instant()));
            sent.markSent(
                    key, new SentMessage(messageKind, request.language(), legs, Optional.empty()), clock.instant());
            park(request.reference().value(), request.version(), messageKind, channel, 1, refused.reason());
            sent.markParked(key, clock.instant());
            deliveries.recordReach(request.reference(), request.version(), false);
            return Outcome.PARKED;
        } catch (DeliveryFailedException failure) {
            int attempts = sent.markFailed(key, clock.instant());
            if (attempts < MAX_ATTEMPTS) {
                throw failure;
            }
            park(request.reference().value(), request.version(), messageKind, channel, attempts, failure.getMessage());
            sent.markParked(key, clock.instant());
            deliveries.recordReach(request.reference(), request.version(), false);
            return Outcome.PARKED;
        }
    }

    /**
     * Sends by SMS a message whose WhatsApp leg failed after it was sent (the person is not on
     * WhatsApp, Meta did not deliver it): exactly once, claimed like the first send.
     *
     * @throws DeliveryFailedException when the SMS failed and should be retried later
     */
    public Outcome fallBack(String messageKey) {
        Instant now = clock.instant();
        Optional<PendingFallback> claimed = sent.claimFallback(messageKey, now, now.minus(STALE_CLAIM));
        if (claimed.isEmpty()) {
            return Outcome.ALREADY_HANDLED;
        }
        PendingFallback pending = claimed.get();
        FallbackPlan plan = pending.plan();
        try {
            if (preferences.messagesStopped(plan.mobileHash()) || sms.isOptedOut(plan.to())) {
                sent.markFallbackParked(messageKey, "opted-out", clock.instant());
                return Outcome.STOPPED_BY_BENEFICIARY;
            }
            OutgoingMessage message =
                    render(pending.kind(), pending.language(), Delivery.SMS, new HashMap<>(plan.values()));
            String id = sms.send(plan.to(), message.text());
            sent.markFallbackSent(
                    messageKey, DeliveryLeg.sent(Delivery.SMS, sms.provider(), id, clock.instant()), clock.instant());
            return Outcome.SENT;
        } catch (UndeliverableException refused) {
            return parkFallback(pending, 1, refused.reason());
        } catch (DeliveryFailedException failure) {
            int attempts = sent.markFallbackFailed(messageKey, clock.instant());
            if (attempts < MAX_ATTEMPTS) {
                throw failure;
            }
            return parkFallback(pending, attempts, failure.getMessage());
        }
    }

    /**
     * The record of a send the provider already accepted is written again, a few times, if the store
     * fails: until it is written, the claim says "sending", which a retry treats as handled (never a
     * second message), and a WhatsApp receipt cannot find its message (no SMS if it fails). Past
     * these attempts the store error goes up and the message stays sent but unrecorded: logged, never
     * sent twice.
     */
    private static void afterSending(Runnable record) {
        for (int attempt = 1; ; attempt++) {
            try {
                record.run();
                return;
            } catch (StorageUnavailableException unavailable) {
                if (attempt >= RECORD_ATTEMPTS) {
                    throw unavailable;
                }
            }
        }
    }

    /** Writes of a sent message's record before the store error is given up on. */
    static final int RECORD_ATTEMPTS = 3;

    private Outcome parkFallback(PendingFallback pending, int attempts, String reason) {
        park(pending.reference(), pending.version(), pending.kind(), Delivery.SMS, attempts, reason);
        sent.markFallbackParked(pending.messageKey(), reason, clock.instant());
        deliveries.recordReach(new ReferenceCode(pending.reference()), pending.version(), false);
        return Outcome.PARKED;
    }

    private void park(String reference, long version, MessageKind kind, Delivery channel, int attempts, String why) {
        undelivered.park(new UndeliveredMessage(reference, version, kind, channel, attempts, why, clock.instant()));
    }

    private OutgoingMessage render(MessageKind kind, Language language, Delivery channel, Map<String, String> values) {
        return kind == MessageKind.REPLY
                ? renderReply(language, channel, values)
                : renderer.render(kind, language, channel, values);
    }

    /**
     * An email carries the whole reply. An SMS carries as much of it as fits {@link #MAX_REPLY_SMS_PARTS}
     * parts (UCS-2 for Arabic: 67 characters a part), cut at a word with "…", and always the
     * tracking link where the whole reply is.
     */
    private OutgoingMessage renderReply(Language language, Delivery channel, Map<String, String> values) {
        OutgoingMessage message = renderer.render(MessageKind.REPLY, language, channel, values);
        if (channel == Delivery.EMAIL) {
            return message;
        }
        String text = values.get("reply").replaceAll("\\s+", " ").strip();
        values.put("reply", text);
        message = renderer.render(MessageKind.REPLY, language, channel, values);
        while (SmsSegments.count(message.text()) > MAX_REPLY_SMS_PARTS && !text.isEmpty()) {
            int cut = Math.max(0, text.length() - Math.max(4, (message.text().length() - 67 * MAX_REPLY_SMS_PARTS)));
            int space = text.lastIndexOf(' ', cut);
            text = text.substring(0, space > cut / 2 ? space : cut).strip();
            // "…" would turn an English SMS into UCS-2 (70 characters a part instead of 160).
            values.put("reply", text + (language == Language.AR ? "…" : "..."));
            message = renderer.render(MessageKind.REPLY, language, channel, values);
        }
        return message;
    }

    /** A reply by SMS costs at most this many parts; the rest of it is on the tracking page. */
    public static final int MAX_REPLY_SMS_PARTS = 3;

    private Map<String, String> values(ServiceRequest request) {
        Map<String, String> values = new HashMap<>();
        boolean arabic = request.language() == Language.AR;
        values.put("association", arabic ? associationName.ar() : associationName.en());
        values.put("reference", request.reference().display());
        values.put(
                "status",
                arabic
                        ? request.status().label().ar()
                        : request.status().label().en());
        values.put(
                "category",
                arabic
                        ? request.category().label().ar()
                        : request.category().label().en());
        values.put(
                "trackUrl",
                siteUrl + (arabic ? "" : "/en") + "/track/?ref="
                        + request.reference().display());
        values.put("siteUrl", siteUrl + (arabic ? "/" : "/en/"));
        return values;
    }
}
