package sa.mustafeed.core.ports;

import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;

/**
 * The phone on file of a request and the language its person reads, and nothing else of it: all the
 * notifier needs to send an unlock code. Empty for an unknown or anonymous request.
 *
 * <p>May throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface RequestContacts {

    record Phone(String e164, Language language) {}

    Optional<Phone> phoneOf(ReferenceCode reference);
}
