package sa.mustafeed.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import sa.mustafeed.aws.DynamoDbCaseRepository;
import sa.mustafeed.aws.DynamoDbDeliveryLog;
import sa.mustafeed.aws.DynamoDbFailedAttempts;
import sa.mustafeed.aws.DynamoDbKioskRegistry;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.aws.DynamoDbSavedReplies;
import sa.mustafeed.aws.DynamoDbSurveyStore;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.RequestDraft;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.sla.ServiceLevels;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.SavedReplyService;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.survey.Kiosk;
import sa.mustafeed.core.survey.KioskFeedback;
import sa.mustafeed.core.survey.KioskService;
import sa.mustafeed.core.survey.Score;
import sa.mustafeed.core.survey.SurveyAnswerDraft;
import sa.mustafeed.core.survey.SurveyOffers;
import sa.mustafeed.core.survey.SurveyService;
import sa.mustafeed.core.survey.SurveyTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./run --seed}: four months of realistic demo work through the real domain services and
 * DynamoDB adapters, with a clock that walks through the past, so queues, clocks and charts have
 * something to show. Demo people are invented; numbers are in the 0555 0xx xxx range.
 */
final class DemoSeed {
    private static final List<String> NAMES = List.of(
            "سارة العتيبي",
            "محمد الحربي",
            "نورة الغامدي",
            "عبدالله الزهراني",
            "فاطمة القرشي",
            "خالد المالكي",
            "ريم الشهري",
            "يوسف البقمي",
            "هند السلمي",
            "أحمد الثقفي");
    private static final List<String> CITIES = List.of("مكة المكرمة", "جدة", "الطائف", "رابغ", "الليث", "القنفذة");
    private static final Map<String, List<String>> DESCRIPTIONS = Map.of(
            "new_beneficiary",
                    List.of(
                            "أرغب في تسجيل ابني في برامج الجمعية، لديه إعاقة حركية.",
                            "تسجيل والدتي المسنة التي فقدت بصرها مؤخرًا."),
            "service",
                    List.of(
                            "أحتاج كرسيًا متحركًا كهربائيًا.",
                            "طلب جلسات علاج طبيعي أسبوعية.",
                            "أحتاج سماعة طبية لابنتي."),
            "inquiry", List.of("ما المستندات المطلوبة للتسجيل؟", "هل تقدمون النقل إلى المستشفى؟"),
            "suggestion", List.of("أقترح فتح فترة مسائية لخدمة العاملين.", "أقترح لغة الإشارة في الاستقبال."),
            "complaint", List.of("تأخر الرد على طلبي السابق.", "موعد النقل لم يحضر في الوقت."));
    private static final List<String> CHANNELS = List.of("interview", "phone", "letter", "volunteer", "social_media");

    private static final int DAYS_A_MONTH = 30;

    private DemoSeed() {}

    /**
     * How much to load: {@code requests} spread evenly over the last {@code days}.
     *
     * @param requests 0 for none
     */
    record Size(int requests, int days) {
        static final Size NONE = new Size(0, 0);
        /**
         * Beyond this the seed is years of history: its messages went out long ago, and sending
         * them now (three or four per request, each with its delivery report) would keep the
         * machine busy for hours, so the notifier starts after it.
         */
        private static final int MESSAGES_UP_TO = 1_000;
        /** Seventy years: as many months as HistoryCopies has distinct references for. */
        private static final int MAX_DAYS = 840 * DAYS_A_MONTH;

        Size {
            if (requests < 0 || requests > 0 && (days < 1 || days > MAX_DAYS)) {
                throw new IllegalArgumentException(
                        "--seed-requests must be 0 or more and --seed-days from 1 to " + MAX_DAYS);
            }
        }

        boolean sendsNoMessages() {
            return requests > MESSAGES_UP_TO;
        }
    }

    /**
     * A history (more than {@link Size#MESSAGES_UP_TO} requests) is its last month through the
     * services, copied back to the months before ({@link HistoryCopies}).
     *
     * @return how many requests were created
     */
    static int seed(DynamoDbClient dynamoDb, String table, KeyedHasher hasher, ServiceLevels levels, Size size) {
        if (!size.sendsNoMessages() || size.days() < 2 * DAYS_A_MONTH) {
            return seedThroughServices(dynamoDb, table, hasher, levels, size);
        }
        int months = size.days() / DAYS_A_MONTH;
        // One in a hundred stays open and is not copied: a little more, so the whole is what was asked.
        int monthly = Math.ceilDiv(size.requests(), months) * 101 / 100 + 1;
        int lastMonth = seedThroughServices(dynamoDb, table, hasher, levels, new Size(monthly, DAYS_A_MONTH));
        return lastMonth + HistoryCopies.copyBack(dynamoDb, table, months - 1);
    }

    private static int seedThroughServices(
            DynamoDbClient dynamoDb, String table, KeyedHasher hasher, ServiceLevels levels, Size size) {
        int count = size.requests();
        SplittableRandom random = new SplittableRandom(2026);
        WalkingClock clock = new WalkingClock(Instant.now().minus(Duration.ofDays(size.days())));
        DynamoDbRequestRepository requests = new DynamoDbRequestRepository(dynamoDb, table);
        SubmissionService publicDesk = new SubmissionService(
                RequestRules.forPublicChannels(), requests, hasher, clock, random, "2026-11", levels);
        SubmissionService staffDesk = new SubmissionService(
                RequestRules.forStaffChannels(), requests, hasher, clock, random, "2026-11", levels);
        CaseService cases = new CaseService(
                new DynamoDbCaseRepository(dynamoDb, table),
                new DynamoDbDeliveryLog(dynamoDb, table),
                levels,
                hasher,
                clock);
        DynamoDbSurveyStore surveyStore = new DynamoDbSurveyStore(dynamoDb, table);
        SurveyTokens tokens = new SurveyTokens(hasher);
        SurveyOffers offers = new SurveyOffers(tokens, surveyStore, clock, Duration.ofDays(14), Duration.ofDays(0), "");
        DynamoDbKioskRegistry kiosks = new DynamoDbKioskRegistry(dynamoDb, table);
        SurveyService surveys = new SurveyService(
                tokens,
                surveyStore,
                new DynamoDbFailedAttempts(dynamoDb, table),
                kiosks,
                clock,
                new LocalizedText("", ""),
                sa.mustafeed.http.ServiceLevelsFile.followUps());
        // The lobby's tablet, registered as a manager would (its taps below count only because it
        // is); the runner prints its address.
        Kiosk lobby = new KioskService(kiosks, clock, new java.security.SecureRandom())
                .register(
                        "الاستقبال، الدور الأرضي (تجريبي)",
                        new StaffMember("seed-manager", "هدى (تجريبي)", Role.MANAGER));
        StaffMember amal = new StaffMember("seed-staff", "أمل (تجريبي)", Role.STAFF);
        List<String> categories = List.copyOf(DESCRIPTIONS.keySet());
        for (int i = 0; i < count; i++) {
            clock.set(Instant.now()
                    .minus(Duration.ofHours(24L * size.days() * (count - i) / count))
                    .plus(Duration.ofMinutes(random.nextInt(600))));
            String category = categories.get(random.nextInt(categories.size()));
            boolean byStaff = random.nextInt(3) == 0;
            String mobile = "+9665550" + String.format("%05d", random.nextInt(100_000));
            RequestDraft draft = new RequestDraft(
                    category,
                    byStaff ? CHANNELS.get(random.nextInt(CHANNELS.size())) : random.nextBoolean() ? "web" : "kiosk",
                    NAMES.get(random.nextInt(NAMES.size())),
                    mobile,
                    null,
                    null,
                    CITIES.get(random.nextInt(CITIES.size())),
                    DESCRIPTIONS
                            .get(category)
                            .get(random.nextInt(DESCRIPTIONS.get(category).size())),
                    "sms",
                    random.nextInt(5) == 0 ? Language.EN.wireName() : Language.AR.wireName(),
                    true,
                    null,
                    null);
            ReferenceCode reference = (byStaff
                            ? staffDesk.submit(draft, Optional.empty(), Optional.of(amal.name()))
                            : publicDesk.submit(draft, Optional.empty()))
                    .reference();
            // The newest few (one in a hundred of a big seed) are left in the queue, as a day's work.
            workOn(
                    reference,
                    cases,
                    offers,
                    surveys,
                    tokens,
                    clock,
                    random,
                    amal,
                    i > count - Math.max(8, count / 100));
        }
        // As many kiosk taps as requests for the demo; a big seed's report needs only some.
        int taps = Math.min(count, 500 + count / 10);
        for (int tap = 0; tap < taps; tap++) {
            clock.set(Instant.now()
                    .minus(Duration.ofDays(random.nextInt(size.days())))
                    .plus(Duration.ofSeconds(tap * 7L)));
            surveys.kioskFeedback(KioskFeedback.of(
                    lobby.id(), 1 + Math.min(4, (int) Math.round(Math.abs(random.nextGaussian()) * 1.2) + 2)));
        }
        seedSavedReplies(new SavedReplyService(new DynamoDbSavedReplies(dynamoDb, table), clock));
        return count;
    }

    /** The answers a new employee finds in the composer on a seeded system. */
    private static void seedSavedReplies(SavedReplyService replies) {
        StaffMember huda = new StaffMember("seed-manager", "هدى (تجريبي)", Role.MANAGER);
        replies.save(
                "seed-received",
                new SavedReplyService.Draft(
                        "استلمنا الطلب",
                        "Request received",
                        "مرحبًا {name}، استلمنا طلبك رقم {reference} وسنتواصل معك خلال يومي عمل.",
                        "Hello {name}, we have received your request {reference} and will contact you within two working days."),
                huda);
        replies.save(
                "seed-documents",
                new SavedReplyService.Draft(
                        "نحتاج مستندًا",
                        "A document is needed",
                        "مرحبًا {name}، لإكمال طلبك {reference} نحتاج صورة الهوية والتقرير الطبي. أرسلهما من صفحة متابعة الطلب.",
                        "Hello {name}, to complete request {reference} we need a copy of the ID and the medical report. Send them from the request's tracking page."),
                huda);
    }

    /** Moves a request along the usual path; the newest few are left in the queue for the demo. */
    private static void workOn(
            ReferenceCode reference,
            CaseService cases,
            SurveyOffers offers,
            SurveyService surveys,
            SurveyTokens tokens,
            WalkingClock clock,
            SplittableRandom random,
            StaffMember by,
            boolean leaveOpen) {
        List<Status> path = leaveOpen
                ? List.of()
                : random.nextInt(6) == 0
                        ? List.of(
                                Status.IN_REVIEW, Status.WAITING_FOR_BENEFICIARY, Status.IN_PROGRESS, Status.COMPLETED)
                        : random.nextInt(10) == 0
                                ? List.of(Status.IN_REVIEW, Status.REJECTED)
                                : List.of(Status.IN_REVIEW, Status.IN_PROGRESS, Status.COMPLETED);
        long version = 1;
        for (Status next : path) {
            clock.advance(Duration.ofHours(2 + random.nextInt(30)));
            cases.changeStatus(reference, next, version++, Optional.empty(), by);
        }
        if (!path.isEmpty() && path.getLast() == Status.COMPLETED) {
            ServiceRequest done = cases.open(reference).request();
            // Every completion sends a link; fewer than half are answered, as SMS surveys go, so
            // the report's response rate has something true to say.
            offers.linkFor(done).filter(link -> random.nextInt(20) < 9).ifPresent(link -> {
                clock.advance(Duration.ofHours(3));
                String token = link.substring(link.indexOf("t=") + 2);
                int overall = Math.max(1, Math.min(5, 5 - (int) Math.round(Math.abs(random.nextGaussian()) * 1.3)));
                surveys.answer(token, SurveyAnswerDraft.overall(overall));
                surveys.answer(
                        token,
                        new SurveyAnswerDraft(
                                new Score(overall),
                                Map.of(
                                        "speed",
                                        new Score(Math.max(1, overall - random.nextInt(2))),
                                        "courtesy",
                                        new Score(overall),
                                        "clarity",
                                        new Score(Math.max(1, overall - random.nextInt(2)))),
                                overall >= 3,
                                null,
                                null,
                                null,
                                List.of()));
            });
        }
    }

    /** A clock the seed moves by hand. */
    private static final class WalkingClock extends Clock {
        private Instant now;

        WalkingClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
