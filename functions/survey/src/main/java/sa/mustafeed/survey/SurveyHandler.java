package sa.mustafeed.survey;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.DynamoDbFailedAttempts;
import sa.mustafeed.aws.DynamoDbKioskRegistry;
import sa.mustafeed.aws.DynamoDbSurveyStore;
import sa.mustafeed.aws.FunctionResources;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.survey.KioskFeedback;
import sa.mustafeed.core.survey.SurveyService;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.ErrorAnswers;
import sa.mustafeed.http.HttpFunction;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;
import sa.mustafeed.http.ServiceLevelsFile;
import sa.mustafeed.http.SnapStartPriming;

/**
 * {@code GET|POST /surveys/{token}}, {@code POST /feedback} and {@code GET /kiosks/{kioskId}}:
 * satisfaction answers, never personal data.
 */
public final class SurveyHandler implements RequestStreamHandler {
    private static final Map<String, String> THANKS = Map.of(
            "ar", "شكرًا لك! رأيك يساعدنا على تحسين خدماتنا.",
            "en", "Thank you! Your opinion helps us improve our services.");

    /** The sample the priming hook answers; its token is signed at priming time with the offline key. */
    private static final String PRIMING_TOKEN = "{priming-token}";

    private final SurveyService surveys;
    /** Held here because org.crac keeps registered hooks only weakly. */
    private Optional<SnapStartPriming> priming = Optional.empty();

    /**
     * Used by Lambda: builds the clients and loads the signing key once per cold start (and primes them
     * before a SnapStart snapshot: a beneficiary opening the survey link from an SMS is waiting).
     */
    public SurveyHandler() {
        this(wire(FunctionResources.fromEnvironment()));
        this.priming = SnapStartPriming.registerIfSnapStart(() -> priming(new OfflineAwsClients()));
    }

    /**
     * Opening a survey link through a copy of this handler whose SDK calls never leave the process:
     * a token correctly signed (with the copy's throwaway key) for an invitation the empty offline
     * store does not hold, so the path runs the signature check, the invitation's GetItem and the 404
     * answer a person sees for a link that no longer exists.
     */
    static SnapStartPriming priming(OfflineAwsClients offline) {
        FunctionResources aws = offline.functionResources();
        SurveyTokens tokens = new SurveyTokens(aws.hasher());
        ReferenceCode reference = ReferenceCode.parse("MHF5Q2N7").orElseThrow();
        String token = tokens.issue(new SurveyTokens.Ticket(
                tokens.surveyIdFor(reference, 1), reference, Instant.now().plus(Duration.ofDays(14))));
        byte[] event = new String(
                        SnapStartPriming.event(SurveyHandler.class, "priming-event.json"), StandardCharsets.UTF_8)
                .replace(PRIMING_TOKEN, token)
                .getBytes(StandardCharsets.UTF_8);
        return new SnapStartPriming(() -> new SurveyHandler(wire(aws)), event);
    }

    SurveyHandler(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, this::route);
    }

    private ApiResponse route(ApiEvent event) {
        return switch (event.routeKey()) {
            case "GET /surveys/{token}" -> view(event);
            case "POST /surveys/{token}" -> {
                surveys.answer(token(event), SurveyBodies.answer(JsonBodies.object(event)));
                yield ApiResponse.json(201, Json.write(Map.of("thanks", THANKS)));
            }
            case "POST /feedback" -> feedback(event);
            case "GET /kiosks/{kioskId}" -> {
                // The tablet's page asks before showing the faces, so an unregistered tablet says so.
                String id = event.pathParameter("kioskId").orElse("");
                surveys.checkKiosk(id);
                yield ApiResponse.json(200, Json.write(Map.of("kioskId", id, "active", true)));
            }
            default -> throw new RequestNotFoundException();
        };
    }

    private ApiResponse view(ApiEvent event) {
        SurveyService.SurveyView view = surveys.open(token(event));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("association", label(view.association()));
        body.put("service", label(view.service()));
        body.put("language", view.language().wireName());
        body.put(
                "questions",
                SurveyService.QUESTIONS.entrySet().stream()
                        .map(q -> Map.of("id", q.getKey(), "label", label(q.getValue())))
                        .toList());
        body.put("needMetQuestion", label(SurveyService.NEED_MET));
        body.put("expiresAt", view.expiresAt().toString());
        return ApiResponse.json(200, Json.write(body));
    }

    private ApiResponse feedback(ApiEvent event) {
        KioskFeedback tap = SurveyBodies.kiosk(JsonBodies.object(event));
        try {
            surveys.kioskFeedback(tap);
        } catch (TooManyAttemptsException mashed) {
            // The visitor sees the same thank-you; only the count is refused.
            return ErrorAnswers.answer(429, List.of(FieldError.general(ErrorCode.TOO_MANY_FEEDBACK)))
                    .withHeader(
                            "retry-after",
                            Long.toString(Math.max(1, mashed.retryAfter().toSeconds())));
        }
        return ApiResponse.json(202, Json.write(Map.of("thanks", THANKS)));
    }

    private static String token(ApiEvent event) {
        return event.pathParameter("token").orElse("");
    }

    private static Map<String, String> label(LocalizedText text) {
        return Map.of("ar", text.ar(), "en", text.en());
    }

    private static SurveyService wire(FunctionResources aws) {
        return new SurveyService(
                new SurveyTokens(aws.hasher()),
                new DynamoDbSurveyStore(aws.dynamoDb(), aws.tableName()),
                new DynamoDbFailedAttempts(aws.dynamoDb(), aws.tableName()),
                // No cache of known ids: a cold start begins with an empty one anyway, and a warm tap's
                // consistent GetItem (a few ms, next to the rate counter's read and write and the
                // transaction) is what lets a retirement stop the counting at once, in every container.
                new DynamoDbKioskRegistry(aws.dynamoDb(), aws.tableName()),
                Clock.systemUTC(),
                new LocalizedText(Config.required("ASSOCIATION_NAME"), Config.required("ASSOCIATION_NAME_EN")),
                ServiceLevelsFile.followUps());
    }
}
