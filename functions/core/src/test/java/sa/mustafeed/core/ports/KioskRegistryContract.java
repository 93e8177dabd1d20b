package sa.mustafeed.core.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.survey.Kiosk;

/**
 * What {@link KioskRegistry} promises: a kiosk is read back whole (label in any script, who and
 * when), all of them in id order; an id is added once; retiring is once and keeps the record; an
 * unknown id is empty everywhere. The in-memory fake (core) and DynamoDbKioskRegistry (adapters,
 * against moto) both run it.
 */
public abstract class KioskRegistryContract {
    private static final Instant AT = Instant.parse("2026-11-25T08:30:00.125Z");
    private static final Instant LATER = Instant.parse("2026-12-01T10:00:00.500Z");

    protected abstract KioskRegistry emptyRegistry() throws Exception;

    private KioskRegistry registry;

    @BeforeEach
    final void startEmpty() throws Exception {
        registry = emptyRegistry();
    }

    private static Kiosk kiosk(String id, String label) {
        return Kiosk.registered(id, label, AT, "هدى");
    }

    @Test
    void anEmptyRegistry_knowsNoKiosk() {
        assertEquals(List.of(), registry.all());
        assertEquals(Optional.empty(), registry.find("k1"));
        assertEquals(Optional.empty(), registry.retire("k1", LATER, "هدى"));
        assertEquals(List.of(), registry.all(), "retiring an unknown id creates nothing");
    }

    @Test
    void anAddedKiosk_isReadBackWhole_inIdOrder() {
        Kiosk b = kiosk("b_Zx-2", "الاستقبال، الدور الأرضي");
        Kiosk a = kiosk("A-1", "Reception, ground floor");
        assertTrue(registry.add(b));
        assertTrue(registry.add(a));

        assertEquals(List.of(a, b), registry.all());
        assertEquals(Optional.of(b), registry.find("b_Zx-2"));
        assertTrue(registry.find("b_Zx-2").orElseThrow().active());
    }

    @Test
    void anIdIsAddedOnce_theFirstKioskStays() {
        Kiosk first = kiosk("k1", "First");
        assertTrue(registry.add(first));
        assertFalse(registry.add(kiosk("k1", "Second")));
        assertEquals(List.of(first), registry.all());
    }

    @Test
    void retire_marksItOnce_andKeepsTheRecord() {
        registry.add(kiosk("k1", "Lobby"));
        Kiosk other = kiosk("k2", "Branch");
        registry.add(other);

        Kiosk retired = registry.retire("k1", LATER, "نورة").orElseThrow();
        Kiosk again =
                registry.retire("k1", LATER.plusSeconds(60), "someone else").orElseThrow();

        assertFalse(retired.active());
        assertEquals(Optional.of(LATER), retired.retiredAt());
        assertEquals(Optional.of("نورة"), retired.retiredBy());
        assertEquals(retired, again, "the first retirement stays");
        assertEquals(Optional.of(retired), registry.find("k1"));
        assertEquals(List.of(retired, other), registry.all());
    }
}
