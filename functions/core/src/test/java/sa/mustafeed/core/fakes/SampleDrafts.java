package sa.mustafeed.core.fakes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.request.RequestDraft;

/** A valid submission to vary in tests, and the fixed key and clock they share. */
public final class SampleDrafts {
    public static final KeyedHasher HASHER = new KeyedHasher("test-key-test-key-test-key-test-key!".getBytes());
    public static final Instant NOW = Instant.parse("2026-11-25T08:30:00Z");

    private SampleDrafts() {
    }

    public static RequestDraft valid() {
        return new RequestDraft("service", "web", "سارة العتيبي", "0501234567", null, null, "مكة المكرمة",
                "أحتاج إلى كرسي متحرك لابني.", "sms", "ar", true, null, null);
    }

    public static RequestDraft withCity(String city) {
        RequestDraft d = valid();
        return new RequestDraft(d.category(), d.channel(), d.name(), d.mobile(), d.email(), d.nationalId(), city,
                d.description(), d.preferredContact(), d.language(), d.consent(), d.onBehalf(), d.shapeErrors());
    }

    public static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
