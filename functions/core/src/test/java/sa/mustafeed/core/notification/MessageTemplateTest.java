package sa.mustafeed.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.request.Language;

class MessageTemplateTest {
    @Test
    void parse_readsSubjectSmsAndBodyAndSkipsNotes() {
        MessageTemplate t = MessageTemplate.parse(
                "t", "# note\nsubject: S {reference}\nsms: M {reference}\nwhatsapp: W {reference} .\n---\nA\n\nB\n");
        assertEquals("S {reference}", t.subject());
        assertEquals("M {reference}", t.sms());
        assertEquals("W {reference} .", t.whatsapp());
        assertEquals("A\n\nB", t.emailText());
    }

    @Test
    void parse_namesWhatIsMissing() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> MessageTemplate.parse("ar/received.txt", "subject: x\n---\nbody"));
        assertTrue(e.getMessage().contains("ar/received.txt"));
    }

    @Test
    void parse_refusesAWhatsAppBodyMetaWouldReject() {
        // Meta's template review refuses a body that starts or ends with a parameter, or has two side by side.
        for (String body :
                new String[] {"{reference} received", "received {reference}", "ref {reference}{trackUrl} ."}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> MessageTemplate.parse(
                            "en/received.txt", "subject: s\nsms: m\nwhatsapp: " + body + "\n---\nb"),
                    body);
            assertTrue(e.getMessage().contains("whatsapp:"), e.getMessage());
        }
    }

    @Test
    void numbered_isTheBodySubmittedToMeta() {
        String body = "From {association}: request {reference} is {status}. See {trackUrl} thanks.";
        assertEquals("From {{1}}: request {{2}} is {{3}}. See {{4}} thanks.", MessageTemplate.numbered(body));
        assertEquals(
                java.util.List.of("association", "reference", "status", "trackUrl"),
                MessageTemplate.placeholders(body));
    }

    @Test
    void fill_refusesUnknownPlaceholders() {
        assertEquals("رقم MHF5-Q2N7", MessageTemplate.fill("رقم {reference}", Map.of("reference", "MHF5-Q2N7")));
        assertThrows(IllegalArgumentException.class, () -> MessageTemplate.fill("{nme}", Map.of("name", "x")));
    }

    @Test
    void html_escapesValuesAndSetsDirection() {
        String html =
                MessageRenderer.html("s", "<script>alert(1)</script>\n\nhttps://example.org/track/?ref=A", Language.AR);
        assertTrue(html.contains("dir=\"rtl\""));
        assertTrue(html.contains("&lt;script&gt;"));
        assertTrue(html.contains("<a href=\"https://example.org/track/?ref=A\""));
    }
}
