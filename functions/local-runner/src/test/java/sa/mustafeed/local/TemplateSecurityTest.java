package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sa.mustafeed.localenv.SamTemplate;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * The security of the cloud shape, read from template.yaml: each function may do only what its code
 * does (least privilege), the site is served with strict security headers, and the API answers
 * browsers of the site's origin only.
 */
class TemplateSecurityTest {
    /**
     * What each function's code calls, from its adapters (grep the handler's wiring): the policy must
     * grant exactly these. A new call means a new line here, reviewed with the template change.
     */
    private static final Map<String, Set<String>> ACTIONS_USED = Map.of(
            // DynamoDbRequestRepository: TransactWriteItems of conditional Puts and the ADD of the
            // monthly service counters (UpdateItem), GetItem of the idempotency record, Query of
            // GSI2/GSI4 (open requests of the same person).
            "SubmitRequestFunction",
                    Set.of(
                            "dynamodb:PutItem",
                            "dynamodb:GetItem",
                            "dynamodb:Query",
                            "dynamodb:UpdateItem",
                            "secretsmanager:GetSecretValue"),
            // Query of one request partition; BatchGetItem + UpdateItem (ADD) + DeleteItem of RATE#
            // counters; DynamoDbUnlockCodes (conditional PutItem, UpdateItem, DeleteItem of UNLOCK#).
            "LookupRequestFunction",
                    Set.of(
                            "dynamodb:BatchGetItem",
                            "dynamodb:Query",
                            "dynamodb:UpdateItem",
                            "dynamodb:PutItem",
                            "dynamodb:DeleteItem",
                            "secretsmanager:GetSecretValue"),
            // DynamoDbCaseRepository (transactions of Update + Put + ConditionCheck, Query of indexes,
            // BatchGetItem of a national-ID search's hits, DeleteItem of the beneficiary's preferences
            // on PDPL erasure), DynamoDbRequestRepository (registrations), DynamoDbSurveyStatistics,
            // DynamoDbServiceStatistics and DynamoDbDeliveryStatistics (Query), DynamoDbDeliveryLog
            // (BatchGetItem of a request's message records), DynamoDbSavedReplies (Query of its
            // partition, GetItem, PutItem, DeleteItem), DynamoDbKioskRegistry (Query of its
            // partition, conditional PutItem, UpdateItem).
            "StaffApiFunction",
                    Set.of(
                            "dynamodb:GetItem",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:ConditionCheckItem",
                            "dynamodb:Query",
                            "dynamodb:BatchGetItem",
                            "dynamodb:DeleteItem",
                            "secretsmanager:GetSecretValue"),
            // DynamoDbSurveyStore (GetItem, transactions of Put + Update; a Delete when details
            // withdraw an anonymous answer's follow-up), DynamoDbFailedAttempts,
            // DynamoDbKioskRegistry.find (GetItem).
            "SurveyFunction",
                    Set.of(
                            "dynamodb:GetItem",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:DeleteItem",
                            "secretsmanager:GetSecretValue"),
            // The stream (SAM's DynamoDBStreamReadPolicy), sent-message records, preferences and survey
            // offers (GetItem, UpdateItem, PutItem), SNS SMS (when SmsProvider is sns; Unifonic needs
            // no IAM), WhatsApp through End User Messaging Social (when a number is configured), the
            // messaging secret (Unifonic's AppSid), SES email, the dead-letter queue.
            "NotifyFunction",
                    Set.of(
                            "dynamodb:DescribeStream",
                            "dynamodb:GetRecords",
                            "dynamodb:GetShardIterator",
                            "dynamodb:ListStreams",
                            "dynamodb:GetItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:PutItem",
                            "secretsmanager:GetSecretValue",
                            "sns:Publish",
                            "sns:CheckIfPhoneNumberIsOptedOut",
                            "social-messaging:SendWhatsAppMessage",
                            "ses:SendEmail",
                            "sqs:SendMessage"),
            // DocumentsHandler: LookupService's check (Query + RATE# GetItem/UpdateItem),
            // DynamoDbDocumentRecords (transaction of ConditionCheck + Puts, GetItem, Query), the move
            // back to the queue (DynamoDbCaseRepository: Update + Put + counter Update), the contact
            // choice (DynamoDbRequestRepository.changeContact: one conditional UpdateItem), and
            // S3DocumentStorage (presigned PUT/GET, HEAD and ranged GET = GetObject, DeleteObject), and
            // the lookup's check (BatchGetItem of RATE# counters, UpdateItem ADD).
            "DocumentsFunction",
                    Set.of(
                            "dynamodb:Query",
                            "dynamodb:GetItem",
                            "dynamodb:BatchGetItem",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:ConditionCheckItem",
                            "s3:PutObject",
                            "s3:GetObject",
                            "s3:DeleteObject",
                            "secretsmanager:GetSecretValue"),
            // DynamoDbDeliveryLog: GetItem of the DLV# index and the MSG# record, a transaction of two
            // Updates (the leg, the DLVAGG# counter), UpdateItem of the request's reach numbers; the
            // webhook token from the messaging secret.
            "DeliveryReceiptsFunction",
                    Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "secretsmanager:GetSecretValue"));

    /** Table actions a function may only take on partitions it owns (dynamodb:LeadingKeys). */
    private static final Map<String, Set<String>> PINNED_TO_OWN_PARTITIONS = Map.of(
            "LookupRequestFunction",
                    Set.of("dynamodb:BatchGetItem", "dynamodb:UpdateItem", "dynamodb:PutItem", "dynamodb:DeleteItem"),
            "StaffApiFunction", Set.of("dynamodb:DeleteItem"),
            "SubmitRequestFunction", Set.of("dynamodb:UpdateItem"),
            "SurveyFunction",
                    Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
            "NotifyFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"));

    /** The SAM policy templates the template may use, with the actions SAM expands them to. */
    private static final Map<String, Set<String>> POLICY_TEMPLATES = Map.of(
            "DynamoDBStreamReadPolicy",
            Set.of(
                    "dynamodb:DescribeStream",
                    "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator",
                    "dynamodb:ListStreams"));

    private static final Set<String> NEVER = Set.of(
            "dynamodb:Scan",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:DeleteTable",
            "dynamodb:UpdateTable",
            "dynamodb:PartiQLDelete",
            "dynamodb:PartiQLSelect",
            "secretsmanager:PutSecretValue",
            "secretsmanager:DeleteSecret");

    private static SamTemplate template;

    @BeforeAll
    static void read() throws IOException {
        template = SamTemplate.read(RepositoryRoot.resolve("template.yaml"));
    }

    private record Statement(String sid, Set<String> actions, List<Object> resources, Map<String, Object> condition) {}

    @SuppressWarnings("unchecked")
    private static List<Statement> statements(String function) {
        List<Statement> out = new ArrayList<>();
        Object policies = template.properties(function).get("Policies");
        List<Object> list =
                policies instanceof List<?> l ? (List<Object>) l : policies == null ? List.of() : List.of(policies);
        for (Object policy : list) {
            if (policy instanceof String managed) {
                fail(function + " attaches the managed policy " + managed + ": write the statements it needs instead");
            }
            Map<String, Object> map = (Map<String, Object>) policy;
            if (map.containsKey("Statement")) {
                for (Object raw : conditional((List<Object>) map.get("Statement"))) {
                    Map<String, Object> s = (Map<String, Object>) raw;
                    assertEquals("Allow", s.get("Effect"), function + ": only Allow statements expected");
                    assertFalse(
                            s.containsKey("NotAction") || s.containsKey("NotResource"),
                            function + ": NotAction/NotResource grant everything else");
                    Object action = s.get("Action");
                    Set<String> actions = new TreeSet<>();
                    (action instanceof List<?> a ? a : List.of(action)).forEach(x -> actions.add(String.valueOf(x)));
                    Object resource = s.get("Resource");
                    out.add(new Statement(
                            String.valueOf(s.get("Sid")),
                            actions,
                            resource instanceof List<?> r ? (List<Object>) r : List.of(resource),
                            s.get("Condition") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of()));
                }
            } else {
                map.forEach((name, parameters) -> {
                    Set<String> expanded = POLICY_TEMPLATES.get(name);
                    assertNotNull(
                            expanded,
                            function + " uses the policy template " + name
                                    + ": add its expansion to POLICY_TEMPLATES after checking it grants no more than needed");
                    out.add(new Statement(name, expanded, List.of("template"), Map.of()));
                });
            }
        }
        return out;
    }

    /**
     * Statements with {@code !If [Condition, statement, !Ref AWS::NoValue]} count as granted: the
     * checks hold for every choice of parameters.
     */
    @SuppressWarnings("unchecked")
    private static List<Object> conditional(List<Object> statements) {
        List<Object> out = new ArrayList<>();
        for (Object raw : statements) {
            Object choice = ((Map<String, Object>) raw).get("Fn::If");
            if (choice instanceof List<?> branches) {
                branches.stream()
                        .skip(1)
                        .filter(b -> b instanceof Map<?, ?> m && m.containsKey("Effect"))
                        .forEach(out::add);
            } else {
                out.add(raw);
            }
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatsAppAndSnsSms_areGrantedOnlyWhenConfigured_andWhatsAppOnlyForItsOneNumber() {
        List<Object> statements = (List<Object>) ((Map<String, Object>)
                        ((List<Object>) template.properties("NotifyFunction").get("Policies")).get(1))
                .get("Statement");
        Map<String, Object> byCondition = new java.util.HashMap<>();
        for (Object raw : statements) {
            if (((Map<String, Object>) raw).get("Fn::If") instanceof List<?> branches) {
                assertEquals(Map.of("Ref", "AWS::NoValue"), branches.get(2), "off when not configured");
                byCondition.put(String.valueOf(branches.get(0)), branches.get(1));
            }
        }
        Map<String, Object> whatsApp = (Map<String, Object>) byCondition.get("HasWhatsApp");
        assertEquals("social-messaging:SendWhatsAppMessage", whatsApp.get("Action"));
        assertTrue(
                String.valueOf(whatsApp.get("Resource")).contains(":phone-number-id/${Id}"),
                "one phone number, not every resource");
        assertEquals("SendSms", ((Map<String, Object>) byCondition.get("SendsSmsWithSns")).get("Sid"));
    }

    /**
     * The notifier counts the survey links it sends on the month's satisfaction counters (for the
     * response rate): UpdateItem only, on SURVEYAGG# only, of the {@code sent} counter only, so it
     * can neither read nor change an answer's tallies.
     */
    @Test
    @SuppressWarnings("unchecked")
    void notifier_mayOnlyCountSurveyLinksSentOnTheSatisfactionCounters() {
        List<Statement> onCounters = statements("NotifyFunction").stream()
                .filter(st -> String.valueOf(st.condition()).contains("SURVEYAGG#"))
                .toList();
        assertEquals(1, onCounters.size(), "one statement reaches the satisfaction counters");
        Statement counting = onCounters.getFirst();
        assertEquals(Set.of("dynamodb:UpdateItem"), counting.actions());
        assertEquals(
                List.of("SURVEYAGG#*"),
                ((Map<String, Object>) counting.condition().get("ForAllValues:StringLike"))
                        .get("dynamodb:LeadingKeys"));
        assertEquals(
                List.of("PK", "SK", "sent", "entity"),
                ((Map<String, Object>) counting.condition().get("ForAllValues:StringEquals"))
                        .get("dynamodb:Attributes"));
    }

    /**
     * The notifier and the receipts write one thing on a request item, whether its latest message
     * reached the person: their UpdateItem on REQ# names those two attributes and nothing else.
     */
    @Test
    @SuppressWarnings("unchecked")
    void notifierAndReceipts_mayWriteOnlyTheReachNumbersOnARequest() {
        for (String function : List.of("NotifyFunction", "DeliveryReceiptsFunction")) {
            List<Statement> onRequests = statements(function).stream()
                    .filter(st -> st.actions().contains("dynamodb:UpdateItem"))
                    .filter(st -> String.valueOf(st.condition()).contains("REQ#"))
                    .toList();
            assertEquals(1, onRequests.size(), function + ": one statement lets it update request items");
            Map<String, Object> condition = onRequests.getFirst().condition();
            assertEquals(
                    List.of("PK", "SK", "reachedVersion", "notReachedVersion"),
                    ((Map<String, Object>) condition.get("ForAllValues:StringEquals")).get("dynamodb:Attributes"),
                    function);
            assertEquals(
                    List.of("REQ#*"),
                    ((Map<String, Object>) condition.get("ForAllValues:StringLike")).get("dynamodb:LeadingKeys"),
                    function + ": that statement covers request items only");
        }
    }

    @Test
    void everyFunction_hasItsActionsListedHere() {
        assertEquals(
                new TreeSet<>(ACTIONS_USED.keySet()),
                new TreeSet<>(template.logicalIdsOfType("AWS::Serverless::Function")),
                "a function without a reviewed list of the actions it uses");
    }

    @Test
    void eachFunction_isAllowedExactlyTheActionsItsCodeUses() {
        ACTIONS_USED.forEach((function, used) -> {
            Set<String> granted = new TreeSet<>();
            statements(function).forEach(s -> granted.addAll(s.actions()));
            for (String action : granted) {
                assertFalse(action.contains("*"), function + " is granted a wildcard action " + action);
                // The one delete: PDPL erasure of a beneficiary's preferences and a manager's removal of a
                // saved reply, pinned to those partitions (theStaffFunctionsDeletes_...).
                // The survey function's withdrawal of an anonymous answer's follow-up, likewise pinned
                // (theSurveyFunctionsDeletes_reachOnlyFollowUps).
                // The lookup's, of a used unlock code and the counters it clears, pinned to RATE# and
                // UNLOCK# (theLookupsDeletes_reachOnlyCountersAndUnlockCodes).
                boolean erasure = (function.equals("StaffApiFunction")
                                || function.equals("SurveyFunction")
                                || function.equals("LookupRequestFunction"))
                        && action.equals("dynamodb:DeleteItem");
                assertFalse(NEVER.contains(action) && !erasure, function + " is granted " + action);
            }
            assertEquals(new TreeSet<>(used), granted, function + ": granted actions differ from those its code uses");
        });
    }

    @Test
    void theLookupsDeletes_reachOnlyCountersAndUnlockCodes() {
        List<Statement> deletes = statements("LookupRequestFunction").stream()
                .filter(s -> s.actions().contains("dynamodb:DeleteItem"))
                .toList();
        assertEquals(2, deletes.size());
        for (Statement s : deletes) {
            Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
            assertNotNull(like, s.sid());
            List<?> keys = (List<?>) like.get("dynamodb:LeadingKeys");
            assertTrue(List.of(List.of("RATE#*"), List.of("UNLOCK#*")).contains(keys), s.sid() + ": " + keys);
        }
    }

    @Test
    void onlySmsPublishing_isGrantedOnEveryResource() {
        ACTIONS_USED
                .keySet()
                .forEach(function -> statements(function).forEach(s -> {
                    if (s.resources().contains("*")) {
                        assertEquals(
                                Set.of("sns:Publish", "sns:CheckIfPhoneNumberIsOptedOut"),
                                s.actions(),
                                function + "/" + s.sid() + " grants on Resource \"*\"");
                    }
                }));
    }

    private static final List<String> REACH_ONLY = List.of("PK", "SK", "reachedVersion", "notReachedVersion");
    private static final List<String> PHONE_ONLY = List.of("PK", "SK", "mobile", "language");

    /**
     * The data-plane grants an outside test found unpinned (issue 18, item 5): the submit's puts and
     * its one read by key, the lookup's Query and the submit's index queries each name the
     * partitions they use, never the whole table; and the staff function's item reads and writes.
     */
    @Test
    void thePublicFunctionsDataPlaneGrants_namePartitionsTheyUse() {
        Map<String, Map<String, List<String>>> expected = Map.of(
                "SubmitRequestFunction",
                        Map.of(
                                "dynamodb:PutItem", List.of("REQ#*", "IDEM#*"),
                                "dynamodb:GetItem", List.of("IDEM#*"),
                                "dynamodb:Query", List.of("BEN#*", "NID#*")),
                "LookupRequestFunction", Map.of("dynamodb:Query", List.of("REQ#*")),
                // Read from every adapter the staff API wires: never RATE#, UNLOCK#, DLV# or a
                // survey cooldown; MSG#, SURVEY# and ANSWER# only for erasure's updates.
                "StaffApiFunction",
                        Map.of(
                                "dynamodb:GetItem",
                                        List.of("REQ#*", "IDEM#*", "STAFFDIR", "SAVEDREPLY", "SURVEY#*", "FOLLOWUP#*"),
                                "dynamodb:PutItem",
                                        List.of(
                                                "REQ#*",
                                                "REGBY#*",
                                                "IDEM#*",
                                                "STAFFDIR",
                                                "SAVEDREPLY",
                                                "KIOSK",
                                                "AUDIT#*",
                                                "FOLLOWUPAGG#*"),
                                "dynamodb:UpdateItem",
                                        List.of(
                                                "REQ#*",
                                                "SVCAGG#*",
                                                "KIOSK",
                                                "FOLLOWUP#*",
                                                "PREF#*",
                                                "MSG#*",
                                                "SURVEY#*",
                                                "ANSWER#*"),
                                "dynamodb:ConditionCheckItem", List.of("REQ#*")));
        expected.forEach((function, byAction) -> byAction.forEach((action, keys) -> {
            List<Statement> granting = statements(function).stream()
                    .filter(st -> st.actions().contains(action))
                    .toList();
            assertEquals(1, granting.size(), function + " " + action + ": one statement grants it");
            Map<?, ?> like = (Map<?, ?>) granting.getFirst().condition().get("ForAllValues:StringLike");
            assertNotNull(like, function + " " + action + " not limited by dynamodb:LeadingKeys");
            assertEquals(keys, like.get("dynamodb:LeadingKeys"), function + " " + action);
        }));
    }

    @Test
    void tableWritesOfTheSideFunctions_arePinnedToTheirOwnPartitions() {
        PINNED_TO_OWN_PARTITIONS.forEach((function, actions) -> {
            for (Statement s : statements(function)) {
                for (String action : s.actions()) {
                    if (actions.contains(action) && !s.sid().equals("DynamoDBStreamReadPolicy")) {
                        Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
                        assertNotNull(
                                like,
                                function + "/" + s.sid() + ": " + action + " not limited by dynamodb:LeadingKeys");
                        List<?> keys = (List<?>) like.get("dynamodb:LeadingKeys");
                        // A request item only through the two reach numbers (the test above holds those).
                        Object attributes = ((Map<?, ?>)
                                        s.condition().getOrDefault("ForAllValues:StringEquals", Map.of()))
                                .get("dynamodb:Attributes");
                        // or, for the notifier's GetItem only, the phone on file and its language
                        boolean reachOnly = REACH_ONLY.equals(attributes)
                                || action.equals("dynamodb:GetItem") && PHONE_ONLY.equals(attributes);
                        assertTrue(
                                keys != null
                                        && !keys.isEmpty()
                                        && keys.stream()
                                                .noneMatch(k -> k.equals("*")
                                                        || String.valueOf(k).startsWith("REQ#") && !reachOnly),
                                function + ": " + keys);
                    }
                }
            }
        });
    }

    @Test
    void theStaffFunction_batchReadsOnlyRequestItemsAndMessageRecords() {
        List<Statement> batchReads = statements("StaffApiFunction").stream()
                .filter(s -> s.actions().contains("dynamodb:BatchGetItem"))
                .toList();
        assertEquals(1, batchReads.size(), "one statement grants the staff function's BatchGetItem");
        Statement s = batchReads.getFirst();
        assertEquals(Set.of("dynamodb:BatchGetItem"), s.actions(), s.sid() + ": nothing else under the pin");
        Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
        assertNotNull(like, s.sid() + ": BatchGetItem not limited by dynamodb:LeadingKeys");
        // the national-ID search's hits (DynamoDbCaseSearch) and the request page's message records
        // (DynamoDbDeliveryLog.deliveriesOf)
        assertEquals(List.of("REQ#*", "MSG#*"), like.get("dynamodb:LeadingKeys"));
        assertEquals(
                List.of(Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn"))),
                s.resources(),
                "the table only: the hits are read by key, not from an index");
    }

    @Test
    void theStaffFunctionsDeletes_reachOnlyPreferencesAndSavedReplies() {
        List<Object> keys = statements("StaffApiFunction").stream()
                .filter(s -> s.actions().contains("dynamodb:DeleteItem"))
                .flatMap(s -> {
                    assertEquals(Set.of("dynamodb:DeleteItem"), s.actions(), s.sid() + ": nothing else under the pin");
                    Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
                    assertNotNull(like, s.sid() + ": DeleteItem not limited by dynamodb:LeadingKeys");
                    return ((List<?>) like.get("dynamodb:LeadingKeys")).stream().map(k -> (Object) k);
                })
                .sorted(java.util.Comparator.comparing(String::valueOf))
                .toList();
        // PDPL erasure (DynamoDbErasure; a survey's follow-up in DynamoDbSurveyStore.forget),
        // DynamoDbSavedReplies.delete and a recorded follow-up leaving the open list
        // (DynamoDbFollowUps.record): never a request's partition
        assertEquals(List.of("FOLLOWUP#*", "FOLLOWUPS", "PREF#*", "SAVEDREPLY", "SURVEYPREF#*"), keys);
    }

    @Test
    void theSurveyFunctionsDeletes_reachOnlyFollowUps() {
        List<Object> keys = statements("SurveyFunction").stream()
                .filter(s -> s.actions().contains("dynamodb:DeleteItem"))
                .flatMap(s -> {
                    assertEquals(Set.of("dynamodb:DeleteItem"), s.actions(), s.sid() + ": nothing else under the pin");
                    Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
                    assertNotNull(like, s.sid() + ": DeleteItem not limited by dynamodb:LeadingKeys");
                    return ((List<?>) like.get("dynamodb:LeadingKeys")).stream().map(k -> (Object) k);
                })
                .toList();
        // FollowUpItems' withdrawal: the open list and the request's follow-up partition, no answer,
        // invitation or counter
        assertEquals(List.of("FOLLOWUPS", "FOLLOWUP#*"), keys);
    }

    @Test
    void theStaffFunctionsTableQueries_readOnlyRequestPartitionsAndReportCounters() {
        List<Statement> queries = statements("StaffApiFunction").stream()
                .filter(s -> s.actions().contains("dynamodb:Query"))
                .toList();
        Object table = Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn"));
        List<Statement> onTable =
                queries.stream().filter(s -> s.resources().contains(table)).toList();
        assertEquals(1, onTable.size(), "one statement grants Query on the table itself");
        Statement s = onTable.getFirst();
        assertEquals(Set.of("dynamodb:Query"), s.actions(), s.sid() + ": nothing else under the pin");
        assertEquals(List.of(table), s.resources(), s.sid() + ": the table only; the indexes have their own statement");
        Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
        assertNotNull(like, s.sid() + ": Query of the table not limited by dynamodb:LeadingKeys");
        // a request's partition (DynamoDbCaseRepository.find, DynamoDbErasure); the month's service,
        // satisfaction and delivery counters (DynamoDbServiceStatistics, DynamoDbSurveyStatistics,
        // DynamoDbDeliveryStatistics); the staff directory, to offer whom a request can be given
        // (DynamoDbWorkQueue.colleagues); one person's registrations (DynamoDbRegistrations); a month
        // of the PDPL audit log (DynamoDbAuditLog.month); the saved replies (DynamoDbSavedReplies.all);
        // the follow-ups, open, of a request and counted (DynamoDbFollowUps); a month's answers
        // (DynamoDbSurveyFeedback); the kiosk registry (DynamoDbKioskRegistry.all)
        assertEquals(
                List.of(
                        "REQ#*",
                        "SVCAGG#*",
                        "SURVEYAGG#*",
                        "DLVAGG#*",
                        "STAFFDIR",
                        "REGBY#*",
                        "AUDIT#*",
                        "SAVEDREPLY",
                        "FOLLOWUPS",
                        "FOLLOWUP#*",
                        "FOLLOWUPAGG#*",
                        "ANSWER#*",
                        "KIOSK"),
                like.get("dynamodb:LeadingKeys"));
        for (Statement other : queries) {
            if (other != s) {
                assertEquals(
                        List.of(Map.of("Fn::Sub", "${RequestsTable.Arn}/index/*")),
                        other.resources(),
                        other.sid() + ": an unpinned Query may read the indexes only");
            }
        }
    }

    /**
     * The survey function writes answers, counters, rate counters and follow-ups, and reads the kiosk registry:
     * GetItem only there, so a public route can never register, revive or retire a kiosk.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSurveyFunction_writesItsOwnPartitions_andOnlyReadsTheKioskRegistry() {
        Map<String, Object> byKeys = new LinkedHashMap<>();
        for (Statement s : statements("SurveyFunction")) {
            if (s.actions().stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
                assertNotNull(like, s.sid() + ": table access not limited by dynamodb:LeadingKeys");
                byKeys.put(String.valueOf(like.get("dynamodb:LeadingKeys")), new TreeSet<>(s.actions()));
            }
        }
        assertEquals(
                Map.of(
                        "[SURVEY#*, ANSWER#*, SURVEYAGG#*, RATE#*]",
                        new TreeSet<>(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem")),
                        // Service recovery: an answer creates and settles its follow-up, and details
                        // that turn anonymous withdraw it (deletes on those two prefixes only).
                        "[FOLLOWUPS, FOLLOWUP#*, FOLLOWUPAGG#*]",
                        new TreeSet<>(Set.of("dynamodb:PutItem", "dynamodb:UpdateItem")),
                        "[FOLLOWUPS, FOLLOWUP#*]",
                        new TreeSet<>(Set.of("dynamodb:DeleteItem")),
                        "[KIOSK]",
                        new TreeSet<>(Set.of("dynamodb:GetItem"))),
                byKeys);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentsFunction_touchesOnlyRequestPartitionsAndObjectsUnderRequests() {
        for (Statement s : statements("DocumentsFunction")) {
            if (s.actions().stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                Map<?, ?> like = (Map<?, ?>) s.condition().get("ForAllValues:StringLike");
                assertNotNull(like, s.sid() + ": table access not limited by dynamodb:LeadingKeys");
                assertEquals(List.of("REQ#*", "RATE#*", "SVCAGG#*"), like.get("dynamodb:LeadingKeys"));
                assertEquals(
                        List.of(Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn"))),
                        s.resources(),
                        "no index: the function reads requests by reference only");
            }
            if (s.actions().stream().anyMatch(a -> a.startsWith("s3:"))) {
                assertEquals(List.of(Map.of("Fn::Sub", "${DocumentsBucket.Arn}/requests/*")), s.resources(), s.sid());
            }
        }
        ACTIONS_USED.forEach((function, used) -> {
            if (!function.equals("DocumentsFunction")) {
                assertTrue(used.stream().noneMatch(a -> a.startsWith("s3:")), function + " needs no S3");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentsBucket_isPrivateEncryptedExpiringAndOpenToTheSiteOriginForPutsOnly() {
        Map<String, Object> bucket = template.properties("DocumentsBucket");
        assertEquals(
                Map.of(
                        "BlockPublicAcls",
                        true,
                        "BlockPublicPolicy",
                        true,
                        "IgnorePublicAcls",
                        true,
                        "RestrictPublicBuckets",
                        true),
                bucket.get("PublicAccessBlockConfiguration"));
        Map<String, Object> encryption = (Map<String, Object>) ((List<Object>)
                        ((Map<String, Object>) bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"))
                .getFirst();
        assertTrue(Set.of("AES256", "aws:kms")
                .contains(((Map<String, Object>) encryption.get("ServerSideEncryptionByDefault")).get("SSEAlgorithm")));
        List<Object> rules = (List<Object>) ((Map<String, Object>) bucket.get("CorsConfiguration")).get("CorsRules");
        for (Object raw : rules) {
            Map<String, Object> rule = (Map<String, Object>) raw;
            assertEquals(List.of(Map.of("Ref", "AllowedOrigin")), rule.get("AllowedOrigins"));
            assertEquals(List.of("PUT"), rule.get("AllowedMethods"));
            assertFalse(String.valueOf(rule.get("AllowedHeaders")).contains("*"), "any header allowed");
            // Every header the presigned PUT signs must pass the browser's preflight, or uploads fail
            // in AWS while passing here (moto does not enforce CORS).
            for (String metadata : List.of(
                    sa.mustafeed.aws.S3DocumentStorage.NAME_METADATA,
                    sa.mustafeed.aws.S3DocumentStorage.SIZE_METADATA)) {
                assertTrue(((List<Object>) rule.get("AllowedHeaders")).contains("x-amz-meta-" + metadata), metadata);
            }
        }
        List<Object> lifecycle =
                (List<Object>) ((Map<String, Object>) bucket.get("LifecycleConfiguration")).get("Rules");
        assertTrue(
                lifecycle.stream().anyMatch(r -> ((Map<String, Object>) r).get("ExpirationInDays") != null),
                "documents kept forever: the privacy notice promises a retention period");
        Map<String, Object> policy = (Map<String, Object>)
                template.properties("DocumentsBucketPolicy").get("PolicyDocument");
        Map<String, Object> deny = (Map<String, Object>) ((List<Object>) policy.get("Statement")).getFirst();
        assertEquals("Deny", deny.get("Effect"));
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), deny.get("Condition"));
        assertEquals("Retain", template.resource("DocumentsBucket").get("DeletionPolicy"));
    }

    @Test
    void everyFunction_logsToItsOwnGroupWithRetention() {
        ACTIONS_USED.keySet().forEach(function -> {
            Map<?, ?> logging = (Map<?, ?>) template.properties(function).get("LoggingConfig");
            Object group = ((Map<?, ?>) logging.get("LogGroup")).get("Ref");
            assertEquals("AWS::Logs::LogGroup", template.type(String.valueOf(group)), function);
            assertNotNull(
                    template.properties(String.valueOf(group)).get("RetentionInDays"), group + " keeps logs forever");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReceipts_touchDeliveryItemsAndOnlyTheTwoReachNumbersOfARequest() {
        Map<String, Statement> bySid = new LinkedHashMap<>();
        statements("DeliveryReceiptsFunction").forEach(s -> bySid.put(s.sid(), s));
        Object table = Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn"));

        Statement find = bySid.get("FindLegsAndTheirMessages");
        assertEquals(Set.of("dynamodb:GetItem"), find.actions());
        assertEquals(List.of(table), find.resources(), "the table only, no index");
        assertEquals(
                Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("DLV#*", "MSG#*"))),
                find.condition());

        Statement settle = bySid.get("SettleLegsAndCountThem");
        assertEquals(Set.of("dynamodb:UpdateItem"), settle.actions());
        assertEquals(List.of(table), settle.resources());
        assertEquals(
                Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("MSG#*", "DLVAGG#*"))),
                settle.condition());

        // The one grant on request items: UpdateItem naming no attribute but the key and the two
        // numbers, returning nothing (so it can read no personal data back either).
        Statement reach = bySid.get("RecordWhetherTheRequestReachedItsPerson");
        assertEquals(Set.of("dynamodb:UpdateItem"), reach.actions());
        assertEquals(List.of(table), reach.resources());
        assertEquals(
                Map.of(
                        "ForAllValues:StringLike",
                        Map.of("dynamodb:LeadingKeys", List.of("REQ#*")),
                        "ForAllValues:StringEquals",
                        Map.of("dynamodb:Attributes", List.of("PK", "SK", "reachedVersion", "notReachedVersion")),
                        "StringEqualsIfExists",
                        Map.of("dynamodb:ReturnValues", List.of("NONE"))),
                reach.condition());

        Statement secret = bySid.get("ReadWebhookToken");
        assertEquals(Set.of("secretsmanager:GetSecretValue"), secret.actions());
        assertEquals(List.of(Map.of("Ref", "MessagingProviderSecret")), secret.resources(), "not the hashing key");
        assertEquals(
                Set.of(
                        "FindLegsAndTheirMessages",
                        "SettleLegsAndCountThem",
                        "RecordWhetherTheRequestReachedItsPerson",
                        "ReadWebhookToken"),
                bySid.keySet());
        assertEquals(
                Map.of("MESSAGING_SECRET_ARN", Map.of("Ref", "MessagingProviderSecret")),
                template.properties("DeliveryReceiptsFunction").get("Environment") instanceof Map<?, ?> env
                        ? (Map<String, Object>) env.get("Variables")
                        : Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWhatsAppEventsTopic_isEncryptedAndOnlyEndUserMessagingSocialPublishesToIt() {
        assertEquals(
                Map.of("Ref", "WhatsAppEventsKey"),
                template.properties("WhatsAppEventsTopic").get("KmsMasterKeyId"),
                "a customer managed key: the AWS managed one cannot let the service encrypt");
        Map<String, Object> key = template.properties("WhatsAppEventsKey");
        assertEquals("AWS::KMS::Key", template.type("WhatsAppEventsKey"));
        assertEquals(Boolean.TRUE, key.get("EnableKeyRotation"));
        for (Object raw : (List<Object>) ((Map<String, Object>) key.get("KeyPolicy")).get("Statement")) {
            Map<String, Object> s = (Map<String, Object>) raw;
            Map<String, Object> principal = (Map<String, Object>) s.get("Principal");
            if (principal.containsKey("Service")) {
                assertEquals("social-messaging.amazonaws.com", principal.get("Service"));
                assertEquals(List.of("kms:GenerateDataKey*", "kms:Decrypt"), s.get("Action"));
                assertEquals(
                        Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))),
                        s.get("Condition"));
            } else {
                assertEquals(
                        Map.of("AWS", Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root")),
                        principal,
                        "only the account itself administers the key");
            }
        }

        Map<String, Object> policy = template.properties("WhatsAppEventsTopicPolicy");
        assertEquals(List.of(Map.of("Ref", "WhatsAppEventsTopic")), policy.get("Topics"));
        List<Object> statements = (List<Object>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
        List<Map<String, Object>> allows = statements.stream()
                .map(s -> (Map<String, Object>) s)
                .filter(s -> "Allow".equals(s.get("Effect")))
                .toList();
        assertEquals(1, allows.size(), "one grant on the topic");
        Map<String, Object> allow = allows.getFirst();
        assertEquals(Map.of("Service", "social-messaging.amazonaws.com"), allow.get("Principal"));
        assertEquals("sns:Publish", allow.get("Action"));
        assertEquals(
                Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))),
                allow.get("Condition"),
                "the confused-deputy guard");

        // SAM's SNS event: the subscription and the invoke permission with SourceArn = this topic.
        List<String> subscribers = template.functions().stream()
                .filter(f -> !f.snsTopics().isEmpty())
                .map(f -> f.logicalId() + "<-" + f.snsTopics())
                .toList();
        assertEquals(List.of("DeliveryReceiptsFunction<-[WhatsAppEventsTopic]"), subscribers);
    }

    // ------------------------------------------------------------------ headers and CORS

    @SuppressWarnings("unchecked")
    private static Map<String, Object> securityHeaders() {
        Map<String, Object> config = (Map<String, Object>)
                template.properties("SiteResponseHeadersPolicy").get("ResponseHeadersPolicyConfig");
        return (Map<String, Object>) config.get("SecurityHeadersConfig");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSite_isServedWithAStrictContentSecurityPolicy() {
        Map<String, Object> csp = (Map<String, Object>) securityHeaders().get("ContentSecurityPolicy");
        assertEquals(Boolean.TRUE, csp.get("Override"));
        Object value = csp.get("ContentSecurityPolicy");
        String policy = value instanceof Map<?, ?> sub ? String.valueOf(sub.get("Fn::Sub")) : String.valueOf(value);
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String d = directive.strip();
            if (!d.isEmpty()) {
                directives.put(d.split("\\s+")[0], d);
            }
        }
        assertFalse(policy.contains("'unsafe-inline'"), policy);
        assertFalse(policy.contains("'unsafe-eval'"), policy);
        assertFalse(policy.matches("(?s).*\\s\\*(\\s|;|$).*"), "a bare * source: " + policy);
        assertEquals("default-src 'self'", directives.get("default-src"));
        assertEquals("frame-ancestors 'none'", directives.get("frame-ancestors"));
        assertEquals("object-src 'none'", directives.get("object-src"));
        assertTrue(directives.containsKey("base-uri"), "base-uri unset: injected <base> could redirect relative URLs");
        assertTrue(directives.containsKey("form-action"), policy);
        assertFalse(directives.containsKey("script-src")
                && !directives.get("script-src").contains("'self'"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSite_forbidsFramingLeaksNoReferrerAndPinsHttps() {
        Map<String, Object> headers = securityHeaders();
        Map<String, Object> frame = (Map<String, Object>) headers.get("FrameOptions");
        assertEquals("DENY", frame.get("FrameOption"));
        Map<String, Object> referrer = (Map<String, Object>) headers.get("ReferrerPolicy");
        assertTrue(
                Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
                        .contains(referrer.get("ReferrerPolicy")),
                "referrer policy " + referrer.get("ReferrerPolicy"));
        Map<String, Object> hsts = (Map<String, Object>) headers.get("StrictTransportSecurity");
        assertTrue(((Number) hsts.get("AccessControlMaxAgeSec")).longValue() >= 31_536_000L, "HSTS under a year");
        assertEquals(Boolean.TRUE, hsts.get("IncludeSubdomains"));
        assertEquals(Boolean.TRUE, ((Map<String, Object>) headers.get("ContentTypeOptions")).get("Override"));
        for (String header :
                List.of("FrameOptions", "ReferrerPolicy", "StrictTransportSecurity", "ContentSecurityPolicy")) {
            assertEquals(
                    Boolean.TRUE,
                    ((Map<String, Object>) headers.get(header)).get("Override"),
                    header + " not enforced");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCacheBehaviour_usesThePolicy_overHttpsOnly() {
        Map<String, Object> config =
                (Map<String, Object>) template.properties("SiteDistribution").get("DistributionConfig");
        List<Map<String, Object>> behaviours = new ArrayList<>();
        behaviours.add((Map<String, Object>) config.get("DefaultCacheBehavior"));
        if (config.get("CacheBehaviors") instanceof List<?> more) {
            more.forEach(b -> behaviours.add((Map<String, Object>) b));
        }
        for (Map<String, Object> behaviour : behaviours) {
            assertEquals(Map.of("Ref", "SiteResponseHeadersPolicy"), behaviour.get("ResponseHeadersPolicyId"));
            assertTrue(Set.of("redirect-to-https", "https-only").contains(behaviour.get("ViewerProtocolPolicy")));
        }
        Map<String, Object> block =
                (Map<String, Object>) template.properties("SiteBucket").get("PublicAccessBlockConfiguration");
        assertEquals(
                Map.of(
                        "BlockPublicAcls",
                        true,
                        "BlockPublicPolicy",
                        true,
                        "IgnorePublicAcls",
                        true,
                        "RestrictPublicBuckets",
                        true),
                block);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApi_allowsCrossOriginCallsFromTheSiteOriginOnly() {
        Map<String, Object> cors =
                (Map<String, Object>) template.properties("HttpApi").get("CorsConfiguration");
        assertEquals(List.of(Map.of("Ref", "AllowedOrigin")), cors.get("AllowOrigins"));
        assertFalse(Boolean.TRUE.equals(cors.get("AllowCredentials")), "credentials are never sent cross-origin");
        String pattern = allowedOriginPattern();
        for (String bad : List.of(
                "*",
                "https://*.example.org",
                "null",
                "https://site.example/",
                "site.example",
                "https://a.example https://b.example")) {
            assertFalse(bad.matches(pattern), "AllowedOrigin accepts " + bad);
        }
        assertTrue("https://d111111abcdef8.cloudfront.net".matches(pattern));
        assertTrue("http://127.0.0.1:3000".matches(pattern), "the dev default");
        for (String plain : List.of("http://site.example", "http://127.0.0.1:8080", "http://10.0.0.5:3000")) {
            assertFalse(plain.matches(pattern), "plain http beyond the developer's machine: " + plain);
        }
        assertFalse(String.valueOf(template.parameterDefault("AllowedOrigin").orElse(""))
                .contains("*"));
        for (Object method : (List<Object>) cors.get("AllowMethods")) {
            assertTrue(Set.of("GET", "POST", "OPTIONS").contains(method), "CORS allows " + method);
        }
    }

    @Test
    void aProductionStack_refusesTheDefaultOrAnyPlainHttpOrigin_aDevStackKeepsIt() {
        String pattern = allowedOriginPattern();
        String local = String.valueOf(template.parameterDefault("AllowedOrigin").orElseThrow());
        assertFalse(deployable("prod", local, pattern), "prod with the default origin");
        assertFalse(deployable("prod", "http://localhost:3000", pattern));
        assertFalse(deployable("prod", "http://site.example", pattern));
        assertTrue(deployable("prod", "https://d111111abcdef8.cloudfront.net", pattern));
        assertTrue(deployable("dev", local, pattern));
    }

    /** What CloudFormation decides before it creates anything: the parameter's pattern, then every rule. */
    private static boolean deployable(String stage, String origin, String pattern) {
        if (!origin.matches(pattern)) {
            return false;
        }
        Map<String, Object> values = Map.of("Stage", stage, "AllowedOrigin", origin);
        for (Object raw : template.section("Rules").values()) {
            Map<?, ?> rule = (Map<?, ?>) raw;
            if (rule.containsKey("RuleCondition")
                    && !Boolean.TRUE.equals(evaluate(rule.get("RuleCondition"), values))) {
                continue;
            }
            for (Object assertion : (List<?>) rule.get("Assertions")) {
                if (!Boolean.TRUE.equals(evaluate(((Map<?, ?>) assertion).get("Assert"), values))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The rule functions the template uses; any other fails the test rather than passing unread. */
    private static Object evaluate(Object node, Map<String, Object> values) {
        if (!(node instanceof Map<?, ?> call)) {
            return node instanceof List<?> list
                    ? list.stream().map(v -> evaluate(v, values)).toList()
                    : node;
        }
        assertEquals(1, call.size(), String.valueOf(call));
        Map.Entry<?, ?> only = call.entrySet().iterator().next();
        Object argument = only.getValue();
        return switch (String.valueOf(only.getKey())) {
            case "Ref" -> {
                assertTrue(values.containsKey(argument), "a rule reads " + argument);
                yield values.get(argument);
            }
            case "Fn::Equals" -> {
                List<?> pair = (List<?>) evaluate(argument, values);
                yield pair.get(0).equals(pair.get(1));
            }
            case "Fn::Not" -> !Boolean.TRUE.equals(((List<?>) evaluate(argument, values)).getFirst());
            case "Fn::Contains" -> {
                List<?> pair = (List<?>) evaluate(argument, values);
                yield ((List<?>) pair.get(0)).contains(pair.get(1));
            }
            default -> throw new AssertionError("rule function not evaluated here: " + only.getKey());
        };
    }

    /** The parameter's AllowedPattern as a Java regex (SamTemplate reads resources, not parameter rules). */
    private static String allowedOriginPattern() {
        try {
            String text = java.nio.file.Files.readString(RepositoryRoot.resolve("template.yaml"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "(?m)^  AllowedOrigin:\\n(?:    .*\\n)*?    AllowedPattern: (.+)$")
                    .matcher(text);
            assertTrue(m.find(), "AllowedOrigin has no AllowedPattern");
            String pattern = m.group(1).strip();
            // Strip YAML quotes; String.matches anchors the whole input, so ^ and $ at the ends are moot.
            return pattern.replaceAll("^[\"']|[\"']$", "").replaceAll("^\\^|\\$$", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
