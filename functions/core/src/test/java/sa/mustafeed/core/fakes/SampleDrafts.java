package sa.mustafeed.core.fakes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.RequestDraft;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;

/** A valid submission to vary in tests, and the fixed key and clock they share. */
public final class SampleDrafts {
    public static final KeyedHasher HASHER = new KeyedHasher("test-key-test-key-test-key-test-key!".getBytes());
    public static final Instant NOW = Instant.parse("2026-11-25T08:30:00Z");

    private SampleDrafts() {}

    public static RequestDraft valid() {
        return new RequestDraft(
                "service",
                "web",
                "سارة العتيبي",
                "0501234567",
                null,
                null,
                "مكة المكرمة",
                "أحتاج إلى كرسي متحرك لابني.",
                "sms",
                "ar",
                true,
                null,
                null);
    }

    /** A complaint from someone who gives no name and no way back. */
    public static RequestDraft anonymousComplaint() {
        return new RequestDraft(
                "complaint",
                "kiosk",
                null,
                null,
                null,
                null,
                "مكة المكرمة",
                "انتظرت ساعتين في الاستقبال دون أن يكلمني أحد.",
                null,
                "ar",
                true,
                null,
                null,
                null,
                true,
                null);
    }

    public static RequestDraft withCity(String city) {
        RequestDraft d = valid();
        return new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                d.email(),
                d.nationalId(),
                city,
                d.description(),
                d.preferredContact(),
                d.language(),
                d.consent(),
                d.onBehalf(),
                d.shapeErrors());
    }

    /**
     * The stored request the sample events under {@code events/} name: MHF5-Q2N7, a kiosk service
     * request from mobile +966501234567 (last digits 4567), with a description no public answer may show.
     */
    public static ServiceRequest sampleRequest(Status status, long version) {
        return new ServiceRequest(
                new ReferenceCode("MHF5Q2N7"),
                Category.SERVICE,
                Channel.KIOSK,
                status,
                "سارة العتيبي",
                "+966501234567",
                HASHER.hash(HashPurpose.MOBILE, "+966501234567"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "مكة المكرمة",
                "وصف خاص لا يظهر في المتابعة",
                ContactMethod.SMS,
                Language.AR,
                Optional.empty(),
                "2026-11",
                NOW,
                NOW,
                NOW,
                version);
    }

    public static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
