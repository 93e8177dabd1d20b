package sa.mustafeed.core.staff;

import sa.mustafeed.core.reference.ReferenceCode;

/**
 * What a staff search looks for, once the typed text has been recognised: a reference, or a
 * beneficiary by the keyed hash of their mobile or national ID (the ID itself is never stored).
 */
public sealed interface CaseSearch {

    record ByReference(ReferenceCode reference) implements CaseSearch {}

    record ByMobileHash(String mobileHash) implements CaseSearch {}

    record ByNationalIdHash(String nationalIdHash) implements CaseSearch {}
}
