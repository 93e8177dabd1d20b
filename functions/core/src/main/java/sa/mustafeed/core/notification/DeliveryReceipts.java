package sa.mustafeed.core.notification;

import java.util.Optional;
import sa.mustafeed.core.ports.DeliveryLog;

/**
 * Applies what the providers report after they took a message. A receipt settles its leg once
 * (providers resend, and report "sent" and "read" too); a WhatsApp message that failed asks, in the
 * same write, for its SMS; and the request remembers whether its latest message reached the person,
 * so staff phone the ones it did not.
 */
public final class DeliveryReceipts {
    /** What one receipt did. */
    public enum Outcome {
        /** The leg is now delivered or failed. */
        SETTLED,
        /** A WhatsApp leg failed: its SMS is asked for. */
        FALLING_BACK,
        /** The leg was already final: a repeated or late receipt. */
        ALREADY_SETTLED,
        /** Not a message this system sent (another system on the same account), or news of no use. */
        IGNORED
    }

    private final DeliveryLog log;

    public DeliveryReceipts(DeliveryLog log) {
        this.log = log;
    }

    public Outcome apply(Receipt receipt) {
        if (!receipt.state().isFinal()) {
            return Outcome.IGNORED;
        }
        Optional<DeliveryLog.LegAddress> found = log.find(receipt.provider(), receipt.providerMessageId());
        if (found.isEmpty()) {
            return Outcome.IGNORED;
        }
        DeliveryLog.LegAddress leg = found.get();
        boolean fallBack =
                receipt.state() == DeliveryState.FAILED && leg.channel() == Delivery.WHATSAPP && leg.leg() == 0;
        if (!log.settle(leg, receipt.state(), receipt.reason(), receipt.at(), fallBack)) {
            return Outcome.ALREADY_SETTLED;
        }
        if (fallBack) {
            return Outcome.FALLING_BACK;
        }
        log.recordReach(leg.reference(), leg.version(), receipt.state() == DeliveryState.DELIVERED);
        return Outcome.SETTLED;
    }
}
