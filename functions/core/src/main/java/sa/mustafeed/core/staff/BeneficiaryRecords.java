package sa.mustafeed.core.staff;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.AuditLog;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.ports.DeliveryLog;
import sa.mustafeed.core.ports.SurveyStore;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.core.validation.MobileNumbers;
import sa.mustafeed.core.validation.NationalIds;

/**
 * Data-subject requests under the Saudi PDPL, for managers: everything held about one beneficiary
 * (found by mobile or national ID, matched by keyed hash), and its erasure. Erasure keeps the
 * anonymous facts (category, channel, status, dates) so the association's counts stay true. The
 * same search, for any employee, tells who a returning beneficiary is before a new registration.
 */
public final class BeneficiaryRecords {
    private final CaseRepository cases;
    private final DeliveryLog deliveries;
    private final SurveyStore surveys;
    private final SurveyTokens tokens;
    private final KeyedHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public BeneficiaryRecords(
            CaseRepository cases,
            DeliveryLog deliveries,
            SurveyStore surveys,
            SurveyTokens tokens,
            KeyedHasher hasher,
            AuditLog audit,
            Clock clock) {
        this.audit = audit;
        this.cases = cases;
        this.deliveries = deliveries;
        this.surveys = surveys;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * How many requests are held about the person, so the manager knows whom they found before
     * exporting or erasing. Not audited: it hands over no data, only the count an employee's queue
     * search by mobile already shows.
     *
     * @throws InvalidInputException when neither a valid mobile nor a valid national ID is given
     */
    public int held(DataSubject subject) {
        return find(subject).references().size();
    }

    /**
     * Each request file with what became of every message sent about it (channel, provider, state):
     * the message records are data held about the person too. Audited first (see the class).
     *
     * @throws InvalidInputException when neither a valid mobile nor a valid national ID is given
     */
    public List<CaseFile> export(DataSubject subject, StaffMember by) {
        Found found = find(subject);
        audit.record(entry(AuditAction.EXPORT, by, found));
        List<CaseFile> files = new ArrayList<>();
        for (ReferenceCode reference : found.references()) {
            cases.find(reference)
                    .map(file -> file.withDeliveries(
                            deliveries.deliveriesOf(reference, file.request().version())))
                    .ifPresent(files::add);
        }
        return files;
    }

    /**
     * A returning beneficiary's latest request (its contact details prefill a new registration) and
     * the references of all their requests; empty when none is held. One index query per identifier
     * given and one read, whatever the number of requests. Not audited: an employee's own queue
     * search by mobile shows as much.
     *
     * @throws InvalidInputException when neither a valid mobile nor a valid national ID is given
     */
    public Optional<ReturningBeneficiary> lookup(DataSubject subject) {
        List<ReferenceCode> found = List.copyOf(find(subject).references());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // find() lists the mobile's requests first, newest first: the first is the latest contact.
        return cases.find(found.get(0)).map(file -> new ReturningBeneficiary(file.request(), found));
    }

    /**
     * Audited first (see the class).
     *
     * @return the references whose personal data was erased
     * @throws InvalidInputException when neither a valid mobile nor a valid national ID is given
     */
    public List<ReferenceCode> erase(DataSubject subject, StaffMember by) {
        Found subjects = find(subject);
        audit.record(entry(AuditAction.ERASE, by, subjects));
        List<ReferenceCode> erased = new ArrayList<>();
        for (ReferenceCode reference : subjects.references()) {
            Optional<CaseFile> found = cases.find(reference);
            if (found.isEmpty()) {
                continue;
            }
            CaseFile file = found.get();
            for (long version = 1; version <= file.request().version(); version++) {
                surveys.forget(tokens.surveyIdFor(reference, version));
            }
            cases.erase(reference, clock.instant());
            erased.add(reference);
        }
        return erased;
    }

    /** The audit log of one month, newest first. */
    public AuditPage auditLog(YearMonth month, Optional<String> cursor, int pageSize) {
        return audit.month(month, cursor, pageSize);
    }

    private AuditEntry entry(AuditAction action, StaffMember by, Found found) {
        return new AuditEntry(
                action,
                by.id(),
                by.name(),
                clock.instant(),
                found.subjectHash(),
                found.references().size());
    }

    /** The requests found, and the hash they were found by (the mobile's when both were given). */
    private record Found(String subjectHash, Set<ReferenceCode> references) {}

    private Found find(DataSubject subject) {
        Optional<String> mobile = text(subject.mobile());
        Optional<String> nationalId = text(subject.nationalId());
        List<FieldError> errors = new ArrayList<>();
        Optional<String> e164 = mobile.flatMap(MobileNumbers::toE164);
        Optional<String> id = nationalId.flatMap(NationalIds::normalise);
        if (mobile.isPresent() && e164.isEmpty()) {
            errors.add(FieldError.of("mobile", ErrorCode.INVALID_MOBILE));
        }
        if (nationalId.isPresent() && id.isEmpty()) {
            errors.add(FieldError.of("nationalId", ErrorCode.INVALID_NATIONAL_ID));
        }
        if (errors.isEmpty() && e164.isEmpty() && id.isEmpty()) {
            errors.add(FieldError.of("mobile", ErrorCode.REQUIRED));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Optional<String> mobileHash = e164.map(m -> hasher.hash(HashPurpose.MOBILE, m));
        Optional<String> idHash = id.map(n -> hasher.hash(HashPurpose.NATIONAL_ID, n));
        Set<ReferenceCode> found = new LinkedHashSet<>();
        mobileHash.ifPresent(h -> found.addAll(cases.byMobileHash(h)));
        idHash.ifPresent(h -> found.addAll(cases.byNationalIdHash(h)));
        return new Found(mobileHash.or(() -> idHash).orElseThrow(), found);
    }

    /** A blank field is an empty one. */
    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
