package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the notifier reads from a stream record to tell a reply from any other change. */
class StreamImagesTest {
    private static Map<String, Object> image(String replyAt, String text) {
        return replyAt == null
                ? Map.of("SK", Map.of("S", "META"))
                : Map.of(
                        "SK",
                        Map.of("S", "META"),
                        "lastReplyAt",
                        Map.of("S", replyAt),
                        "lastReplyText",
                        Map.of("S", text));
    }

    @Test
    void newReply_isTheTextWhenTheLatestReplyChanged() {
        assertEquals(
                Optional.of("نعم"), StreamImages.newReply(image("2026-11-26T10:00:00Z", "نعم"), image(null, null)));
        assertEquals(
                Optional.of("ثانٍ"),
                StreamImages.newReply(image("2026-11-26T11:00:00Z", "ثانٍ"), image("2026-11-26T10:00:00Z", "نعم")));
    }

    @Test
    void newReply_isEmptyForAnyOtherChange() {
        // A status change after a reply carries the old reply along: it must not be sent again.
        assertEquals(
                Optional.empty(),
                StreamImages.newReply(image("2026-11-26T10:00:00Z", "نعم"), image("2026-11-26T10:00:00Z", "نعم")));
        assertEquals(Optional.empty(), StreamImages.newReply(image(null, null), image(null, null)));
        assertEquals(Optional.empty(), StreamImages.newReply(image(null, null), null));
    }

    @Test
    void fallbackAskedFor_isTheMessageKeyOnlyWhenTheReceiptsAskedForTheSms() {
        Map<String, Object> asked = Map.of(
                "PK", Map.of("S", "MSG#MHF5Q2N7#v3"), "SK", Map.of("S", "MSG"), "fallback", Map.of("S", "requested"));
        assertEquals(Optional.of("MHF5Q2N7#v3"), StreamImages.fallbackAskedFor(asked));
        for (String state : new String[] {"sending", "sent", "failed", "parked"}) {
            assertEquals(
                    Optional.empty(),
                    StreamImages.fallbackAskedFor(Map.of(
                            "PK",
                            Map.of("S", "MSG#MHF5Q2N7#v3"),
                            "SK",
                            Map.of("S", "MSG"),
                            "fallback",
                            Map.of("S", state))),
                    state);
        }
        assertEquals(Optional.empty(), StreamImages.fallbackAskedFor(image(null, null)), "a request item");
    }
}
