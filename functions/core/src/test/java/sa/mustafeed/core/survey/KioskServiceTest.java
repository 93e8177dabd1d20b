package sa.mustafeed.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.KioskNotRegisteredException;
import sa.mustafeed.core.fakes.InMemoryKioskRegistry;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;

class KioskServiceTest {
    private static final StaffMember HUDA = new StaffMember("m1", "هدى", Role.MANAGER);
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final InMemoryKioskRegistry registry = new InMemoryKioskRegistry();
    private final KioskService kiosks = new KioskService(registry, clock, new SecureRandom());

    @Test
    void register_givesAnUnguessableUrlSafeId_andTheAddressToOpen() {
        Kiosk kiosk = kiosks.register("  الاستقبال، الدور الأرضي ", HUDA);

        assertTrue(kiosk.id().matches("[A-Za-z0-9_-]{22}"), kiosk.id());
        assertTrue(KioskService.isWellFormedId(kiosk.id()));
        assertEquals("الاستقبال، الدور الأرضي", kiosk.label());
        assertEquals("هدى", kiosk.registeredBy());
        assertEquals(SampleDrafts.NOW, kiosk.registeredAt());
        assertTrue(kiosk.active());
        assertEquals("/kiosk/feedback/?kiosk=" + kiosk.id(), kiosk.feedbackPath());
        assertEquals(Optional.of(kiosk), registry.find(kiosk.id()));
    }

    @Test
    void ids_areDistinct_andCarry128RandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ids.add(kiosks.register("Tablet " + i, HUDA).id());
            if (i % 10 == 9) {
                // retire some so the active limit is not what this test meets
                registry.all().stream().filter(Kiosk::active).forEach(k -> kiosks.retire(k.id(), HUDA));
            }
        }
        assertEquals(40, ids.size());
    }

    @Test
    void register_triesAnotherId_whenOneIsTaken() {
        // Two services drawing the same sequence: the second's first id is taken, so it draws again.
        Kiosk first = new KioskService(registry, clock, new SplittableRandom(7)).register("One", HUDA);
        Kiosk second = new KioskService(registry, clock, new SplittableRandom(7)).register("Two", HUDA);
        assertNotEquals(first.id(), second.id());
        assertEquals(2, registry.all().size());
    }

    @Test
    void register_refusesAMissingTooLongOrControlLabel() {
        for (var each : List.of(
                new Object[] {null, ErrorCode.REQUIRED},
                new Object[] {"   ", ErrorCode.REQUIRED},
                new Object[] {"x".repeat(81), ErrorCode.TOO_LONG},
                new Object[] {"Lobby\nfloor 2", ErrorCode.INVALID_TEXT})) {
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> kiosks.register((String) each[0], HUDA));
            assertEquals(List.of(FieldError.of("label", (ErrorCode) each[1])), e.errors(), String.valueOf(each[0]));
        }
        assertEquals(List.of(), registry.all());
    }

    @Test
    void register_refusesANewKioskBeyondTheActiveLimit_retiringOneMakesRoom() {
        for (int i = 0; i < KioskService.MAX_ACTIVE; i++) {
            kiosks.register("Tablet " + i, HUDA);
        }
        InvalidInputException full = assertThrows(InvalidInputException.class, () -> kiosks.register("One more", HUDA));
        assertEquals(List.of(FieldError.general(ErrorCode.TOO_MANY_KIOSKS)), full.errors());

        kiosks.retire(registry.all().getFirst().id(), HUDA);
        assertTrue(kiosks.register("One more", HUDA).active());
    }

    @Test
    void retire_stopsTheKiosk_keepsItListed_andTwiceIsHarmless() {
        Kiosk lobby = kiosks.register("Lobby", HUDA);
        clock.advance(Duration.ofMinutes(1));
        Kiosk branch = kiosks.register("Branch", HUDA);
        clock.advance(Duration.ofMinutes(1));

        Kiosk retired = kiosks.retire(lobby.id(), new StaffMember("m2", "نورة", Role.MANAGER));
        Kiosk again = kiosks.retire(lobby.id(), HUDA);

        assertFalse(retired.active());
        assertEquals(Optional.of("نورة"), retired.retiredBy());
        assertEquals(retired, again);
        assertEquals(List.of(branch, retired), kiosks.all(), "active first, then retired, newest first");
    }

    @Test
    void retire_anUnknownOrMalformedId_isNotRegistered() {
        assertThrows(KioskNotRegisteredException.class, () -> kiosks.retire("nobody-registered-this", HUDA));
        assertThrows(KioskNotRegisteredException.class, () -> kiosks.retire("../etc", HUDA));
        assertThrows(KioskNotRegisteredException.class, () -> kiosks.retire(null, HUDA));
    }
}
