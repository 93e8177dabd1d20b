package sa.mustafeed.core.staff;

import java.time.YearMonth;
import sa.mustafeed.core.notification.Delivery;

/**
 * The delivery counters of one month (of first sending, UTC), channel and provider: legs handed to
 * the provider ({@code sent}, refusals included), and of those the ones its receipts said arrived
 * ({@code delivered}) or did not ({@code failed}). The rest are still waiting for a receipt.
 */
public record DeliveryTally(
        YearMonth month, Delivery channel, String provider, long sent, long delivered, long failed) {}
