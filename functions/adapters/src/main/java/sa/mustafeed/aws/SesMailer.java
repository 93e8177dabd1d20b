package sa.mustafeed.aws;

import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.ports.Mailer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Email through SES v2 with content rendered here (Simple content: subject, text and HTML). SES
 * templates would need the texts deployed into SES; keeping them in the jar keeps them versioned
 * with the code and editable in one folder.
 */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;

    public SesMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(String to, String subject, String text, String html) {
        try {
            return ses.sendEmail(e -> e.fromEmailAddress(from)
                            .destination(d -> d.toAddresses(to))
                            .content(c ->
                                    c.simple(m -> m.subject(s -> s.data(subject).charset("UTF-8"))
                                            .body(b -> b.text(t -> t.data(text).charset("UTF-8"))
                                                    .html(h -> h.data(html).charset("UTF-8"))))))
                    .messageId();
        } catch (SdkException e) {
            throw new DeliveryFailedException("SES send failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
