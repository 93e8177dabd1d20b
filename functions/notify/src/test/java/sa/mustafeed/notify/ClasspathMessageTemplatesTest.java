package sa.mustafeed.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.MessageRenderer;
import sa.mustafeed.core.notification.OutgoingMessage;
import sa.mustafeed.core.notification.SmsSegments;
import sa.mustafeed.core.notification.WhatsAppTemplate;
import sa.mustafeed.core.request.Language;

/** The real message files under functions/messages/, as a non-programmer may have edited them. */
class ClasspathMessageTemplatesTest {
    /** A realistic worst case: the CloudFront domain and a full reference. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("reply", "نعم"),
            Map.entry(
                    "surveyUrl",
                    "https://d1a2b3c4d5e6f7.cloudfront.net/en/survey/?t=AbCdEfGhIjK.MHF5Q2N7.tj3k2p.AbCdEfGhIjKlMnOp"),
            Map.entry("association", "جمعية تمكين لذوي الإعاقة"),
            Map.entry("reference", "MHF5-Q2N7"),
            Map.entry("code", "482913"),
            Map.entry("minutes", "10"),
            Map.entry("status", "بانتظار استكمال من المستفيد"),
            Map.entry("category", "تسجيل مستفيد جديد"),
            Map.entry("trackUrl", "https://d1a2b3c4d5e6f7.cloudfront.net/en/track/?ref=MHF5-Q2N7"),
            Map.entry("siteUrl", "https://d1a2b3c4d5e6f7.cloudfront.net/en/"));

    private final MessageRenderer renderer = new MessageRenderer(new ClasspathMessageTemplates());

    @Test
    void everyKindRendersInBothLanguagesWithItsReference() {
        for (Language language : Language.values()) {
            for (MessageKind kind : MessageKind.values()) {
                for (Delivery channel : Delivery.values()) {
                    OutgoingMessage message = renderer.render(kind, language, channel, VALUES);
                    assertTrue(message.text().contains("MHF5-Q2N7"), kind + " " + language + " " + channel);
                    assertTrue(message.subject().contains("MHF5-Q2N7"), kind + " " + language);
                    assertFalse(message.text().contains("{"), "unfilled placeholder in " + kind + " " + language);
                }
            }
        }
    }

    @Test
    void everySmsFitsTwoParts() {
        for (Language language : Language.values()) {
            for (MessageKind kind : MessageKind.values()) {
                String sms =
                        renderer.render(kind, language, Delivery.SMS, VALUES).text();
                int parts = SmsSegments.count(sms);
                assertTrue(
                        parts <= 2,
                        kind + " " + language + " takes " + parts + " SMS (" + sms.length() + " chars): " + sms);
            }
        }
    }

    @Test
    void arabicSmsIsUcs2AndEnglishSmsStaysGsm7() {
        assertFalse(SmsSegments.isGsm7(renderer.render(MessageKind.RECEIVED, Language.AR, Delivery.SMS, VALUES)
                .text()));
        String english = renderer.render(
                        MessageKind.RECEIVED,
                        Language.EN,
                        Delivery.SMS,
                        Map.of(
                                "association",
                                "Tamkeen",
                                "reference",
                                "MHF5-Q2N7",
                                "status",
                                "Received",
                                "category",
                                "Inquiry",
                                "trackUrl",
                                "https://d1a2b3c4d5e6f7.cloudfront.net/en/track/?ref=MHF5-Q2N7",
                                "siteUrl",
                                "x"))
                .text();
        assertTrue(SmsSegments.isGsm7(english), english);
        assertEquals(1, SmsSegments.count(english));
    }

    @Test
    void everyKindHasAWhatsAppTemplateCarryingTheReference() {
        for (Language language : Language.values()) {
            for (MessageKind kind : MessageKind.values()) {
                WhatsAppTemplate template = renderer.renderWhatsApp(kind, language, VALUES);
                assertEquals("mustafeed_" + kind.templateName().replace('-', '_'), template.name());
                assertEquals(language.wireName(), template.languageCode());
                assertTrue(template.bodyParameters().contains("MHF5-Q2N7"), kind + " " + language);
            }
        }
    }

    /**
     * functions/messages/WHATSAPP-TEMPLATES.md is what the association submits in Meta's manager; it
     * must say what the files say. Regenerate with -Dmessages.regenerate=true.
     */
    @Test
    void theTemplateListForMetaIsCurrent() throws Exception {
        StringBuilder md = new StringBuilder()
                .append("# WhatsApp templates to submit for approval\n\n")
                .append("Generated from the `whatsapp:` line of each file in `ar/` and `en/` by\n")
                .append(
                        "`ClasspathMessageTemplatesTest` (run it with `-Dmessages.regenerate=true` after an edit; the\n")
                .append("test fails while this list and the files disagree). Submit each in Meta's WhatsApp Manager\n")
                .append("(or the AWS End User Messaging Social console) as category **Utility**, with the name and\n")
                .append("language below; a changed text must be approved again before it is sent. Parameters are\n")
                .append("filled in this order; the sample values are what Meta's review asks for.\n");
        for (MessageKind kind : MessageKind.values()) {
            if (!kind.sentByWhatsApp()) {
                continue;
            }
            md.append("\n## `").append(kind.whatsAppTemplateName()).append("`\n");
            for (Language language : Language.values()) {
                String body =
                        new ClasspathMessageTemplates().get(kind, language).whatsapp();
                md.append("\n- language `")
                        .append(language.wireName())
                        .append("`: ")
                        .append(sa.mustafeed.core.notification.MessageTemplate.numbered(body))
                        .append("\n  - parameters: ");
                java.util.List<String> names = sa.mustafeed.core.notification.MessageTemplate.placeholders(body);
                for (int i = 0; i < names.size(); i++) {
                    md.append(i == 0 ? "" : ", ")
                            .append("{{")
                            .append(i + 1)
                            .append("}} = `")
                            .append(names.get(i))
                            .append("` (e.g. ")
                            .append(VALUES.get(names.get(i)))
                            .append(")");
                }
                md.append("\n");
            }
        }
        java.nio.file.Path file =
                sa.mustafeed.testing.RepositoryRoot.resolve("functions/messages/WHATSAPP-TEMPLATES.md");
        if (Boolean.getBoolean("messages.regenerate")) {
            java.nio.file.Files.writeString(file, md.toString());
        }
        assertEquals(
                md.toString(),
                java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "",
                "functions/messages/WHATSAPP-TEMPLATES.md is stale: run the notify tests with -Dmessages.regenerate=true");
    }

    @Test
    void emailHtmlIsRightToLeftForArabic() {
        OutgoingMessage mail = renderer.render(MessageKind.COMPLETED, Language.AR, Delivery.EMAIL, VALUES);
        assertTrue(mail.html().contains("lang=\"ar\" dir=\"rtl\""));
    }
}
