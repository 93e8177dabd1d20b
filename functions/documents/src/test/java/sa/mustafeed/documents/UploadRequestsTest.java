package sa.mustafeed.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.documents.DocumentService;
import sa.mustafeed.core.documents.UploadRequest;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.fakes.InMemoryDocumentRecords;
import sa.mustafeed.core.fakes.InMemoryDocumentStorage;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.http.Json;

class UploadRequestsTest {

    private static UploadRequest read(String json) throws Exception {
        return UploadRequests.fromJson(Json.readObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fromJson_readsNameTypeAndSize() throws Exception {
        assertEquals(
                UploadRequest.of("هوية.pdf", "application/pdf", 1234),
                read(
                        "{\"name\":\"هوية.pdf\",\"contentType\":\"application/pdf\",\"size\":1234,\"mobileLast4\":\"4567\"}"));
        assertEquals(
                UploadRequest.of("a.png", "image/png", 10),
                read("{\"name\":\"a.png\",\"contentType\":\"image/png\",\"size\":10.0}"));
        assertEquals(new UploadRequest(null, null, null, List.of()), read("{}"));
    }

    @Test
    void fromJson_notesEachFieldOfTheWrongType_withTheCodeItsRouteAnswers() throws Exception {
        assertEquals(
                new UploadRequest(
                        null,
                        null,
                        null,
                        List.of(
                                FieldError.of("name", ErrorCode.INVALID_TYPE),
                                FieldError.of("contentType", ErrorCode.INVALID_DOCUMENT_TYPE),
                                FieldError.of("size", ErrorCode.INVALID_TYPE))),
                read("{\"name\":7,\"contentType\":[\"application/pdf\"],\"size\":\"100\"}"));
        assertEquals(
                List.of(FieldError.of("size", ErrorCode.INVALID_TYPE)),
                read("{\"name\":\"a\",\"contentType\":\"image/png\",\"size\":1.5}")
                        .shapeErrors());
        assertEquals(Long.MAX_VALUE, read("{\"size\":1e300}").size(), "still too large");
    }

    @Test
    void whatTheRulesAnswer_forBodiesTheParserCouldNotReadWhole() throws Exception {
        // GIVEN a stored request and the document service over fakes
        MutableClock clock = new MutableClock(SampleDrafts.NOW);
        InMemoryRequestRepository repository = new InMemoryRequestRepository();
        CaseService cases = new CaseService(
                repository,
                new sa.mustafeed.core.fakes.InMemoryMessaging().deliveryLog,
                SampleServiceLevels.LEVELS,
                SampleDrafts.HASHER,
                clock);
        DocumentService documents = new DocumentService(
                cases,
                new InMemoryDocumentRecords(repository),
                new InMemoryDocumentStorage(clock),
                clock,
                DocumentService::randomId);
        ReferenceCode mine = new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        clock,
                        new SplittableRandom(9),
                        "2026-11")
                .submit(SampleDrafts.valid(), Optional.empty())
                .reference();
        // WHEN / THEN: the errors of the edge and of the rules come in the order of the form
        Map<String, List<FieldError>> cases_ = Map.of(
                "{\"name\":\" \",\"contentType\":5,\"size\":2e7}",
                        List.of(
                                FieldError.of("name", ErrorCode.REQUIRED),
                                FieldError.of("contentType", ErrorCode.INVALID_DOCUMENT_TYPE),
                                FieldError.of("size", ErrorCode.DOCUMENT_TOO_LARGE)),
                "{\"name\":true,\"contentType\":\"text/html\",\"size\":0}",
                        List.of(
                                FieldError.of("name", ErrorCode.INVALID_TYPE),
                                FieldError.of("contentType", ErrorCode.INVALID_DOCUMENT_TYPE),
                                FieldError.of("size", ErrorCode.INVALID_TYPE)),
                "{\"name\":\"a.png\",\"contentType\":\"image/png\",\"size\":-1e30}",
                        List.of(FieldError.of("size", ErrorCode.INVALID_TYPE)),
                "{\"contentType\":\"image/png\",\"size\":1.5}",
                        List.of(
                                FieldError.of("name", ErrorCode.REQUIRED),
                                FieldError.of("size", ErrorCode.INVALID_TYPE)));
        for (var each : cases_.entrySet()) {
            UploadRequest request = read(each.getKey());
            assertEquals(
                    each.getValue(),
                    assertThrows(InvalidInputException.class, () -> documents.startUpload(mine, request))
                            .errors(),
                    each.getKey());
        }
    }
}
