package sa.mustafeed.core.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.notification.NotificationService;
import sa.mustafeed.core.notification.PendingFallback;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.notification.UndeliveredMessage;
import sa.mustafeed.core.notification.WhatsAppTemplate;
import sa.mustafeed.core.ports.ContactPreferences;
import sa.mustafeed.core.ports.DeliveryLog;
import sa.mustafeed.core.ports.Mailer;
import sa.mustafeed.core.ports.SentMessages;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.ports.UndeliveredMessages;
import sa.mustafeed.core.ports.WhatsAppMessages;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * In-memory fakes of the messaging ports, recording what was sent; each provider can be made to fail
 * for a while (transient) or refuse (permanent), and the record store can be made to fail at a
 * named hop, so tests can prove "exactly once" under faults.
 */
public final class InMemoryMessaging {
    public record Sent(String to, String subject, String text) {}

    public record SentWhatsApp(String to, WhatsAppTemplate template, String id) {}

    public final List<Sent> sms = new ArrayList<>();
    public final List<Sent> email = new ArrayList<>();
    public final List<SentWhatsApp> whatsApp = new ArrayList<>();
    public final List<UndeliveredMessage> parked = new ArrayList<>();
    public final Set<String> optedOutNumbers = new HashSet<>();
    public final Set<String> stoppedHashes = new HashSet<>();
    public volatile int failuresToInject;
    /** How many opt-out checks fail as an unreachable provider does. */
    public volatile int optOutChecksToFail;
    /** Numbers WhatsApp refuses outright (as a paused template would), with the reason. */
    public final Map<String, String> whatsAppRefuses = new HashMap<>();
    /** Numbers the SMS provider refuses for good (invalid, blocked), with the reason. */
    public final Map<String, String> smsRefuses = new HashMap<>();

    public volatile int whatsAppFailuresToInject;

    /** Where the record store throws once: "claim", "markSent", "claimFallback", "markFallbackSent"… */
    public final Set<String> storeFaults = new HashSet<>();

    public final TextMessages textMessages = new TextMessages() {
        @Override
        public synchronized String send(String e164, String text) {
            failIfAsked();
            if (smsRefuses.containsKey(e164)) {
                throw new UndeliverableException(smsRefuses.get(e164));
            }
            sms.add(new Sent(e164, null, text));
            return "sms-" + sms.size();
        }

        @Override
        public boolean isOptedOut(String e164) {
            if (optOutChecksToFail > 0) {
                optOutChecksToFail--;
                throw new DeliveryFailedException("injected opt-out check failure", null);
            }
            return optedOutNumbers.contains(e164);
        }

        @Override
        public String provider() {
            return "fake-sms";
        }
    };

    public final WhatsAppMessages whatsAppMessages = new WhatsAppMessages() {
        @Override
        public synchronized String send(String e164, WhatsAppTemplate template) {
            if (whatsAppFailuresToInject > 0) {
                whatsAppFailuresToInject--;
                throw new DeliveryFailedException("WhatsApp throttled (injected)", null);
            }
            if (whatsAppRefuses.containsKey(e164)) {
                throw new UndeliverableException(whatsAppRefuses.get(e164));
            }
            String id = "wa-" + (whatsApp.size() + 1);
            whatsApp.add(new SentWhatsApp(e164, template, id));
            return id;
        }

        @Override
        public String provider() {
            return "fake-whatsapp";
        }
    };

    public final Mailer mailer = (to, subject, text, html) -> {
        synchronized (this) {
            failIfAsked();
            email.add(new Sent(to, subject, text));
            return "mail-" + email.size();
        }
    };

    public final ContactPreferences preferences = new ContactPreferences() {
        @Override
        public boolean messagesStopped(String mobileHash) {
            return stoppedHashes.contains(mobileHash);
        }

        @Override
        public void stopMessages(String mobileHash) {
            stoppedHashes.add(mobileHash);
        }
    };

    public final UndeliveredMessages undelivered = parked::add;

    /** One message record, as the DynamoDB adapter keeps it. */
    public static final class Record {
        public String state;
        public Instant claimedAt;
        public int attempts;
        public SentMessage message;
        public final List<DeliveryLeg> legs = new ArrayList<>();
        /** requested → sending → sent | failed → … → parked. */
        public String fallback;

        public Instant fallbackClaimedAt;
        public int fallbackAttempts;
    }

    public final Map<String, Record> records = new HashMap<>();
    /** provider#id → message key and leg. */
    private final Map<String, DeliveryLog.LegAddress> legIndex = new HashMap<>();
    /** reference → [reached version, not reached version] */
    public final Map<String, long[]> reach = new HashMap<>();

    /** Honours the same claim rules as the DynamoDB adapter, serialised. */
    public final SentMessages sentMessages = new SentMessages() {
        @Override
        public Claim claim(String key, Instant now, Instant staleBefore) {
            synchronized (InMemoryMessaging.this) {
                fault("claim");
                Record record = records.get(key);
                boolean free = record == null
                        || record.state.equals("failed")
                        || record.state.equals("sending") && record.claimedAt.isBefore(staleBefore);
                if (!free) {
                    return record.state.equals("sending") ? Claim.IN_FLIGHT : Claim.DONE;
                }
                Record claimed = record == null ? new Record() : record;
                claimed.state = "sending";
                claimed.claimedAt = now;
                records.put(key, claimed);
                return Claim.CLAIMED;
            }
        }

        @Override
        public void markSent(String key, SentMessage message, Instant at) {
            synchronized (InMemoryMessaging.this) {
                fault("markSent");
                Record record = records.get(key);
                record.state = "sent";
                record.message = message;
                record.legs.clear();
                record.legs.addAll(message.legs());
                for (int i = 0; i < message.legs().size(); i++) {
                    index(key, i, message.legs().get(i), message);
                }
            }
        }

        @Override
        public void markSkipped(String key, String why, Instant at) {
            synchronized (InMemoryMessaging.this) {
                records.get(key).state = "sent";
            }
        }

        @Override
        public int markFailed(String key, Instant at) {
            synchronized (InMemoryMessaging.this) {
                Record record = records.get(key);
                record.state = "failed";
                return ++record.attempts;
            }
        }

        @Override
        public void markParked(String key, Instant at) {
            synchronized (InMemoryMessaging.this) {
                records.get(key).state = "parked";
            }
        }

        @Override
        public Optional<PendingFallback> claimFallback(String key, Instant now, Instant staleBefore) {
            synchronized (InMemoryMessaging.this) {
                fault("claimFallback");
                Record record = records.get(key);
                if (record == null
                        || record.fallback == null
                        || record.message.fallback().isEmpty()) {
                    return Optional.empty();
                }
                boolean free = record.fallback.equals("requested")
                        || record.fallback.equals("failed")
                        || record.fallback.equals("sending") && record.fallbackClaimedAt.isBefore(staleBefore);
                if (!free) {
                    return Optional.empty();
                }
                record.fallback = "sending";
                record.fallbackClaimedAt = now;
                String[] parts = key.split("#v");
                return Optional.of(new PendingFallback(
                        key,
                        parts[0],
                        Long.parseLong(parts[1]),
                        record.message.kind(),
                        record.message.language(),
                        record.message.fallback().get()));
            }
        }

        @Override
        public void markFallbackSent(String key, DeliveryLeg leg, Instant at) {
            synchronized (InMemoryMessaging.this) {
                fault("markFallbackSent");
                Record record = records.get(key);
                record.fallback = "sent";
                record.legs.add(leg);
                index(key, record.legs.size() - 1, leg, record.message);
            }
        }

        @Override
        public int markFallbackFailed(String key, Instant at) {
            synchronized (InMemoryMessaging.this) {
                Record record = records.get(key);
                record.fallback = "failed";
                return ++record.fallbackAttempts;
            }
        }

        @Override
        public void markFallbackParked(String key, String reason, Instant at) {
            synchronized (InMemoryMessaging.this) {
                records.get(key).fallback = "parked";
            }
        }
    };

    private void index(String key, int leg, DeliveryLeg sent, SentMessage message) {
        sent.providerMessageId().ifPresent(id -> {
            String[] parts = key.split("#v");
            legIndex.put(
                    sent.provider() + "#" + id,
                    new DeliveryLog.LegAddress(
                            key,
                            new ReferenceCode(parts[0]),
                            Long.parseLong(parts[1]),
                            leg,
                            sent.channel(),
                            message.kind()));
        });
    }

    public final DeliveryLog deliveryLog = new DeliveryLog() {
        @Override
        public Optional<LegAddress> find(String provider, String providerMessageId) {
            synchronized (InMemoryMessaging.this) {
                return Optional.ofNullable(legIndex.get(provider + "#" + providerMessageId));
            }
        }

        @Override
        public boolean settle(
                LegAddress address, DeliveryState state, Optional<String> reason, Instant at, boolean askForFallback) {
            synchronized (InMemoryMessaging.this) {
                fault("settle");
                Record record = records.get(address.messageKey());
                DeliveryLeg leg = record.legs.get(address.leg());
                if (leg.state() != DeliveryState.SENT) {
                    return false;
                }
                record.legs.set(
                        address.leg(),
                        new DeliveryLeg(leg.channel(), leg.provider(), leg.providerMessageId(), state, at, reason));
                if (askForFallback && record.fallback == null) {
                    record.fallback = "requested";
                }
                return true;
            }
        }

        @Override
        public void recordReach(ReferenceCode reference, long version, boolean reached) {
            synchronized (InMemoryMessaging.this) {
                long[] known = reach.computeIfAbsent(reference.value(), r -> new long[] {0, 0});
                if (reached) {
                    known[0] = Math.max(known[0], version);
                    if (known[1] <= version) {
                        known[1] = 0;
                    }
                } else if (known[0] < version) {
                    known[1] = Math.max(known[1], version);
                }
            }
        }

        @Override
        public List<MessageDelivery> deliveriesOf(ReferenceCode reference, long version) {
            synchronized (InMemoryMessaging.this) {
                List<MessageDelivery> all = new ArrayList<>();
                for (long v = 1; v <= version; v++) {
                    Record record = records.get(reference.value() + "#v" + v);
                    if (record != null && record.message != null) {
                        for (DeliveryLeg leg : record.legs) {
                            all.add(new MessageDelivery(v, record.message.kind(), leg));
                        }
                    }
                }
                return all;
            }
        }
    };

    /** True when the request's latest known message did not reach the person. */
    public synchronized boolean notReached(String reference) {
        long[] known = reach.get(reference);
        return known != null && known[1] > 0;
    }

    /** The messages still asking for their SMS, as the stream would hand them to the notifier. */
    public synchronized List<String> fallbacksAskedFor() {
        List<String> keys = new ArrayList<>();
        records.forEach((key, record) -> {
            if ("requested".equals(record.fallback) || "failed".equals(record.fallback)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** Everything sent to {@code e164} on any channel. */
    public synchronized long deliveriesTo(String e164) {
        return sms.stream().filter(s -> s.to().equals(e164)).count()
                + whatsApp.stream().filter(w -> w.to().equals(e164)).count();
    }

    public NotificationService.Channels channels(boolean withWhatsApp) {
        return new NotificationService.Channels(
                textMessages,
                withWhatsApp ? Optional.of(whatsAppMessages) : Optional.empty(),
                mailer,
                sentMessages,
                preferences,
                undelivered,
                deliveryLog);
    }

    private void fault(String hop) {
        if (storeFaults.remove(hop)) {
            throw new sa.mustafeed.core.errors.StorageUnavailableException("injected fault at " + hop, null);
        }
    }

    private void failIfAsked() {
        if (failuresToInject > 0) {
            failuresToInject--;
            throw new DeliveryFailedException("provider refused (injected)", null);
        }
    }
}
