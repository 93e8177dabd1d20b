package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.FailedAttempts;
import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.ports.RequestRepository.CreateOutcome;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.IdempotencyRecord;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.OnBehalf;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The DynamoDB adapters against moto, with the table exactly as template.yaml declares it. */
@ExtendWith(MotoServer.class)
class DynamoDbRequestRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-11-25T08:30:00Z");
    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbRequestRepository repository;

    @BeforeEach
    void freshTable() throws Exception {
        MotoServer.reset();
        table = MotoServer.provisionTemplate("it").refs().get("RequestsTable");
        dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        repository = new DynamoDbRequestRepository(dynamoDb, table);
    }

    private static ServiceRequest request(String reference) {
        return new ServiceRequest(
                new ReferenceCode(reference),
                Category.NEW_BENEFICIARY,
                Channel.WEB,
                Status.RECEIVED,
                "سارة العتيبي",
                "+966501234567",
                "mobilehash",
                Optional.of("sara@example.org"),
                Optional.of("idhash"),
                Optional.of("8153"),
                "مكة",
                "وصف",
                ContactMethod.EMAIL,
                Language.AR,
                Optional.of(new OnBehalf("يوسف", "أم")),
                "2026-11",
                NOW,
                NOW,
                NOW,
                1);
    }

    private static IdempotencyRecord idempotency(String key, String reference, Instant expiresAt) {
        return new IdempotencyRecord(
                key,
                "fingerprint",
                new ReferenceCode(reference),
                Category.NEW_BENEFICIARY,
                Status.RECEIVED,
                NOW,
                expiresAt);
    }

    private Map<String, Map<String, AttributeValue>> itemsBySortKey(String partition) {
        return dynamoDb
                .query(q -> q.tableName(table)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
                .items()
                .stream()
                .collect(Collectors.toMap(i -> i.get("SK").s(), i -> i));
    }

    @Test
    void create_writesRequestTimelineAndIdempotencyItemsWithTheirKeys() {
        CreateOutcome outcome = repository.create(
                request("MHF5Q2N7"),
                new TimelineEntry(NOW, Status.RECEIVED),
                Optional.of(idempotency("key-1", "MHF5Q2N7", NOW.plus(Duration.ofHours(24)))));

        assertEquals(CreateOutcome.CREATED, outcome);
        Map<String, Map<String, AttributeValue>> items = itemsBySortKey("REQ#MHF5Q2N7");
        Map<String, AttributeValue> meta = items.get("META");
        assertEquals("STATUS#received", meta.get("GSI1PK").s());
        assertEquals("2026-11-25T08:30:00Z#MHF5Q2N7", meta.get("GSI1SK").s());
        assertEquals("BEN#mobilehash", meta.get("GSI2PK").s());
        assertFalse(meta.containsKey("nationalId"), "only the hash and last four of the ID are stored");
        assertTrue(items.containsKey("EVT#2026-11-25T08:30:00Z#status#received"));
        Map<String, AttributeValue> idem = itemsBySortKey("IDEM#key-1").get("IDEM");
        assertEquals(
                Long.toString(NOW.plus(Duration.ofHours(24)).getEpochSecond()),
                idem.get("ttl").n());
    }

    @Test
    void create_anonymousRequest_storesNoNameNoMobileAndJoinsNoBeneficiaryGroup() {
        ServiceRequest named = request("MHF5Q2N7");
        ServiceRequest anonymous = new ServiceRequest(
                named.reference(),
                Category.COMPLAINT,
                Channel.KIOSK,
                Status.RECEIVED,
                "",
                "",
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "مكة",
                "شكوى دون اسم",
                ContactMethod.NONE,
                Language.AR,
                Optional.empty(),
                "2026-11",
                NOW,
                NOW,
                NOW,
                1);

        repository.create(anonymous, new TimelineEntry(NOW, Status.RECEIVED), Optional.empty());

        Map<String, AttributeValue> meta = itemsBySortKey("REQ#MHF5Q2N7").get("META");
        for (String absent : List.of("name", "mobile", "mobileHash", "GSI2PK", "GSI2SK")) {
            assertFalse(meta.containsKey(absent), absent);
        }
        ServiceRequest read =
                repository.findWithTimeline(anonymous.reference()).orElseThrow().request();
        assertTrue(read.anonymous());
        assertEquals("", read.name());
        assertEquals("", read.mobile());
        assertEquals(List.of(), repository.openRequestsOf("", Optional.empty()));
    }

    @Test
    void create_complaintAboutStaff_keepsTheMarkOnTheItemAndEveryIndexCopy() {
        ServiceRequest r = request("MHF5Q2N7");
        ServiceRequest aboutStaff = new ServiceRequest(
                r.reference(),
                Category.COMPLAINT,
                r.channel(),
                r.status(),
                r.name(),
                r.mobile(),
                r.mobileHash(),
                r.email(),
                r.nationalIdHash(),
                r.nationalIdLast4(),
                r.city(),
                r.description(),
                r.preferredContact(),
                r.language(),
                r.onBehalf(),
                r.consentVersion(),
                r.consentAt(),
                r.submittedAt(),
                r.updatedAt(),
                r.version(),
                true);

        repository.create(aboutStaff, new TimelineEntry(NOW, Status.RECEIVED), Optional.empty());

        assertTrue(itemsBySortKey("REQ#MHF5Q2N7").get("META").get("aboutStaff").bool());
        assertTrue(repository
                .findWithTimeline(r.reference())
                .orElseThrow()
                .request()
                .aboutStaff());
    }

    @Test
    void changeContact_updatesOnlyThatAttribute_andNeverCreatesAnItem() {
        repository.create(request("MHF5Q2N7"), new TimelineEntry(NOW, Status.RECEIVED), Optional.empty());
        Map<String, AttributeValue> before = itemsBySortKey("REQ#MHF5Q2N7").get("META");

        assertEquals(
                RequestRepository.ContactChange.CHANGED,
                repository.changeContact(new ReferenceCode("MHF5Q2N7"), ContactMethod.WHATSAPP));

        Map<String, AttributeValue> after =
                new java.util.HashMap<>(itemsBySortKey("REQ#MHF5Q2N7").get("META"));
        assertEquals("whatsapp", after.remove("preferredContact").s());
        Map<String, AttributeValue> rest = new java.util.HashMap<>(before);
        rest.remove("preferredContact");
        assertEquals(rest, after, "version, updatedAt, index keys: all as they were");

        ReferenceCode nobody = new ReferenceCode(validCode("2345678"));
        assertEquals(
                RequestRepository.ContactChange.NO_SUCH_REQUEST,
                repository.changeContact(nobody, ContactMethod.WHATSAPP));
        assertTrue(itemsBySortKey("REQ#" + nobody.value()).isEmpty(), "no bare item for an unknown reference");
    }

    @Test
    void changeContact_toEmail_afterTheAddressWasErased_isRefusedByTheWriteItself() {
        ReferenceCode reference = new ReferenceCode("MHF5Q2N7");
        repository.create(request("MHF5Q2N7"), new TimelineEntry(NOW, Status.RECEIVED), Optional.empty());
        repository.changeContact(reference, ContactMethod.SMS);
        new DynamoDbErasure(dynamoDb, table).erase(reference, NOW.plusSeconds(60));

        assertEquals(
                RequestRepository.ContactChange.NO_EMAIL, repository.changeContact(reference, ContactMethod.EMAIL));
        assertEquals(
                "sms",
                itemsBySortKey("REQ#MHF5Q2N7")
                        .get("META")
                        .get("preferredContact")
                        .s());
    }

    @Test
    void findWithTimeline_readsBackWhatWasStored() {
        ServiceRequest stored = request("MHF5Q2N7");
        repository.create(stored, new TimelineEntry(NOW, Status.RECEIVED), Optional.empty());

        var found = repository.findWithTimeline(stored.reference()).orElseThrow();
        assertEquals(stored, found.request());
        assertEquals(List.of(new TimelineEntry(NOW, Status.RECEIVED)), found.timeline());
        assertEquals(Optional.empty(), repository.findWithTimeline(new ReferenceCode(validCode("2345678"))));
    }

    @Test
    void findWithTimeline_receivesNoStaffNoteFromTheStore_onlyTheRequestAndItsPublicEntries() {
        ServiceRequest stored = request("MHF5Q2N7");
        repository.create(stored, new TimelineEntry(NOW, Status.RECEIVED), Optional.empty());
        DynamoDbCaseRepository cases = new DynamoDbCaseRepository(dynamoDb, table);
        cases.addNote(stored.reference(), CaseEvent.note(NOW.plusSeconds(60), "ملاحظة داخلية: لا تُعرض", "staff-7"));
        cases.addReply(
                stored.reference(),
                CaseEvent.reply(NOW.plusSeconds(120), "تم استلام طلبك", "staff-7", Status.RECEIVED));
        List<Map<String, AttributeValue>> received = new CopyOnWriteArrayList<>();
        DynamoDbClient watched = DynamoDbClient.builder()
                .endpointOverride(MotoServer.endpoint())
                .region(Region.of(MotoServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(AwsClients.httpClient())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
                        if (context.response() instanceof QueryResponse q) {
                            received.addAll(q.items());
                        }
                    }
                }))
                .build();

        var found = new DynamoDbRequestRepository(watched, table)
                .findWithTimeline(stored.reference())
                .orElseThrow();

        assertEquals(4, itemsBySortKey("REQ#MHF5Q2N7").size(), "request, status entry, note, reply stored");
        assertEquals(2, found.timeline().size());
        assertEquals(
                List.of("request", "timeline", "timeline"),
                received.stream().map(i -> i.get("entity").s()).sorted().toList());
        assertTrue(
                received.stream()
                        .noneMatch(i -> "note"
                                .equals(
                                        i.get("type") == null
                                                ? null
                                                : i.get("type").s())),
                received.toString());
    }

    @Test
    void create_withATakenReference_storesNothing() {
        repository.create(request("MHF5Q2N7"), new TimelineEntry(NOW, Status.RECEIVED), Optional.empty());

        CreateOutcome again = repository.create(
                request("MHF5Q2N7"),
                new TimelineEntry(NOW.plusSeconds(1), Status.RECEIVED),
                Optional.of(idempotency("key-2", "MHF5Q2N7", NOW.plusSeconds(3600))));
        assertEquals(CreateOutcome.REFERENCE_TAKEN, again);
        assertEquals(
                1,
                itemsBySortKey("REQ#MHF5Q2N7").keySet().stream()
                        .filter(k -> k.startsWith("EVT#"))
                        .count());
        assertEquals(Optional.empty(), repository.findIdempotency("key-2"));
    }

    @Test
    void create_withALiveIdempotencyKey_isRefusedButAStaleOneIsReplaced() {
        repository.create(
                request("MHF5Q2N7"),
                new TimelineEntry(NOW, Status.RECEIVED),
                Optional.of(idempotency("key-1", "MHF5Q2N7", NOW.plusSeconds(60))));
        ServiceRequest other = request(validCode("ABCDEFG"));

        assertEquals(
                CreateOutcome.IDEMPOTENCY_KEY_TAKEN,
                repository.create(
                        other,
                        new TimelineEntry(NOW, Status.RECEIVED),
                        Optional.of(idempotency("key-1", other.reference().value(), NOW.plusSeconds(3600)))));
        assertTrue(repository.findWithTimeline(other.reference()).isEmpty(), "a refused transaction stores nothing");

        ServiceRequest later = new ServiceRequest(
                other.reference(),
                other.category(),
                other.channel(),
                other.status(),
                other.name(),
                other.mobile(),
                other.mobileHash(),
                other.email(),
                other.nationalIdHash(),
                other.nationalIdLast4(),
                other.city(),
                other.description(),
                other.preferredContact(),
                other.language(),
                other.onBehalf(),
                other.consentVersion(),
                other.consentAt(),
                NOW.plusSeconds(61),
                NOW.plusSeconds(61),
                1);
        assertEquals(
                CreateOutcome.CREATED,
                repository.create(
                        later,
                        new TimelineEntry(later.submittedAt(), Status.RECEIVED),
                        Optional.of(idempotency("key-1", other.reference().value(), NOW.plusSeconds(7200)))));
        assertEquals(
                other.reference(),
                repository.findIdempotency("key-1").orElseThrow().reference());
    }

    @Test
    void failedAttempts_countAtomicallyPerSubjectAndWindow() {
        DynamoDbFailedAttempts attempts = new DynamoDbFailedAttempts(dynamoDb, table);
        Instant window = Instant.parse("2026-11-25T08:30:00Z");
        assertEquals(0, attempts.count("ref:MHF5Q2N7", window));
        for (int i = 0; i < 3; i++) {
            attempts.record("ref:MHF5Q2N7", window, window.plusSeconds(900));
        }
        assertEquals(3, attempts.count("ref:MHF5Q2N7", window));
        assertEquals(0, attempts.count("ref:MHF5Q2N7", window.plusSeconds(900)));
        assertEquals(0, attempts.count("client:x", window));
    }

    @Test
    void failedAttempts_readTogether_matchEachWindowReadAlone_inTheOrderAsked() {
        DynamoDbFailedAttempts attempts = new DynamoDbFailedAttempts(dynamoDb, table);
        Instant window = Instant.parse("2026-11-25T09:00:00Z");
        Instant previous = window.minusSeconds(900);
        attempts.record("ref:BATCH001", window, window.plusSeconds(1800));
        attempts.record("ref:BATCH001", previous, window.plusSeconds(900));
        attempts.record("ref:BATCH001", previous, window.plusSeconds(900));
        for (int i = 0; i < 5; i++) {
            attempts.record("client:batch", window, window.plusSeconds(1800));
        }
        List<FailedAttempts.Window> windows = List.of(
                new FailedAttempts.Window("ref:BATCH001", window),
                new FailedAttempts.Window("client:batch", window),
                new FailedAttempts.Window("ref:BATCH001", previous),
                new FailedAttempts.Window("client:batch", previous),
                new FailedAttempts.Window("ref:BATCH001", window)); // asked twice: DynamoDB refuses duplicate keys
        assertArrayEquals(new int[] {1, 5, 2, 0, 1}, attempts.counts(windows));
        for (int i = 0; i < windows.size(); i++) {
            assertEquals(attempts.count(windows.get(i).subject(), windows.get(i).start()), attempts.counts(windows)[i]);
        }
    }

    @Test
    void failedAttempts_readTogether_fromAnUnreachableStore_isUnavailable() {
        DynamoDbClient nowhere =
                AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(URI.create("http://127.0.0.1:9")));
        DynamoDbFailedAttempts down = new DynamoDbFailedAttempts(nowhere, table);
        assertThrows(
                StorageUnavailableException.class,
                () -> down.counts(List.of(new FailedAttempts.Window("ref:X", Instant.EPOCH))));
    }

    @Test
    void anUnreachableStore_isReportedAsUnavailable() {
        DynamoDbClient nowhere =
                AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(URI.create("http://127.0.0.1:9")));
        DynamoDbRequestRepository down = new DynamoDbRequestRepository(nowhere, table);
        assertThrows(StorageUnavailableException.class, () -> down.findIdempotency("key"));
        assertThrows(
                StorageUnavailableException.class,
                () -> down.create(request("MHF5Q2N7"), new TimelineEntry(NOW, Status.RECEIVED), Optional.empty()));
    }

    private static String validCode(String seven) {
        return seven + checkFor(seven);
    }

    private static char checkFor(String seven) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXY";
        for (char c : alphabet.toCharArray()) {
            if (ReferenceCode.parse(seven + c).isPresent()) {
                return c;
            }
        }
        throw new IllegalStateException();
    }
}
