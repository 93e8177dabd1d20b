package sa.mustafeed.core.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.notification.UndeliveredMessage;
import sa.mustafeed.core.ports.ContactPreferences;
import sa.mustafeed.core.ports.Mailer;
import sa.mustafeed.core.ports.SentMessages;
import sa.mustafeed.core.ports.TextMessages;
import sa.mustafeed.core.ports.UndeliveredMessages;

/** In-memory fakes of the messaging ports, recording what was sent; the provider can be made to fail. */
public final class InMemoryMessaging {
    public record Sent(String to, String subject, String text) {}

    public final List<Sent> sms = new ArrayList<>();
    public final List<Sent> email = new ArrayList<>();
    public final List<UndeliveredMessage> parked = new ArrayList<>();
    public final Set<String> optedOutNumbers = new HashSet<>();
    public final Set<String> stoppedHashes = new HashSet<>();
    public volatile int failuresToInject;
    /** How many opt-out checks fail as an unreachable provider does. */
    public volatile int optOutChecksToFail;

    public final TextMessages textMessages = new TextMessages() {
        @Override
        public synchronized String send(String e164, String text) {
            failIfAsked();
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

    /** Honours the same claim rules as the DynamoDB adapter, serialised. */
    public final SentMessages sentMessages = new SentMessages() {
        private final Map<String, String> state = new HashMap<>();
        private final Map<String, Instant> claimedAt = new HashMap<>();
        private final Map<String, Integer> attempts = new HashMap<>();

        @Override
        public synchronized Claim claim(String key, Instant now, Instant staleBefore) {
            String current = state.get(key);
            boolean free = current == null
                    || current.equals("failed")
                    || current.equals("sending") && claimedAt.get(key).isBefore(staleBefore);
            if (!free) {
                return current.equals("sending") ? Claim.IN_FLIGHT : Claim.DONE;
            }
            state.put(key, "sending");
            claimedAt.put(key, now);
            return Claim.CLAIMED;
        }

        @Override
        public synchronized void markSent(String key, String channel, String language, String id, Instant at) {
            state.put(key, "sent");
        }

        @Override
        public synchronized int markFailed(String key, Instant at) {
            state.put(key, "failed");
            return attempts.merge(key, 1, Integer::sum);
        }

        @Override
        public synchronized void markParked(String key, Instant at) {
            state.put(key, "parked");
        }
    };

    private void failIfAsked() {
        if (failuresToInject > 0) {
            failuresToInject--;
            throw new DeliveryFailedException("provider refused (injected)", null);
        }
    }
}
