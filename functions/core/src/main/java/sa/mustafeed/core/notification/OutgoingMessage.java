package sa.mustafeed.core.notification;

import sa.mustafeed.core.request.Language;

/** A rendered message ready for its channel. {@code html} is only used for email. */
public record OutgoingMessage(Delivery channel, Language language, String subject, String text, String html) {}
