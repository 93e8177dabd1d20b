package sa.mustafeed.core.survey;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.KioskNotRegisteredException;
import sa.mustafeed.core.ports.KioskRegistry;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.validation.Texts;

/**
 * The kiosk registry as managers keep it (the routes check the role): register a lobby tablet and
 * get its id and address, list them, retire one. Only a registered, active kiosk's taps count
 * ({@link SurveyService#kioskFeedback}): before this, anyone could invent kiosk ids and move the
 * satisfaction figures (eight taps from invented ids took overall satisfaction from 1.0 to 0.2).
 */
public final class KioskService {
    /** Lobbies, branches, a spare: far more than an association has, small enough to list in one read. */
    public static final int MAX_ACTIVE = 50;

    static final int LABEL_MAX = 80;
    /** 128 random bits: an id nobody can guess or walk to, in URL-safe base64 (22 characters). */
    private static final int ID_BYTES = 16;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final KioskRegistry registry;
    private final Clock clock;
    private final RandomGenerator random;

    /** @param random a cryptographic generator in production ({@code SecureRandom}): the id is the kiosk's only credential */
    public KioskService(KioskRegistry registry, Clock clock, RandomGenerator random) {
        this.registry = registry;
        this.clock = clock;
        this.random = random;
    }

    /** Whether text has the shape of a kiosk id (old tablets' hand-typed ids included); says nothing about registration. */
    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Every kiosk, active ones first, each group newest first: what a manager looks for. */
    public List<Kiosk> all() {
        return registry.all().stream()
                .sorted(Comparator.comparing((Kiosk k) -> !k.active())
                        .thenComparing(Kiosk::registeredAt, Comparator.reverseOrder())
                        .thenComparing(Kiosk::id))
                .toList();
    }

    /**
     * Registers a tablet under a new unguessable id.
     *
     * @throws InvalidInputException ({@code label}) missing, too long or with control characters;
     *     {@code too_many_kiosks} beyond {@link #MAX_ACTIVE} active ones
     */
    public Kiosk register(String label, StaffMember by) {
        String clean = label == null ? "" : Texts.clean(label);
        ErrorCode problem = clean.isEmpty()
                ? ErrorCode.REQUIRED
                : Texts.length(clean) > LABEL_MAX
                        ? ErrorCode.TOO_LONG
                        : Texts.hasForbiddenCharacters(clean, false) ? ErrorCode.INVALID_TEXT : null;
        if (problem != null) {
            throw new InvalidInputException(FieldError.of("label", problem));
        }
        if (registry.all().stream().filter(Kiosk::active).count() >= MAX_ACTIVE) {
            throw new InvalidInputException(FieldError.general(ErrorCode.TOO_MANY_KIOSKS));
        }
        while (true) {
            Kiosk kiosk = Kiosk.registered(newId(), clean, clock.instant().truncatedTo(ChronoUnit.MILLIS), by.name());
            // A collision of 128 random bits does not happen; the conditional add makes sure of it.
            if (registry.add(kiosk)) {
                return kiosk;
            }
        }
    }

    /**
     * Retires the kiosk: its taps stop counting, its record and what it counted stay. Retiring it
     * again changes nothing.
     *
     * @throws KioskNotRegisteredException when no kiosk has this id
     */
    public Kiosk retire(String id, StaffMember by) {
        if (!isWellFormedId(id)) {
            throw new KioskNotRegisteredException();
        }
        return registry.retire(id, clock.instant().truncatedTo(ChronoUnit.MILLIS), by.name())
                .orElseThrow(KioskNotRegisteredException::new);
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
