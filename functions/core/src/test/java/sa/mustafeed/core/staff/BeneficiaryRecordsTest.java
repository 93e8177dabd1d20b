package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.fakes.InMemoryAuditLog;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.ports.AuditLog;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.survey.SurveyTokens;

class BeneficiaryRecordsTest {
    private static final StaffMember MANAGER = new StaffMember("mgr-1", "نورة القحطاني", Role.MANAGER);
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final BeneficiaryRecords records = recordsWith(audit);

    private BeneficiaryRecords recordsWith(AuditLog log) {
        return new BeneficiaryRecords(
                repository,
                new sa.mustafeed.core.fakes.InMemoryMessaging().deliveryLog,
                new InMemorySurveyStore(),
                new SurveyTokens(SampleDrafts.HASHER),
                SampleDrafts.HASHER,
                log,
                SampleDrafts.clockAt(SampleDrafts.NOW));
    }

    /** MHF5-Q2N7 of mobile 0501234567. */
    @BeforeEach
    void storeTheSampleRequest() {
        repository.create(
                SampleDrafts.sampleRequest(Status.RECEIVED, 1),
                new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED),
                Optional.empty());
    }

    private static List<FieldError> refused(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).errors();
    }

    @Test
    void export_findsByMobileInAnyForm_andABlankIdIsNoId() {
        List<CaseFile> files = records.export(new DataSubject("+966 50 123 4567", "  "), MANAGER);
        assertEquals(
                List.of(new ReferenceCode("MHF5Q2N7")),
                files.stream().map(f -> f.request().reference()).toList());
    }

    @Test
    void export_withNeitherMobileNorId_isMobileRequired_andMalformedOnesAreNamed() {
        assertEquals(
                List.of(FieldError.of("mobile", ErrorCode.REQUIRED)),
                refused(() -> records.export(new DataSubject(null, " "), MANAGER)));
        assertEquals(
                List.of(
                        FieldError.of("mobile", ErrorCode.INVALID_MOBILE),
                        FieldError.of("nationalId", ErrorCode.INVALID_NATIONAL_ID)),
                refused(() -> records.export(new DataSubject("12", "1234567890"), MANAGER)));
    }

    @Test
    void erase_returnsTheErasedReferences_andAfterwardsTheMobileFindsNothing() {
        assertEquals(
                List.of(new ReferenceCode("MHF5Q2N7")), records.erase(new DataSubject("0501234567", null), MANAGER));
        assertEquals(List.of(), records.export(new DataSubject("0501234567", null), MANAGER));
    }

    @Test
    void held_countsTheRequestsFound_andLeavesNoAuditEntry() {
        assertEquals(1, records.held(new DataSubject("0501234567", null)));
        assertEquals(0, records.held(new DataSubject("0509999999", null)));
        assertEquals(List.of(), audit.written());
    }

    @Test
    void exportAndErase_areEachAudited_withWhoWhenTheMobileHashAndTheCount_neverTheNumber() {
        records.export(new DataSubject("0501234567", null), MANAGER);
        records.erase(new DataSubject("0501234567", null), MANAGER);

        String hash = SampleDrafts.HASHER.hash(HashPurpose.MOBILE, "+966501234567");
        assertEquals(
                List.of(
                        new AuditEntry(AuditAction.EXPORT, "mgr-1", "نورة القحطاني", SampleDrafts.NOW, hash, 1),
                        new AuditEntry(AuditAction.ERASE, "mgr-1", "نورة القحطاني", SampleDrafts.NOW, hash, 1)),
                audit.written());
        assertEquals(
                List.of(AuditAction.ERASE, AuditAction.EXPORT),
                records
                        .auditLog(YearMonth.from(SampleDrafts.NOW.atZone(ZoneOffset.UTC)), Optional.empty(), 10)
                        .entries()
                        .stream()
                        .map(AuditEntry::action)
                        .toList(),
                "newest first; the clock is fixed, so the later-written one leads");
    }

    @Test
    void aSubjectFoundByNationalIdOnly_isAuditedByTheIdHash_andAnExportOfNobodyIsStillAudited() {
        records.export(new DataSubject(null, "2390996037"), MANAGER);
        AuditEntry entry = audit.written().getFirst();
        assertEquals(SampleDrafts.HASHER.hash(HashPurpose.NATIONAL_ID, "2390996037"), entry.subjectHash());
        assertEquals(0, entry.requests());
    }

    @Test
    void refusedInput_writesNoAuditEntry() {
        refused(() -> records.erase(new DataSubject("12", null), MANAGER));
        assertEquals(List.of(), audit.written());
    }

    @Test
    void whenTheAuditLogCannotBeWritten_nothingIsErasedOrExported() {
        BeneficiaryRecords unaudited = recordsWith(new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
                throw new StorageUnavailableException("audit log down", new RuntimeException());
            }

            @Override
            public AuditPage month(YearMonth month, Optional<String> cursor, int pageSize) {
                throw new AssertionError("not read here");
            }
        });
        DataSubject subject = new DataSubject("0501234567", null);
        assertThrows(StorageUnavailableException.class, () -> unaudited.erase(subject, MANAGER));
        assertThrows(StorageUnavailableException.class, () -> unaudited.export(subject, MANAGER));
        assertEquals(
                "سارة العتيبي",
                repository
                        .find(new ReferenceCode("MHF5Q2N7"))
                        .orElseThrow()
                        .request()
                        .name());
    }

    @Test
    void lookup_aReturningBeneficiary_givesTheirLatestContactAndTheirReferences() {
        ReturningBeneficiary found =
                records.lookup(new DataSubject("0501234567", null)).orElseThrow();

        assertEquals(new ReferenceCode("MHF5Q2N7"), found.latest().reference());
        assertEquals("+966501234567", found.latest().mobile());
        assertEquals(List.of(new ReferenceCode("MHF5Q2N7")), found.requests());
    }

    @Test
    void lookup_anUnknownOrErasedBeneficiary_isNone_andABadMobileIsNamed() {
        assertEquals(Optional.empty(), records.lookup(new DataSubject("0559998877", null)));
        records.erase(new DataSubject("0501234567", null), MANAGER);
        assertEquals(Optional.empty(), records.lookup(new DataSubject("0501234567", null)));
        assertEquals(
                List.of(FieldError.of("mobile", ErrorCode.INVALID_MOBILE)),
                refused(() -> records.lookup(new DataSubject("12", null))));
    }
}
