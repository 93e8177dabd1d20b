package sa.mustafeed.staff;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.DynamoDbAuditLog;
import sa.mustafeed.aws.DynamoDbCaseRepository;
import sa.mustafeed.aws.DynamoDbComplaints;
import sa.mustafeed.aws.DynamoDbDeliveryLog;
import sa.mustafeed.aws.DynamoDbDeliveryStatistics;
import sa.mustafeed.aws.DynamoDbFollowUps;
import sa.mustafeed.aws.DynamoDbKioskRegistry;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.aws.DynamoDbSavedReplies;
import sa.mustafeed.aws.DynamoDbServiceStatistics;
import sa.mustafeed.aws.DynamoDbSurveyFeedback;
import sa.mustafeed.aws.DynamoDbSurveyStatistics;
import sa.mustafeed.aws.DynamoDbSurveyStore;
import sa.mustafeed.aws.DynamoDbWorkQueue;
import sa.mustafeed.aws.FunctionResources;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.core.complaints.ComplaintService;
import sa.mustafeed.core.errors.AccessDeniedException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.ports.DeliveryStatistics;
import sa.mustafeed.core.ports.ServiceStatistics;
import sa.mustafeed.core.ports.SurveyStatistics;
import sa.mustafeed.core.recovery.FollowUpService;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.staff.BeneficiaryRecords;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.SavedReplyService;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.staff.WorkQueueService;
import sa.mustafeed.core.survey.KioskService;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.HttpFunction;
import sa.mustafeed.http.ServiceLevelsFile;
import sa.mustafeed.http.SnapStartPriming;
import sa.mustafeed.http.StaffIdentity;

/**
 * The staff console's API under {@code /staff/}: every route needs a signed-in employee; which
 * routes need a manager, and what each does, is the table in {@link StaffRoutes}.
 */
public final class StaffApiHandler implements RequestStreamHandler {
    private final StaffRoutes routes;
    /** Held here because org.crac keeps registered hooks only weakly. */
    private Optional<SnapStartPriming> priming = Optional.empty();

    /**
     * Used by Lambda: builds the clients and reads the service levels once per cold start (and primes
     * them before a SnapStart snapshot: an employee with a caller on the line is waiting).
     */
    public StaffApiHandler() {
        this(FunctionResources.fromEnvironment(), Clock.systemUTC());
        this.priming = SnapStartPriming.registerIfSnapStart(() -> priming(new OfflineAwsClients()));
    }

    /**
     * The work queue through a copy of this handler whose SDK calls never leave the process: the
     * authorizer's claims, the queue's index Query (empty offline) and the listing's JSON answer.
     */
    static SnapStartPriming priming(OfflineAwsClients offline) {
        return new SnapStartPriming(
                () -> new StaffApiHandler(offline.functionResources(), Clock.systemUTC()),
                SnapStartPriming.event(StaffApiHandler.class, "priming-event.json"));
    }

    private StaffApiHandler(FunctionResources aws, Clock clock) {
        this(aws, new DynamoDbDeliveryLog(aws.dynamoDb(), aws.tableName()), clock);
    }

    private StaffApiHandler(FunctionResources aws, DynamoDbDeliveryLog deliveries, Clock clock) {
        this(
                new CaseService(
                        new DynamoDbCaseRepository(aws.dynamoDb(), aws.tableName()),
                        deliveries,
                        ServiceLevelsFile.load(),
                        aws.hasher(),
                        clock),
                new SubmissionService(
                        RequestRules.forStaffChannels(),
                        new DynamoDbRequestRepository(aws.dynamoDb(), aws.tableName()),
                        aws.hasher(),
                        clock,
                        new SecureRandom(),
                        Config.optional("PRIVACY_NOTICE_VERSION").orElse("unversioned"),
                        ServiceLevelsFile.load()),
                new DynamoDbSurveyStatistics(aws.dynamoDb(), aws.tableName()),
                new DynamoDbServiceStatistics(aws.dynamoDb(), aws.tableName()),
                new DynamoDbDeliveryStatistics(aws.dynamoDb(), aws.tableName()),
                new BeneficiaryRecords(
                        new DynamoDbCaseRepository(aws.dynamoDb(), aws.tableName()),
                        deliveries,
                        new DynamoDbSurveyStore(aws.dynamoDb(), aws.tableName()),
                        new SurveyTokens(aws.hasher()),
                        aws.hasher(),
                        new DynamoDbAuditLog(aws.dynamoDb(), aws.tableName()),
                        clock),
                new WorkQueueService(new DynamoDbWorkQueue(aws.dynamoDb(), aws.tableName()), clock),
                new SavedReplyService(new DynamoDbSavedReplies(aws.dynamoDb(), aws.tableName()), clock),
                new RecoveryRoutes(
                        new FollowUpService(
                                new DynamoDbFollowUps(aws.dynamoDb(), aws.tableName()),
                                ServiceLevelsFile.followUps(),
                                clock),
                        new DynamoDbSurveyFeedback(aws.dynamoDb(), aws.tableName())),
                new KioskService(new DynamoDbKioskRegistry(aws.dynamoDb(), aws.tableName()), clock, new SecureRandom()),
                new ComplaintRoutes(new ComplaintService(
                        new CaseService(
                                new DynamoDbCaseRepository(aws.dynamoDb(), aws.tableName()),
                                deliveries,
                                ServiceLevelsFile.load(),
                                aws.hasher(),
                                clock),
                        new DynamoDbComplaints(aws.dynamoDb(), aws.tableName()),
                        ServiceLevelsFile.complaints(),
                        clock)),
                clock);
    }

    StaffApiHandler(
            CaseService cases,
            SubmissionService registrations,
            SurveyStatistics surveys,
            ServiceStatistics service,
            DeliveryStatistics deliveries,
            BeneficiaryRecords beneficiaries,
            WorkQueueService workQueue,
            SavedReplyService savedReplies,
            RecoveryRoutes recovery,
            KioskService kiosks,
            ComplaintRoutes complaints,
            Clock clock) {
        this.routes = new StaffRoutes(
                cases,
                registrations,
                surveys,
                service,
                deliveries,
                beneficiaries,
                workQueue,
                savedReplies,
                recovery,
                kiosks,
                complaints,
                clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, this::route);
    }

    /** Who is asking (401/403 before anything else), which route, whether their role may call it, then the route. */
    ApiResponse route(ApiEvent event) {
        StaffMember me = StaffIdentity.signedIn(event);
        StaffRoute route = routes.find(event.routeKey()).orElseThrow(RequestNotFoundException::new);
        if (!route.allows(me)) {
            throw new AccessDeniedException();
        }
        return route.action().handle(event, me);
    }
}
