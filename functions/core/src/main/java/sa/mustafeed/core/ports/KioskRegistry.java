package sa.mustafeed.core.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.survey.Kiosk;

/**
 * The lobby tablets registered for exit feedback: a handful, read whole by the managers' list and
 * one at a time, by id, on every tap. Reads are strongly consistent, so a tablet counts from the
 * moment it is registered and stops the moment it is retired. Every method may throw
 * {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface KioskRegistry {
    /** Every kiosk ever registered, retired ones included, ordered by id. Never a scan of other data. */
    List<Kiosk> all();

    Optional<Kiosk> find(String id);

    /** Stores a new kiosk; {@code false}, and nothing changed, when one already has this id. */
    boolean add(Kiosk kiosk);

    /**
     * Marks the kiosk retired at {@code at} by {@code by}, once: a kiosk already retired keeps its
     * first retirement.
     *
     * @return the kiosk as stored afterwards; empty when no kiosk has this id
     */
    Optional<Kiosk> retire(String id, Instant at, String by);
}
