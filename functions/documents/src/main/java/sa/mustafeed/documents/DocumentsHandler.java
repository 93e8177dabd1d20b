package sa.mustafeed.documents;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.aws.AwsClients;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.DynamoDbCaseRepository;
import sa.mustafeed.aws.DynamoDbComplaints;
import sa.mustafeed.aws.DynamoDbDeliveryLog;
import sa.mustafeed.aws.DynamoDbDocumentRecords;
import sa.mustafeed.aws.DynamoDbFailedAttempts;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.aws.FunctionResources;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.aws.S3DocumentStorage;
import sa.mustafeed.core.complaints.ComplaintService;
import sa.mustafeed.core.documents.Document;
import sa.mustafeed.core.documents.DocumentService;
import sa.mustafeed.core.documents.UploadRequest;
import sa.mustafeed.core.documents.UploadSlot;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ContactChoiceService;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.LookupService;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.ComplaintAnswers;
import sa.mustafeed.http.HttpFunction;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;
import sa.mustafeed.http.JsonFields;
import sa.mustafeed.http.LookupQueries;
import sa.mustafeed.http.ServiceLevelsFile;
import sa.mustafeed.http.SnapStartPriming;
import sa.mustafeed.http.StaffIdentity;

/**
 * What the beneficiary sends back without coming to the office (documents, messages, how to be
 * contacted), and the staff side of the same files. Public routes pass the lookup's check
 * (reference + last four mobile digits, same limits);
 * {@code /staff/} routes carry the verified JWT. The only function with an S3 client.
 */
public final class DocumentsHandler implements RequestStreamHandler {
    private final LookupService lookups;
    private final CaseService cases;
    private final DocumentService documents;
    private final ContactChoiceService contactChoices;
    private final ComplaintService complaints;

    /** Held here because org.crac keeps registered hooks only weakly. */
    private Optional<SnapStartPriming> priming = Optional.empty();

    /**
     * Used by Lambda: builds the clients once per cold start (and primes them before a SnapStart
     * snapshot: a beneficiary attaching a document from the tracking page is waiting).
     */
    public DocumentsHandler() {
        this(FunctionResources.fromEnvironment(), Clock.systemUTC());
        this.priming = SnapStartPriming.registerIfSnapStart(() -> priming(new OfflineAwsClients()));
    }

    /**
     * Starting an upload through a copy of this handler whose DynamoDB calls never leave the process:
     * the offline store holds no request, so the path runs the body's checks, the lookup's Query and
     * attempt counters and the 404 answer; no presigning, no S3 call.
     */
    static SnapStartPriming priming(OfflineAwsClients offline) {
        return new SnapStartPriming(
                () -> new DocumentsHandler(offline.functionResources(), Clock.systemUTC()),
                SnapStartPriming.event(DocumentsHandler.class, "priming-event.json"));
    }

    private DocumentsHandler(FunctionResources aws, Clock clock) {
        this(aws, new DynamoDbRequestRepository(aws.dynamoDb(), aws.tableName()), clock);
    }

    private DocumentsHandler(FunctionResources aws, DynamoDbRequestRepository requests, Clock clock) {
        this(
                new LookupService(
                        requests, new DynamoDbFailedAttempts(aws.dynamoDb(), aws.tableName()), aws.hasher(), clock),
                requests,
                new CaseService(
                        new DynamoDbCaseRepository(aws.dynamoDb(), aws.tableName()),
                        // Never read here: this function checks and moves requests (open,
                        // receiveMessage, backToQueue) and never shows the request page, the one
                        // reader of the message records, which its IAM policy does not grant.
                        new DynamoDbDeliveryLog(aws.dynamoDb(), aws.tableName()),
                        ServiceLevelsFile.load(),
                        aws.hasher(),
                        clock),
                aws,
                clock);
    }

    private DocumentsHandler(
            LookupService lookups,
            DynamoDbRequestRepository requests,
            CaseService cases,
            FunctionResources aws,
            Clock clock) {
        this(
                lookups,
                cases,
                new DocumentService(
                        cases,
                        new DynamoDbDocumentRecords(aws.dynamoDb(), aws.tableName()),
                        new S3DocumentStorage(
                                AwsClients.s3(AwsClients.httpClient()),
                                AwsClients.s3Presigner(),
                                Config.required("DOCUMENTS_BUCKET")),
                        clock,
                        DocumentService::randomId),
                new ContactChoiceService(lookups, requests),
                new ComplaintService(
                        cases,
                        new DynamoDbComplaints(aws.dynamoDb(), aws.tableName()),
                        ServiceLevelsFile.complaints(),
                        clock));
    }

    DocumentsHandler(
            LookupService lookups,
            CaseService cases,
            DocumentService documents,
            ContactChoiceService contactChoices,
            ComplaintService complaints) {
        this.complaints = complaints;
        this.lookups = lookups;
        this.cases = cases;
        this.documents = documents;
        this.contactChoices = contactChoices;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, this::route);
    }

    ApiResponse route(ApiEvent event) {
        return switch (event.routeKey()) {
            case "POST /requests/{reference}/documents/uploads" -> {
                Map<String, Object> body = JsonBodies.object(event);
                UploadRequest upload = UploadRequests.fromJson(body);
                yield json(201, slot(documents.startUpload(beneficiary(event, body), upload)));
            }
            case "POST /requests/{reference}/documents/{documentId}/confirm" ->
                json(
                        201,
                        publicDocument(documents.confirm(
                                beneficiary(event, JsonBodies.object(event)),
                                documentId(event),
                                CaseEvent.BENEFICIARY)));
            case "POST /requests/{reference}/messages" -> {
                Map<String, Object> body = JsonBodies.object(event);
                ReferenceCode reference = beneficiary(event, body);
                CaseEvent message = cases.receiveMessage(reference, JsonFields.requiredText(body, "text"));
                yield json(
                        201,
                        Map.of(
                                "at",
                                message.at().toString(),
                                "text",
                                message.text().orElse("")));
            }
            case "POST /requests/{reference}/handling-rating" -> {
                // The complainant's rating of the handling, behind the lookup's own check (same
                // digits or tracking code, same limits, same 404), once per complaint.
                Map<String, Object> body = JsonBodies.object(event);
                ServiceRequest complaint = lookups.check(LookupQueries.forRequest(event, body), event.sourceIp())
                        .request();
                ComplaintAnswers.RatingBody rating = ComplaintAnswers.ratingBody(body);
                yield json(201, ComplaintAnswers.rating(complaints.rate(complaint, rating.answer(), rating.comment())));
            }
            case "POST /requests/{reference}/contact-preference" -> {
                Map<String, Object> body = JsonBodies.object(event);
                ContactMethod now = contactChoices.change(
                        LookupQueries.forRequest(event, body), ContactChoices.fromJson(body), event.sourceIp());
                yield json(200, Map.of("preferredContact", now.wireName()));
            }
            case "GET /staff/requests/{reference}/documents" -> {
                ReferenceCode reference = staffReference(event);
                cases.openFor(reference, StaffIdentity.of(event));
                yield json(
                        200,
                        Map.of(
                                "documents",
                                documents.all(reference).stream()
                                        .map(DocumentsHandler::staffDocument)
                                        .toList()));
            }
            case "POST /staff/requests/{reference}/documents/uploads" -> {
                cases.openFor(staffReference(event), StaffIdentity.of(event));
                UploadRequest upload = UploadRequests.fromJson(JsonBodies.object(event));
                yield json(201, slot(documents.startUpload(staffReference(event), upload)));
            }
            case "POST /staff/requests/{reference}/documents/{documentId}/confirm" -> {
                StaffMember by = StaffIdentity.of(event);
                cases.openFor(staffReference(event), by);
                yield json(201, staffDocument(documents.confirm(staffReference(event), documentId(event), by.name())));
            }
            case "GET /staff/requests/{reference}/documents/{documentId}" -> {
                // A complaint about staff: its files are for managers' eyes as the complaint is.
                cases.openFor(staffReference(event), StaffIdentity.of(event));
                var url = documents.open(staffReference(event), documentId(event));
                yield json(
                        200,
                        Map.of(
                                "url",
                                url.toString(),
                                "expiresInSeconds",
                                DocumentService.DOWNLOAD_VALID_FOR.toSeconds()));
            }
            default -> throw new RequestNotFoundException();
        };
    }

    /** The lookup's own check: the path's reference with the body's four digits, counted on failure. */
    private ReferenceCode beneficiary(ApiEvent event, Map<String, Object> body) {
        return lookups.check(LookupQueries.forRequest(event, body), event.sourceIp())
                .request()
                .reference();
    }

    private static ReferenceCode staffReference(ApiEvent event) {
        return event.pathParameter("reference")
                .flatMap(ReferenceCode::parse)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("reference", ErrorCode.INVALID_REFERENCE)));
    }

    private static String documentId(ApiEvent event) {
        return event.pathParameter("documentId").orElse("");
    }

    private static Map<String, Object> slot(UploadSlot slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", slot.documentId());
        body.put("uploadUrl", slot.url().toString());
        body.put("method", "PUT");
        body.put("headers", slot.headers());
        body.put("contentType", slot.type().mediaType());
        body.put("size", slot.size());
        body.put("expiresAt", slot.expiresAt().toString());
        return body;
    }

    /** Name and date only: the beneficiary never gets a link to a file. */
    private static Map<String, Object> publicDocument(Document d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", d.id());
        body.put("name", d.name());
        body.put("at", d.at().toString());
        return body;
    }

    private static Map<String, Object> staffDocument(Document d) {
        Map<String, Object> body = publicDocument(d);
        body.put("contentType", d.type().mediaType());
        body.put("size", d.size());
        body.put("by", d.by());
        return body;
    }

    private static ApiResponse json(int status, Map<String, Object> body) {
        return ApiResponse.json(status, Json.write(body));
    }
}
