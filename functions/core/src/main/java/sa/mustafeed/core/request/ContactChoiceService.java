package sa.mustafeed.core.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.FieldErrors;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.ports.RequestRepository;

/**
 * Lets a beneficiary change how the association reaches them (SMS, WhatsApp, or email when the
 * request has one) from the tracking page, behind the lookup's own check. The change is not news:
 * nothing is sent because of it (the request's status and version stay, so the notifier finds
 * nothing to say); the next message simply goes the new way.
 */
public final class ContactChoiceService {
    private final LookupService lookups;
    private final RequestRepository repository;

    public ContactChoiceService(LookupService lookups, RequestRepository repository) {
        this.lookups = Objects.requireNonNull(lookups);
        this.repository = Objects.requireNonNull(repository);
    }

    /**
     * The ways this request's messages may go: the mobile always (SMS, WhatsApp), email only when the
     * request has an address. The tracking page offers exactly these.
     */
    public static List<ContactMethod> choicesFor(ServiceRequest request) {
        if (request.anonymous()) {
            return List.of();
        }
        List<ContactMethod> open = new ArrayList<>(List.of(ContactMethod.SMS, ContactMethod.WHATSAPP));
        if (request.email().isPresent()) {
            open.add(ContactMethod.EMAIL);
        }
        return List.copyOf(open);
    }

    /**
     * Checks the caller as the lookup does (same answers, same counted failures), then stores the
     * choice. Choosing what is already stored writes nothing.
     *
     * @param clientAddress the caller's network address; only its keyed hash is stored
     * @return the choice now in force
     * @throws InvalidInputException when the reference, the digits or the choice are malformed (every
     *     problem at once, nothing counted), or email is chosen for a request without an address
     *     ({@code email_required_for_contact}, told only to a caller who passed the check)
     * @throws TooManyAttemptsException when this reference or this client failed too often lately
     * @throws RequestNotFoundException when no request matches both reference and digits
     */
    public ContactMethod change(LookupQuery who, ContactChoice choice, String clientAddress) {
        List<FieldError> choiceErrors = new ArrayList<>(choice.shapeErrors());
        Optional<ContactMethod> method =
                choiceErrors.isEmpty() ? read(choiceErrors, choice.preferredContact()) : Optional.empty();
        ServiceRequest request;
        try {
            request = lookups.check(who, clientAddress).request();
        } catch (InvalidInputException malformed) {
            // A malformed reference or digits is answered with the choice's own problems beside it,
            // in the form's order, as the other routes list every problem of one body at once.
            List<FieldError> all = new ArrayList<>(malformed.errors());
            all.addAll(choiceErrors);
            new FieldErrors(all, "reference", "mobileLast4", "preferredContact").throwIfAny();
            throw malformed; // not reached: `all` holds at least the lookup's own errors
        }
        if (!choiceErrors.isEmpty()) {
            throw new InvalidInputException(choiceErrors);
        }
        if (request.anonymous()) {
            // Nobody to reach: the sender chose to be followed only by reference and tracking code.
            throw new InvalidInputException(FieldError.of("preferredContact", ErrorCode.NOT_WHEN_ANONYMOUS));
        }
        ContactMethod to = method.orElseThrow();
        if (to == request.preferredContact()) {
            return to;
        }
        if (!choicesFor(request).contains(to)) {
            throw noEmail();
        }
        return switch (repository.changeContact(request.reference(), to)) {
            case CHANGED -> to;
            // Erased between the check and the write: there is no longer a request to follow.
            case NO_SUCH_REQUEST -> throw new RequestNotFoundException();
            // Its address was erased in between: the write refused, as the check would have.
            case NO_EMAIL -> throw noEmail();
        };
    }

    private static InvalidInputException noEmail() {
        return new InvalidInputException(FieldError.of("preferredContact", ErrorCode.EMAIL_REQUIRED_FOR_CONTACT));
    }

    private static Optional<ContactMethod> read(List<FieldError> errors, String typed) {
        if (typed == null || typed.isBlank()) {
            errors.add(FieldError.of("preferredContact", ErrorCode.REQUIRED));
            return Optional.empty();
        }
        // "none" belongs to anonymous requests alone: a person who can be reached cannot choose it.
        Optional<ContactMethod> method =
                ContactMethod.fromWireName(typed.strip()).filter(m -> m != ContactMethod.NONE);
        if (method.isEmpty()) {
            errors.add(FieldError.of("preferredContact", ErrorCode.INVALID_CHOICE));
        }
        return method;
    }
}
