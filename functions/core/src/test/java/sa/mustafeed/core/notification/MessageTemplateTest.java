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
        MessageTemplate t =
                MessageTemplate.parse("t", "# note\nsubject: S {reference}\nsms: M {reference}\n---\nA\n\nB\n");
        assertEquals("S {reference}", t.subject());
        assertEquals("M {reference}", t.sms());
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
