package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.survey.SurveyTokens;

class BeneficiaryRecordsTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final BeneficiaryRecords records = new BeneficiaryRecords(
            repository,
            new sa.mustafeed.core.fakes.InMemoryMessaging().deliveryLog,
            new InMemorySurveyStore(),
            new SurveyTokens(SampleDrafts.HASHER),
            SampleDrafts.HASHER,
            SampleDrafts.clockAt(SampleDrafts.NOW));

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
        List<CaseFile> files = records.export(new DataSubject("+966 50 123 4567", "  "));
        assertEquals(
                List.of(new ReferenceCode("MHF5Q2N7")),
                files.stream().map(f -> f.request().reference()).toList());
    }

    @Test
    void export_withNeitherMobileNorId_isMobileRequired_andMalformedOnesAreNamed() {
        assertEquals(
                List.of(FieldError.of("mobile", ErrorCode.REQUIRED)),
                refused(() -> records.export(new DataSubject(null, " "))));
        assertEquals(
                List.of(
                        FieldError.of("mobile", ErrorCode.INVALID_MOBILE),
                        FieldError.of("nationalId", ErrorCode.INVALID_NATIONAL_ID)),
                refused(() -> records.export(new DataSubject("12", "1234567890"))));
    }

    @Test
    void erase_returnsTheErasedReferences_andAfterwardsTheMobileFindsNothing() {
        assertEquals(List.of(new ReferenceCode("MHF5Q2N7")), records.erase(new DataSubject("0501234567", null)));
        assertEquals(List.of(), records.export(new DataSubject("0501234567", null)));
    }
}
