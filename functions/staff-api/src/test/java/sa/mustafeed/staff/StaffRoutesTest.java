package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.fakes.InMemoryDeliveryStatistics;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.staff.BeneficiaryRecords;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.localenv.SamTemplate;
import sa.mustafeed.testing.RepositoryRoot;

/** The staff API's table read as the authorization matrix it is. */
class StaffRoutesTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final sa.mustafeed.core.fakes.InMemorySavedReplies savedReplies =
            new sa.mustafeed.core.fakes.InMemorySavedReplies();
    private final StaffRoutes routes = new StaffRoutes(
            new CaseService(
                    repository,
                    new InMemoryMessaging().deliveryLog,
                    SampleServiceLevels.LEVELS,
                    SampleDrafts.HASHER,
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new SubmissionService(
                    RequestRules.forStaffChannels(),
                    repository,
                    SampleDrafts.HASHER,
                    SampleDrafts.clockAt(SampleDrafts.NOW),
                    new SplittableRandom(1),
                    "2026-11"),
            new InMemorySurveyStore(),
            (first, last) -> List.of(),
            new InMemoryDeliveryStatistics(),
            new BeneficiaryRecords(
                    repository,
                    new InMemoryMessaging().deliveryLog,
                    new InMemorySurveyStore(),
                    new SurveyTokens(SampleDrafts.HASHER),
                    SampleDrafts.HASHER,
                    new sa.mustafeed.core.fakes.InMemoryAuditLog(),
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new sa.mustafeed.core.staff.WorkQueueService(
                    new sa.mustafeed.core.fakes.InMemoryWorkQueue(repository, SampleServiceLevels.LEVELS),
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new sa.mustafeed.core.staff.SavedReplyService(savedReplies, SampleDrafts.clockAt(SampleDrafts.NOW)),
            new RecoveryRoutes(
                    new sa.mustafeed.core.recovery.FollowUpService(
                            new InMemorySurveyStore(),
                            sa.mustafeed.core.fakes.SampleServiceLevels.FOLLOW_UPS,
                            SampleDrafts.clockAt(SampleDrafts.NOW)),
                    new InMemorySurveyStore()),
            new sa.mustafeed.core.survey.KioskService(
                    new sa.mustafeed.core.fakes.InMemoryKioskRegistry(),
                    SampleDrafts.clockAt(SampleDrafts.NOW),
                    new SplittableRandom(3)),
            new ComplaintRoutes(new sa.mustafeed.core.complaints.ComplaintService(
                    new CaseService(
                            repository,
                            new InMemoryMessaging().deliveryLog,
                            SampleServiceLevels.LEVELS,
                            SampleDrafts.HASHER,
                            SampleDrafts.clockAt(SampleDrafts.NOW)),
                    repository,
                    SampleServiceLevels.COMPLAINTS,
                    SampleDrafts.clockAt(SampleDrafts.NOW))),
            SampleDrafts.clockAt(SampleDrafts.NOW));

    @Test
    void theTable_hasExactlyTheRoutesTemplateYamlGivesTheStaffFunction() throws Exception {
        SamTemplate template = SamTemplate.read(RepositoryRoot.resolve("template.yaml"));
        List<String> declared = template.functions().stream()
                .filter(f -> f.handler().startsWith(StaffApiHandler.class.getName() + "::"))
                .flatMap(f -> f.routes().stream())
                .map(r -> r.method() + " " + r.path())
                .sorted()
                .toList();
        assertEquals(declared, routes.table().keySet().stream().sorted().toList());
    }

    @Test
    void employeesWorkRequests_onlyManagersReadReportsAndHandleDataSubjectRequests() {
        Map<String, Role> matrix = routes.table().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().role(), (a, b) -> a, TreeMap::new));
        assertEquals(
                new TreeMap<>(Map.ofEntries(
                        Map.entry("GET /staff/colleagues", Role.STAFF),
                        Map.entry("POST /staff/requests/{reference}/assignee", Role.STAFF),
                        Map.entry("GET /staff/requests", Role.VOLUNTEER),
                        Map.entry("POST /staff/requests", Role.VOLUNTEER),
                        Map.entry("GET /staff/requests/{reference}", Role.STAFF),
                        Map.entry("POST /staff/requests/{reference}/status", Role.STAFF),
                        Map.entry("POST /staff/requests/{reference}/notes", Role.STAFF),
                        Map.entry("POST /staff/requests/{reference}/replies", Role.STAFF),
                        Map.entry("GET /staff/reports/service", Role.MANAGER),
                        Map.entry("GET /staff/exports/requests.csv", Role.MANAGER),
                        Map.entry("GET /staff/reports/satisfaction", Role.MANAGER),
                        Map.entry("GET /staff/exports/surveys.csv", Role.MANAGER),
                        Map.entry("POST /staff/beneficiaries/find", Role.MANAGER),
                        Map.entry("POST /staff/beneficiaries/export", Role.MANAGER),
                        Map.entry("POST /staff/beneficiaries/lookup", Role.STAFF),
                        Map.entry("POST /staff/beneficiaries/erase", Role.MANAGER),
                        Map.entry("GET /staff/audit", Role.MANAGER),
                        Map.entry("GET /staff/saved-replies", Role.STAFF),
                        Map.entry("POST /staff/saved-replies/{id}", Role.MANAGER),
                        Map.entry("POST /staff/saved-replies/{id}/delete", Role.MANAGER),
                        Map.entry("GET /staff/follow-ups", Role.STAFF),
                        Map.entry("POST /staff/follow-ups/{reference}", Role.STAFF),
                        Map.entry("GET /staff/feedback", Role.MANAGER),
                        Map.entry("GET /staff/kiosks", Role.MANAGER),
                        Map.entry("POST /staff/kiosks", Role.MANAGER),
                        Map.entry("POST /staff/kiosks/{id}/retire", Role.MANAGER),
                        // Staff pass the role check; the domain lets only managers and the assignee record.
                        Map.entry("POST /staff/requests/{reference}/outcome", Role.STAFF))),
                matrix);
    }

    @Test
    void aRoute_allowsItsRoleAndManagers_andARouteNotInTheTableIsNone() {
        StaffMember staff = new StaffMember("u1", "أمل", Role.STAFF);
        StaffMember manager = new StaffMember("u2", "نورة", Role.MANAGER);
        StaffRoute queue = routes.find("GET /staff/requests").orElseThrow();
        StaffRoute report = routes.find("GET /staff/reports/service").orElseThrow();
        assertTrue(queue.allows(staff));
        assertTrue(queue.allows(manager));
        assertFalse(report.allows(staff));
        assertTrue(report.allows(manager));
        StaffMember volunteer = new StaffMember("v1", "سعد", Role.VOLUNTEER);
        assertTrue(queue.allows(volunteer));
        assertFalse(routes.find("GET /staff/requests/{reference}").orElseThrow().allows(volunteer));
        assertFalse(report.allows(volunteer));
        assertEquals(Optional.empty(), routes.find("DELETE /staff/requests/{reference}"));
    }
}
