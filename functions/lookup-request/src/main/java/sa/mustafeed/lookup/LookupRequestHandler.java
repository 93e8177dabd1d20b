package sa.mustafeed.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import sa.mustafeed.aws.DynamoDbComplaints;
import sa.mustafeed.aws.DynamoDbFailedAttempts;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.aws.DynamoDbUnlockCodes;
import sa.mustafeed.aws.FunctionResources;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.core.complaints.ComplaintHandling;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.LookupResult;
import sa.mustafeed.core.request.LookupService;
import sa.mustafeed.core.request.LookupUnlocks;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.ComplaintAnswers;
import sa.mustafeed.http.HttpFunction;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;
import sa.mustafeed.http.LookupQueries;
import sa.mustafeed.http.SnapStartPriming;

/**
 * {@code POST /requests/lookup}: a beneficiary follows a request with its reference and mobile digits.
 * {@code POST /requests/unlock-code} and {@code /requests/unlock}: the owner's way back in when
 * someone else's guesses locked the lookup (a code sent by SMS to the phone on file, {@link LookupUnlocks}).
 */
public final class LookupRequestHandler implements RequestStreamHandler {
    private final LookupService lookups;
    private final LookupUnlocks unlocks;
    /** A complaint's outcome and rating (read only for complaints: a second Query of the same item). */
    private final Function<ReferenceCode, ComplaintHandling> complaints;
    /** Held here because org.crac keeps registered hooks only weakly. */
    private final Optional<SnapStartPriming> priming;

    /** Used by Lambda: builds the clients once per cold start (and primes them before a SnapStart snapshot). */
    public LookupRequestHandler() {
        this(FunctionResources.fromEnvironment());
    }

    private LookupRequestHandler(FunctionResources aws) {
        this(
                wire(aws),
                new DynamoDbComplaints(aws.dynamoDb(), aws.tableName())::handling,
                SnapStartPriming.registerIfSnapStart(() -> priming(new OfflineAwsClients())));
    }

    LookupRequestHandler(Services services) {
        this(services, reference -> ComplaintHandling.NONE, Optional.empty());
    }

    LookupRequestHandler(Services services, Function<ReferenceCode, ComplaintHandling> complaints) {
        this(services, complaints, Optional.empty());
    }

    private LookupRequestHandler(
            Services services,
            Function<ReferenceCode, ComplaintHandling> complaints,
            Optional<SnapStartPriming> priming) {
        this.lookups = services.lookups();
        this.unlocks = services.unlocks();
        this.complaints = complaints;
        this.priming = priming;
    }

    /** The lookup and its unlock, which share the failed-try counters. */
    record Services(LookupService lookups, LookupUnlocks unlocks) {}

    /**
     * A sample lookup through a copy of this handler whose SDK calls never leave the process. The
     * offline store holds nothing, so it takes the not-found path: Query, the attempt counters'
     * GetItem and UpdateItem, and the 404 answer.
     */
    static SnapStartPriming priming(OfflineAwsClients offline) {
        return new SnapStartPriming(
                () -> new LookupRequestHandler(wire(offline.functionResources())),
                SnapStartPriming.event(LookupRequestHandler.class, "priming-event.json"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, this::route);
    }

    ApiResponse route(ApiEvent event) {
        return switch (event.routeKey()) {
            case "POST /requests/unlock-code" -> {
                unlocks.requestCode(LookupQueries.unlockFromJson(JsonBodies.object(event)));
                // The same answer whether a code went out or not: it tells no one that the request
                // exists, that its lookup is locked, or that a code was sent already.
                yield ApiResponse.json(202, Json.write(Map.of("validForMinutes", LookupUnlocks.VALID_FOR.toMinutes())));
            }
            case "POST /requests/unlock" ->
                answer(unlocks.unlock(LookupQueries.unlockFromJson(JsonBodies.object(event)), event.sourceIp()));
            default -> answer(lookups.lookup(LookupQueries.fromJson(JsonBodies.object(event)), event.sourceIp()));
        };
    }

    private ApiResponse answer(LookupResult found) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reference", found.reference().display());
        answer.put("category", found.category().wireName());
        answer.put("categoryLabel", label(found.category().label()));
        answer.put("status", found.status().wireName());
        answer.put("statusLabel", label(found.status().label()));
        answer.put("submittedAt", found.submittedAt().toString());
        answer.put("updatedAt", found.updatedAt().toString());
        List<Map<String, Object>> timeline = found.timeline().stream()
                .map(entry -> {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("at", entry.at().toString());
                    step.put("type", entry.kind().wireName());
                    step.put("status", entry.status().wireName());
                    step.put("statusLabel", label(entry.status().label()));
                    entry.text().ifPresent(t -> step.put("text", t));
                    return step;
                })
                .toList();
        answer.put("timeline", timeline);
        // Names and dates of what the beneficiary sent; the files themselves are for staff only.
        answer.put(
                "documents",
                found.timeline().stream()
                        .filter(e -> e.kind() == TimelineEntry.Kind.DOCUMENT)
                        .map(e -> Map.of("name", e.text().orElse(""), "at", e.at().toString()))
                        .toList());
        // How we reach them, so the tracking page can offer the change (the address itself never).
        answer.put("preferredContact", found.preferredContact().wireName());
        // Told plainly so the page can say why no message will come and where the answer will be.
        answer.put("anonymous", found.preferredContact() == ContactMethod.NONE);
        answer.put(
                "contactChoices",
                found.contactChoices().stream().map(ContactMethod::wireName).toList());
        // A complaint's outcome once it is recorded, and whether its handling was rated (the page
        // asks the question until it is).
        ComplaintAnswers.addTo(
                answer,
                found.category() == Category.COMPLAINT ? complaints.apply(found.reference()) : ComplaintHandling.NONE);
        return ApiResponse.json(200, Json.write(answer));
    }

    private static Map<String, String> label(LocalizedText text) {
        return Map.of("ar", text.ar(), "en", text.en());
    }

    private static Services wire(FunctionResources aws) {
        DynamoDbRequestRepository requests = new DynamoDbRequestRepository(aws.dynamoDb(), aws.tableName());
        LookupService lookups = new LookupService(
                requests, new DynamoDbFailedAttempts(aws.dynamoDb(), aws.tableName()), aws.hasher(), Clock.systemUTC());
        return new Services(
                lookups,
                new LookupUnlocks(
                        lookups,
                        requests,
                        new DynamoDbUnlockCodes(aws.dynamoDb(), aws.tableName()),
                        aws.hasher(),
                        Clock.systemUTC()));
    }
}
