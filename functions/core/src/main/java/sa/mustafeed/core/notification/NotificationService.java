package sa.mustafeed.core.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.ports.ContactPreferences;
import sa.mustafeed.core.ports.Mailer;
import sa.mustafeed.core.ports.SentMessages;
import sa.mustafeed.core.ports.SurveyLinks;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.ports.UndeliveredMessages;
import sa.mustafeed.core.request.ContactMethod;
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
    private final Mailer mailer;
    private final SentMessages sent;
    private final ContactPreferences preferences;
    private final UndeliveredMessages undelivered;
    private final SurveyLinks surveys;
    private final Clock clock;
    private final LocalizedText associationName;
    private final String siteUrl;

    public NotificationService(
            MessageRenderer renderer,
            TextMessages sms,
            Mailer mailer,
            SentMessages sent,
            ContactPreferences preferences,
            UndeliveredMessages undelivered,
            SurveyLinks surveys,
            Clock clock,
            LocalizedText associationName,
            String siteUrl) {
        this.renderer = renderer;
        this.sms = sms;
        this.mailer = mailer;
        this.sent = sent;
        this.preferences = preferences;
        this.undelivered = undelivered;
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
        String key = request.reference().value() + "#v" + request.version();
        Instant now = clock.instant();
        SentMessages.Claim claim = sent.claim(key, now, now.minus(STALE_CLAIM));
        if (claim != SentMessages.Claim.CLAIMED) {
            return Outcome.ALREADY_HANDLED;
        }
        Delivery channel = request.preferredContact() == ContactMethod.EMAIL
                        && request.email().isPresent()
                ? Delivery.EMAIL
                : Delivery.SMS;
        MessageKind messageKind = kind.get();
        // Everything that can fail at the provider sits inside the try: a failure must mark the claim
        // failed (free for the retry), never leave it "sending", which would answer the retry
        // ALREADY_HANDLED for five minutes and drop the message.
        try {
            if (preferences.messagesStopped(request.mobileHash())
                    || channel == Delivery.SMS && sms.isOptedOut(request.mobile())) {
                sent.markSent(key, channel.wireName(), request.language().wireName(), "opted-out", now);
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
            OutgoingMessage message = messageKind == MessageKind.REPLY
                    ? renderReply(request, channel, values, change.reply().get())
                    : renderer.render(messageKind, request.language(), channel, values);
            String id = channel == Delivery.SMS
                    ? sms.send(request.mobile(), message.text())
                    : mailer.send(request.email().orElseThrow(), message.subject(), message.text(), message.html());
            sent.markSent(key, channel.wireName(), request.language().wireName(), id, clock.instant());
            return Outcome.SENT;
        } catch (DeliveryFailedException failure) {
            int attempts = sent.markFailed(key, clock.instant());
            if (attempts < MAX_ATTEMPTS) {
                throw failure;
            }
            undelivered.park(new UndeliveredMessage(
                    request.reference().value(),
                    request.version(),
                    messageKind,
                    channel,
                    attempts,
                    failure.getMessage(),
                    clock.instant()));
            sent.markParked(key, clock.instant());
            return Outcome.PARKED;
        }
    }

    /**
     * An email carries the whole reply. An SMS carries as much of it as fits {@link #MAX_REPLY_SMS_PARTS}
     * parts (UCS-2 for Arabic: 67 characters a part), cut at a word with "…", and always the
     * tracking link where the whole reply is.
     */
    private OutgoingMessage renderReply(
            ServiceRequest request, Delivery channel, Map<String, String> values, String reply) {
        values.put("reply", reply);
        OutgoingMessage message = renderer.render(MessageKind.REPLY, request.language(), channel, values);
        if (channel == Delivery.EMAIL) {
            return message;
        }
        String text = reply.replaceAll("\\s+", " ").strip();
        values.put("reply", text);
        message = renderer.render(MessageKind.REPLY, request.language(), channel, values);
        while (SmsSegments.count(message.text()) > MAX_REPLY_SMS_PARTS && !text.isEmpty()) {
            int cut = Math.max(0, text.length() - Math.max(4, (message.text().length() - 67 * MAX_REPLY_SMS_PARTS)));
            int space = text.lastIndexOf(' ', cut);
            text = text.substring(0, space > cut / 2 ? space : cut).strip();
            // "…" would turn an English SMS into UCS-2 (70 characters a part instead of 160).
            values.put("reply", text + (request.language() == Language.AR ? "…" : "..."));
            message = renderer.render(MessageKind.REPLY, request.language(), channel, values);
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
