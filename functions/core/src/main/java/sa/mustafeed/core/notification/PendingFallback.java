package sa.mustafeed.core.notification;

import sa.mustafeed.core.request.Language;

/** A message whose WhatsApp leg failed after it was sent, claimed for its one SMS. */
public record PendingFallback(
        String messageKey, String reference, long version, MessageKind kind, Language language, FallbackPlan plan) {}
