package sa.mustafeed.core.errors;

/**
 * A kiosk id that is not registered, or whose kiosk was retired: its taps are not counted. The two
 * are one answer on purpose: the tablet's remedy is the same (a manager registers it).
 */
public final class KioskNotRegisteredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KioskNotRegisteredException() {
        super("kiosk not registered");
    }
}
