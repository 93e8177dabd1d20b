package sa.mustafeed.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryProviders;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.privacy.Masking;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.StatusMachine;
import sa.mustafeed.core.sla.ServiceLevels;
import sa.mustafeed.core.staff.AuditEntry;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.Confidentiality;
import sa.mustafeed.core.staff.DeliveryReport;
import sa.mustafeed.core.staff.ServiceReport;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.survey.SatisfactionReport;

/** The staff API's JSON shapes (openapi.yaml), built from the domain's records. */
final class StaffJson {
    private StaffJson() {}

    static Map<String, String> label(LocalizedText text) {
        return Map.of("ar", text.ar(), "en", text.en());
    }

    static Map<String, String> channelLabel(sa.mustafeed.core.request.Channel channel) {
        return label(channel.label());
    }

    /**
     * A queue row as {@code viewer} may read it: a complaint's name and mobile only for managers and
     * its assignee ({@link Confidentiality}); {@code identityHidden} tells the console why they are blank.
     */
    static Map<String, Object> summary(CaseSummary c, ServiceLevels.Reading clock, StaffMember viewer) {
        ServiceRequest r = c.request();
        boolean identity = Confidentiality.showsIdentity(c, viewer);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference", r.reference().display());
        item.put("category", r.category().wireName());
        item.put("categoryLabel", label(r.category().label()));
        item.put("channel", r.channel().wireName());
        item.put("channelLabel", channelLabel(r.channel()));
        item.put("status", r.status().wireName());
        item.put("statusLabel", label(r.status().staffLabel()));
        // An anonymous sender has no name or mobile: the console says "anonymous" in their place.
        item.put("anonymous", r.anonymous());
        item.put("aboutStaff", r.aboutStaff());
        item.put("identityHidden", !identity && !r.anonymous());
        item.put("name", identity ? r.name() : "");
        item.put("mobileMasked", r.anonymous() || !identity ? "" : Masking.phone(r.mobile()));
        item.put("submittedAt", r.submittedAt().toString());
        item.put("updatedAt", r.updatedAt().toString());
        item.put("sla", sla(clock));
        item.put("possibleDuplicate", !c.possibleDuplicates().isEmpty());
        item.put("notReached", c.notReached());
        item.put("assignee", c.assignee().map(a -> a.id()).orElse(null));
        item.put("assigneeName", c.assignee().map(a -> a.name()).orElse(null));
        item.put("beneficiaryReplied", c.beneficiaryReplied());
        item.put("newDocument", c.newDocument());
        return item;
    }

    /** A row of a volunteer's own registrations: no beneficiary details, no clock, no owner. */
    static Map<String, Object> registration(CaseSummary c) {
        ServiceRequest r = c.request();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference", r.reference().display());
        item.put("category", r.category().wireName());
        item.put("categoryLabel", label(r.category().label()));
        item.put("status", r.status().wireName());
        item.put("statusLabel", label(r.status().staffLabel()));
        item.put("submittedAt", r.submittedAt().toString());
        return item;
    }

    /** A saved reply as the console reads it: both languages, the placeholders left for it to fill. */
    static Map<String, Object> savedReply(sa.mustafeed.core.staff.SavedReply reply) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", reply.id());
        out.put("titleAr", reply.titleAr());
        out.put("titleEn", reply.titleEn());
        out.put("textAr", reply.textAr());
        out.put("textEn", reply.textEn());
        out.put("updatedAt", reply.updatedAt().toString());
        out.put("updatedBy", reply.updatedBy());
        return out;
    }

    /**
     * A kiosk as the managers' list shows it: the label as typed, who and when, and the address to
     * open on the tablet (site-relative: the console adds its own origin, the site's).
     */
    static Map<String, Object> kiosk(sa.mustafeed.core.survey.Kiosk kiosk) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", kiosk.id());
        out.put("label", kiosk.label());
        out.put("active", kiosk.active());
        out.put("path", kiosk.feedbackPath());
        out.put("registeredAt", kiosk.registeredAt().toString());
        out.put("registeredBy", kiosk.registeredBy());
        out.put("retiredAt", kiosk.retiredAt().map(Object::toString).orElse(null));
        out.put("retiredBy", kiosk.retiredBy().orElse(null));
        return out;
    }

    /** The work queue's counts: per view and per open status (every open status, zeros included). */
    static Map<String, Object> counts(sa.mustafeed.core.staff.QueueCounts counts) {
        Map<String, Object> byStatus = new LinkedHashMap<>();
        for (sa.mustafeed.core.request.Status s : sa.mustafeed.core.request.Status.values()) {
            if (StatusMachine.isOpen(s)) {
                byStatus.put(s.wireName(), counts.byStatus().getOrDefault(s, 0L));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", counts.open());
        out.put("mine", counts.mine());
        out.put("unassigned", counts.unassigned());
        out.put("byStatus", byStatus);
        return out;
    }

    static Map<String, Object> detail(CaseFile file, ServiceLevels.Reading clock, StaffMember viewer) {
        ServiceRequest r = file.request();
        Map<String, Object> d = summary(file.summary(), clock, viewer);
        boolean identity = Confidentiality.showsIdentity(file.summary(), viewer);
        d.remove("mobileMasked");
        d.remove("possibleDuplicate");
        if (identity && !r.anonymous()) {
            d.put("mobile", r.mobile());
            r.email().ifPresent(e -> d.put("email", e));
            r.nationalIdLast4().ifPresent(l -> d.put("nationalIdLast4", l));
        }
        d.put("city", r.city());
        d.put("description", r.description());
        d.put("preferredContact", r.preferredContact().wireName());
        d.put("language", r.language().wireName());
        r.onBehalf()
                .filter(o -> identity)
                .ifPresent(o -> d.put(
                        "onBehalf", Map.of("beneficiaryName", o.beneficiaryName(), "relationship", o.relationship())));
        d.put("consentVersion", r.consentVersion());
        d.put("version", r.version());
        file.registeredBy().ifPresent(by -> d.put("registeredBy", by));
        d.put("possibleDuplicates", references(file.possibleDuplicates()));
        d.put(
                "allowedTransitions",
                StatusMachine.allowedFrom(r.status()).stream()
                        .sorted()
                        .map(s -> s.wireName())
                        .toList());
        List<Map<String, Object>> timeline = new ArrayList<>();
        file.events().stream()
                .sorted(java.util.Comparator.comparing(CaseEvent::at))
                .forEach(e -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("at", e.at().toString());
                    entry.put("type", e.kind().wireName());
                    e.status().ifPresent(s -> {
                        entry.put("status", s.wireName());
                        entry.put("statusLabel", label(s.staffLabel()));
                    });
                    e.text().ifPresent(t -> entry.put("text", t));
                    e.by().ifPresent(b -> entry.put("by", b));
                    entry.put("public", e.isPublic());
                    timeline.add(entry);
                });
        d.put("timeline", timeline);
        d.put("deliveries", file.deliveries().stream().map(StaffJson::delivery).toList());
        return d;
    }

    /**
     * One leg of one message (openapi.yaml, Delivery): the codes the contract names ({@code kind},
     * {@code channel}, {@code provider}, {@code state}, {@code at}, {@code reason} when the provider
     * gave one) and, as elsewhere in this API, a label beside each code. The provider's own message
     * id stays in the table: staff have no use for it.
     */
    static Map<String, Object> delivery(MessageDelivery message) {
        DeliveryLeg leg = message.leg();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", message.kind().purpose());
        out.put("kindLabel", label(message.kind().purposeLabel()));
        out.put("channel", leg.channel().wireName());
        out.put("channelLabel", label(leg.channel().label()));
        out.put("provider", leg.provider());
        out.put("providerLabel", label(DeliveryProviders.label(leg.provider())));
        out.put("state", leg.state().wireName());
        out.put("stateLabel", label(leg.state().label()));
        out.put("at", leg.at().toString());
        leg.reason().ifPresent(reason -> out.put("reason", reason));
        return out;
    }

    static Map<String, Object> sla(ServiceLevels.Reading clock) {
        Map<String, Object> sla = new LinkedHashMap<>();
        sla.put("state", clock.state().name().toLowerCase(java.util.Locale.ROOT));
        sla.put("dueAt", clock.dueAt().toString());
        sla.put("targetHours", clock.targetHours());
        sla.put("workingHoursElapsed", Math.round(clock.workingMinutesElapsed() / 6.0) / 10.0);
        return sla;
    }

    /** How many of a returning beneficiary's requests the lookup names (the newest). */
    static final int RETURNING_REFERENCES = 5;

    /**
     * A returning beneficiary, as the registration form needs it: the contact details to prefill
     * (the national ID only as its last four digits, which is all that is kept) and their newest
     * references; no description, notes or history.
     */
    static Map<String, Object> returning(java.util.Optional<sa.mustafeed.core.staff.ReturningBeneficiary> found) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("found", found.isPresent());
        if (found.isEmpty()) {
            return out;
        }
        ServiceRequest r = found.get().latest();
        List<ReferenceCode> all = found.get().requests();
        out.put("requestCount", all.size());
        out.put("references", references(all.subList(0, Math.min(all.size(), RETURNING_REFERENCES))));
        out.put("latestSubmittedAt", r.submittedAt().toString());
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", r.name());
        contact.put("mobile", r.mobile());
        contact.put("email", r.email().orElse(null));
        contact.put("nationalIdLast4", r.nationalIdLast4().orElse(null));
        contact.put("city", r.city());
        contact.put("preferredContact", r.preferredContact().wireName());
        contact.put("language", r.language().wireName());
        contact.put(
                "onBehalf",
                r.onBehalf()
                        .map(o -> Map.of("beneficiaryName", o.beneficiaryName(), "relationship", o.relationship()))
                        .orElse(null));
        out.put("contact", contact);
        return out;
    }

    static List<String> references(List<ReferenceCode> references) {
        return references.stream().map(ReferenceCode::display).toList();
    }

    static Map<String, Object> serviceReport(ServiceReport report, DeliveryReport deliveries) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", report.requests());
        out.put(
                "byChannel",
                report.byChannel().entrySet().stream()
                        .map(e -> Map.of(
                                "channel",
                                e.getKey().wireName(),
                                "channelLabel",
                                channelLabel(e.getKey()),
                                "count",
                                e.getValue()))
                        .toList());
        out.put(
                "byCategory",
                report.byCategory().entrySet().stream()
                        .map(e -> Map.of(
                                "category",
                                e.getKey().wireName(),
                                "categoryLabel",
                                label(e.getKey().label()),
                                "count",
                                e.getValue()))
                        .toList());
        out.put(
                "byStatus",
                report.byStatus().entrySet().stream()
                        .map(e -> Map.of(
                                "status",
                                e.getKey().wireName(),
                                "statusLabel",
                                label(e.getKey().staffLabel()),
                                "count",
                                e.getValue()))
                        .toList());
        out.put(
                "firstActionHours",
                hours(report.firstActionAverageHours(), report.firstActionMedianHours(), report.firstActionP90Hours()));
        out.put(
                "completionHours",
                hours(report.completionAverageHours(), report.completionMedianHours(), report.completionP90Hours()));
        out.put("withinSla", report.withinTarget().orElse(null));
        out.put(
                "completionHistogram",
                report.completionHistogram().entrySet().stream()
                        .map(e -> Map.of("label", e.getKey(), "count", e.getValue()))
                        .toList());
        out.put(
                "deliveries",
                deliveries.rows().stream().map(StaffJson::deliveryRow).toList());
        return out;
    }

    private static Map<String, Object> deliveryRow(DeliveryReport.Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channel", row.channel().wireName());
        out.put("channelLabel", label(row.channel().label()));
        out.put("provider", row.provider());
        out.put("providerLabel", label(DeliveryProviders.label(row.provider())));
        out.put("sent", row.sent());
        out.put("delivered", row.delivered());
        out.put("failed", row.failed());
        out.put("deliveryRate", row.deliveryRate().orElse(null));
        return out;
    }

    /**
     * {@code responses}, {@code csat} and {@code average} count request surveys only; the kiosk's
     * exit taps are {@code kioskResponses} (and {@code kiosk}'s figures). {@code responseRate} is
     * answers ÷ survey links sent (null when none was sent), overall, per month and per channel.
     * {@code enoughResponses} is false below {@code minimumResponses}: the console then says "too
     * few answers to judge" instead of a percentage.
     */
    static Map<String, Object> satisfactionReport(SatisfactionReport report) {
        Map<String, Object> out = new LinkedHashMap<>(figures(report.overall()));
        out.putAll(reach(report.reach()));
        out.put("minimumResponses", SatisfactionReport.MINIMUM_RESPONSES);
        out.put("kioskResponses", report.kiosk().responses());
        out.put("kiosk", figures(report.kiosk()));
        // Answers per score 1..5 of the overall question.
        out.put(
                "distribution",
                java.util.Arrays.stream(report.distribution()).boxed().toList());
        out.put(
                "byQuestion",
                report.byQuestion().entrySet().stream()
                        .map(e -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("question", e.getKey());
                            row.putAll(figures(e.getValue()));
                            return row;
                        })
                        .toList());
        java.util.SortedSet<java.time.YearMonth> months =
                new java.util.TreeSet<>(report.byMonth().keySet());
        months.addAll(report.reachByMonth().keySet());
        out.put(
                "byMonth",
                months.stream()
                        .map(month -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("month", month.toString());
                            row.putAll(figures(report.byMonth().getOrDefault(month, NO_ANSWERS)));
                            row.putAll(reach(report.reachIn(month)));
                            return row;
                        })
                        .toList());
        java.util.Set<Channel> channels = java.util.EnumSet.noneOf(Channel.class);
        channels.addAll(report.byChannel().keySet());
        channels.addAll(report.reachByChannel().keySet());
        out.put(
                "byChannel",
                channels.stream()
                        .map(channel -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("channel", channel.wireName());
                            row.put("channelLabel", channelLabel(channel));
                            row.putAll(figures(report.byChannel().getOrDefault(channel, NO_ANSWERS)));
                            row.putAll(reach(report.reachOf(channel)));
                            return row;
                        })
                        .toList());
        out.put(
                "byCategory",
                report.byCategory().entrySet().stream()
                        .map(e -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("category", e.getKey().wireName());
                            row.put("categoryLabel", label(e.getKey().label()));
                            row.putAll(figures(e.getValue()));
                            return row;
                        })
                        .toList());
        return out;
    }

    private static final SatisfactionReport.Figures NO_ANSWERS = new SatisfactionReport.Figures(0, 0, 0);

    private static Map<String, Object> figures(SatisfactionReport.Figures f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responses", f.responses());
        out.put("csat", f.csat().map(v -> Math.round(v * 1000) / 1000.0).orElse(null));
        out.put("average", f.average().map(v -> Math.round(v * 100) / 100.0).orElse(null));
        out.put("enoughResponses", f.enoughToJudge());
        return out;
    }

    private static Map<String, Object> reach(SatisfactionReport.Reach r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("surveysSent", r.sent());
        out.put("responseRate", r.rate().map(v -> Math.round(v * 1000) / 1000.0).orElse(null));
        return out;
    }

    private static Map<String, Object> hours(
            java.util.Optional<Double> average, java.util.Optional<Double> median, java.util.Optional<Double> p90) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("average", average.orElse(null));
        h.put("median", median.orElse(null));
        h.put("p90", p90.orElse(null));
        return h;
    }

    /** A line of the PDPL audit log: who, when, what, whose hash (never the number), how many requests. */
    static Map<String, Object> auditEntry(AuditEntry e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("action", e.action().wireName());
        item.put("actionLabel", label(e.action().label()));
        item.put("staffId", e.staffId());
        item.put("staffName", e.staffName());
        item.put("at", e.at().toString());
        item.put("subjectHash", e.subjectHash());
        item.put("requests", e.requests());
        return item;
    }
}
