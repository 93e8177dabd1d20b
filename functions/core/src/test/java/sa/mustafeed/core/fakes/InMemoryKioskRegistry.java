package sa.mustafeed.core.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import sa.mustafeed.core.ports.KioskRegistry;
import sa.mustafeed.core.survey.Kiosk;

/** {@link KioskRegistry} in a sorted map, as the table's one partition keeps kiosks sorted by id. */
public final class InMemoryKioskRegistry implements KioskRegistry {
    private final TreeMap<String, Kiosk> kiosks = new TreeMap<>();
    private int reads;

    @Override
    public synchronized List<Kiosk> all() {
        return new ArrayList<>(kiosks.values());
    }

    @Override
    public synchronized Optional<Kiosk> find(String id) {
        reads++;
        return Optional.ofNullable(kiosks.get(id));
    }

    @Override
    public synchronized boolean add(Kiosk kiosk) {
        return kiosks.putIfAbsent(kiosk.id(), kiosk) == null;
    }

    @Override
    public synchronized Optional<Kiosk> retire(String id, Instant at, String by) {
        return Optional.ofNullable(
                kiosks.computeIfPresent(id, (k, kiosk) -> kiosk.active() ? kiosk.retired(at, by) : kiosk));
    }

    /** How many times one kiosk was looked up: a tap must cost one read, not more. */
    public synchronized int reads() {
        return reads;
    }
}
