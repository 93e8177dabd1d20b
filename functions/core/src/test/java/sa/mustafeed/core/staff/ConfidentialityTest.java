package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.AccessDeniedException;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.RequestDraft;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionService;

/** A complaint about staff reaches managers only; a complainant's identity, managers and the assignee only. */
class ConfidentialityTest {
    private static final StaffMember AMAL = new StaffMember("u1", "أمل", Role.STAFF);
    private static final StaffMember MANAGER = new StaffMember("m1", "نورة", Role.MANAGER);
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final CaseService cases = new CaseService(
            repository,
            new InMemoryMessaging().deliveryLog,
            sa.mustafeed.core.fakes.SampleServiceLevels.LEVELS,
            SampleDrafts.HASHER,
            clock);
    private ReferenceCode aboutStaff;
    private ReferenceCode ordinaryComplaint;
    private ReferenceCode service;

    @BeforeEach
    void threeRequests() {
        SubmissionService submissions = new SubmissionService(
                RequestRules.forPublicChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(3),
                "2026-11");
        RequestDraft complaint = complaint();
        aboutStaff = submissions
                .submit(complaint.withAboutStaff(true), Optional.empty())
                .reference();
        ordinaryComplaint = submissions.submit(complaint, Optional.empty()).reference();
        service = submissions.submit(SampleDrafts.valid(), Optional.empty()).reference();
    }

    private static RequestDraft complaint() {
        RequestDraft d = SampleDrafts.valid();
        return new RequestDraft(
                "complaint",
                d.channel(),
                d.name(),
                d.mobile(),
                d.email(),
                d.nationalId(),
                d.city(),
                "الموظف في الاستقبال رفع صوته عليّ.",
                d.preferredContact(),
                d.language(),
                d.consent(),
                d.onBehalf(),
                null);
    }

    @Test
    void aComplaintAboutStaff_isRefusedToEmployees_andOpenToManagers() {
        assertThrows(AccessDeniedException.class, () -> cases.view(aboutStaff, AMAL));
        assertThrows(AccessDeniedException.class, () -> cases.addNote(aboutStaff, "ملاحظة", AMAL));
        assertThrows(AccessDeniedException.class, () -> cases.reply(aboutStaff, "رد", AMAL));
        assertThrows(
                AccessDeniedException.class,
                () -> cases.changeStatus(aboutStaff, Status.IN_REVIEW, 1, Optional.empty(), AMAL));

        assertTrue(cases.view(aboutStaff, MANAGER).request().aboutStaff());
        assertEquals(
                Status.IN_REVIEW,
                cases.changeStatus(aboutStaff, Status.IN_REVIEW, 1, Optional.empty(), MANAGER)
                        .request()
                        .status());
        // Nothing an employee tried was written.
        assertEquals(
                2,
                repository.findWithTimeline(aboutStaff).orElseThrow().request().version());
    }

    @Test
    void aComplaintAboutStaff_isInNoEmployeesListOrSearch() {
        QueueQuery all = new QueueQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                true,
                Optional.empty(),
                25);

        assertEquals(
                List.of(ordinaryComplaint, service).size(),
                references(cases.queue(all, AMAL)).size());
        assertFalse(references(cases.queue(all, AMAL)).contains(aboutStaff));
        assertTrue(references(cases.queue(all, MANAGER)).contains(aboutStaff));
        assertEquals(List.of(), references(cases.search(aboutStaff.display(), AMAL)));
        assertEquals(List.of(aboutStaff), references(cases.search(aboutStaff.display(), MANAGER)));
        assertFalse(references(cases.search("0501234567", AMAL)).contains(aboutStaff));
    }

    @Test
    void aComplainantsIdentity_isForManagersAndTheAssigneeOnly() {
        CaseSummary row = cases.open(ordinaryComplaint).summary();
        CaseSummary taken = new CaseSummary(
                row.request(),
                row.clock(),
                row.possibleDuplicates(),
                false,
                Optional.of(Assignee.of(AMAL)),
                false,
                false);

        assertFalse(Confidentiality.showsIdentity(row, AMAL));
        assertTrue(Confidentiality.showsIdentity(taken, AMAL));
        assertTrue(Confidentiality.showsIdentity(row, MANAGER));
        assertTrue(Confidentiality.showsIdentity(cases.open(service).summary(), AMAL));
    }

    private static List<ReferenceCode> references(QueuePage page) {
        return page.items().stream().map(c -> c.request().reference()).toList();
    }
}
