// Manager reports (/staff/reports/): satisfaction (request surveys; the kiosk's exit taps apart; the
// response rate; too few answers named as such) and speed of service for a date range, three charts
// (satisfaction trend, channel mix, completion-time distribution) each with its data table, the
// headline figures, message delivery by channel and provider (a table), and the CSV exports (fetched with the bearer token, saved through a Blob URL).
// Figures are aggregates only: evaluation is for improving the service, not for judging a person.
import { api, query } from './session.js';
import { s } from './strings.js';
import { el, label, announce } from './format.js';
import { barChart, lineChart, chartSection, dataTable } from '../staff-charts/charts.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';
import { lang } from '../../js/i18n.js';

const isoDay = (d) => new Date(d.getTime() + 3 * 3600e3).toISOString().slice(0, 10); // Makkah date

export default function reports() {
  const $form = document.querySelector('[data-report-range]');
  const $summary = document.querySelector('[data-error-summary]');
  const $problem = document.querySelector('[data-problem]');
  const $live = document.querySelector('[data-live]');
  const $reports = document.querySelector('[data-reports]');
  const $charts = document.querySelector('[data-charts]');
  const $submit = $form.querySelector('[type="submit"]');
  const $downloadStatus = document.querySelector('[data-download-status]');
  const slot = (n) => document.querySelector(`[data-slot="${n}"]`);
  const h = (key) => s.report[key];
  let loading = false;
  $form.noValidate = true;

  if (!$form.elements.from.value) $form.elements.from.value = isoDay(new Date(Date.now() - 365 * 86400e3));
  if (!$form.elements.to.value) $form.elements.to.value = isoDay(new Date());

  const forbid = () => {
    $reports.hidden = true;
    $form.hidden = true;
    $problem.textContent = s.forbidden;
    $problem.hidden = false;
    $problem.focus();
  };
  // Staff may open this address; the API is the authority and answers them 403 (shown as a clear
  // message, not an empty page). The navigation hides the link for staff.
  load();

  function range() { return { from: $form.elements.from.value, to: $form.elements.to.value }; }

  async function load() {
    if (loading) return;
    const r = range();
    if (r.from && r.to && r.from > r.to) {
      showErrors($form, $summary, [{ field: 'from', code: 'invalid_range', message: s.invalidRange }]);
      return;
    }
    clearErrors($form, $summary);
    $problem.hidden = true;
    loading = true;
    setBusy($form, $submit, true, s.loading);
    const [sat, svc] = await Promise.all([
      api(`/staff/reports/satisfaction${query(r)}`),
      api(`/staff/reports/service${query(r)}`),
    ]);
    setBusy($form, $submit, false);
    loading = false;
    if (sat.status === 403 || svc.status === 403) { forbid(); return; }
    if (sat.status === 200 && svc.status === 200 && sat.data && svc.data) {
      render(sat.data, svc.data);
      announce($live, s.reportsLoaded);
      return;
    }
    const bad = [sat, svc].find((x) => x.status === 400 && Array.isArray(x.data?.errors));
    if (bad) { showErrors($form, $summary, bad.data.errors); return; }
    $problem.textContent = [sat, svc].some((x) => x.status === 0) ? s.network : s.server;
    $problem.hidden = false;
    $problem.focus();
  }

  function render(sat, svc) {
    const pct = (x) => (x == null || Number.isNaN(x) ? '—' : s.percent(x));
    const hrs = (x) => (x == null ? '—' : s.hours(x));
    const note = (text) => el('span', { className: 'mf-staff-kpis__note', textContent: text });
    // Below the threshold a share is chance, not a judgement: the words replace the percentage.
    const min = sat.minimumResponses ?? 10;
    const tooFew = (x) => s.tooFew(s.number(x?.responses ?? 0), s.number(min));
    const judged = (x, text) => (!x?.responses ? '—' : x.enoughResponses ? text : tooFew(x));
    const csat = (x) => judged(x, pct(x?.csat));
    slot('responses').textContent = s.number(sat.responses ?? 0);
    slot('csat').textContent = csat(sat);
    slot('average').textContent = judged(sat, sat.average != null ? `${s.decimal(sat.average)} / ${s.number(5)}` : '—');
    slot('responseRate').replaceChildren(pct(sat.responseRate), note(s.ofLinks(s.number(sat.surveysSent ?? 0))));
    // replaceChildren writes a null as the text "null": leave the share out when there are no taps
    slot('kiosk').replaceChildren(...[s.number(sat.kioskResponses ?? 0),
      sat.kioskResponses ? note(`${h('csatCol')}: ${csat(sat.kiosk)}`) : null, note(s.kioskNote)].filter(Boolean));
    // Service recovery: follow-ups recorded ÷ created in the period, and the median working hours
    // from an answer's follow-up to the recorded call.
    const fu = sat.followUps ?? {};
    slot('followUpRate').replaceChildren(pct(fu.rate), note(s.followUpsOf(s.number(fu.recorded ?? 0), s.number(fu.created ?? 0))));
    slot('followUpTime').textContent = hrs(fu.medianWorkingHours);
    // Complaints handled as complaints: outcomes by result, on time against respond-by, and the
    // complainants' ratings; the API leaves a share out below the threshold, so the words say why.
    const c = svc.complaints ?? {};
    const o = c.outcomes ?? {};
    slot('complaintsReceived').replaceChildren(s.number(c.received ?? 0),
      note(s.complaintOutcomes(s.number(o.upheld ?? 0), s.number(o.partly_upheld ?? 0), s.number(o.not_upheld ?? 0))));
    slot('complaintsOnTime').replaceChildren(!c.responded ? '—' : c.onTimeRate != null ? pct(c.onTimeRate) : s.tooFew(s.number(c.responded), s.number(min)),
      note(s.complaintsOnTime(s.number(c.respondedOnTime ?? 0), s.number(c.responded ?? 0), s.number(c.respondWorkingDays ?? 0))));
    slot('complaintHandling').replaceChildren(!c.rated ? '—' : c.satisfiedRate != null ? pct(c.satisfiedRate) : s.tooFew(s.number(c.rated), s.number(min)),
      note(s.ratingsOf(s.number(c.rated ?? 0))));
    slot('requests').textContent = s.number(svc.requests ?? 0);
    slot('withinSla').textContent = svc.requests ? pct(svc.withinSla) : '—';
    const spread = (x) => [hrs(x?.median), note(s.p90(hrs(x?.p90)))];
    slot('firstAction').replaceChildren(...spread(svc.firstActionHours));
    slot('completion').replaceChildren(...spread(svc.completionHours));

    // 1. Satisfaction trend (CSAT by month): the chart plots only months with enough answers; the
    // table lists every month with answers or links, with the notice where there are too few.
    const months = (sat.byMonth ?? []).filter((m) => m.responses > 0 || m.surveysSent > 0);
    const points = months.filter((m) => m.enoughResponses).map((m) => ({ label: s.months(m.month), value: m.csat ?? 0, valueText: pct(m.csat) }));
    const trend = chartSection({
      id: 'chart-trend', title: h('trendTitle'), caption: h('trendTable'),
      empty: months.length ? null : s.noSurveys,
      summary: points.length ? s.trendDesc(`${points[0].label}: ${points[0].valueText}`, `${points.at(-1).label}: ${points.at(-1).valueText}`, s.number(points.length)) : s.noMonthToJudge(s.number(min)),
      svg: points.length ? lineChart({ id: 'chart-trend', points }) : null,
      columns: [h('month'), h('responsesCol'), h('csatCol'), h('linksCol'), h('responseRateCol')],
      rows: months.map((m) => [s.months(m.month), s.number(m.responses), csat(m), s.number(m.surveysSent ?? 0), pct(m.responseRate)]),
    });

    // 2. Channel mix (requests per channel, with share).
    const total = (svc.byChannel ?? []).reduce((a, c) => a + (c.count ?? 0), 0);
    const channels = [...(svc.byChannel ?? [])].filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
    const chRows = channels.map((c) => ({ label: label('channel', c.channel, c.channelLabel), value: c.count, valueText: `${s.number(c.count)} (${pct(c.count / total)})` }));
    const mix = chartSection({
      id: 'chart-channels', title: h('channelsTitle'), caption: h('channelsTable'),
      empty: chRows.length ? null : s.noRequests,
      summary: chRows.length ? s.barsDesc(`${chRows[0].label} ${chRows[0].valueText}`, s.number(chRows.length)) : '',
      svg: chRows.length ? barChart({ id: 'chart-channels', rows: chRows }) : null,
      columns: [h('channelCol'), h('countCol'), h('shareCol')],
      rows: channels.map((c) => [label('channel', c.channel, c.channelLabel), s.number(c.count), pct(c.count / total)]),
    });

    // 3. Completion-time distribution.
    const hist = (svc.completionHistogram ?? []).map((b) => ({ label: label('bucket', b.label), value: b.count ?? 0, valueText: s.number(b.count ?? 0) }));
    const histTotal = hist.reduce((a, b) => a + b.value, 0);
    const topBin = [...hist].sort((a, b) => b.value - a.value)[0];
    const dist = chartSection({
      id: 'chart-completion', title: h('completionTitle'), caption: h('completionTable'),
      empty: histTotal ? null : s.noRequests,
      summary: histTotal ? s.histDesc(`${topBin.label} (${topBin.valueText})`) : '',
      svg: histTotal ? barChart({ id: 'chart-completion', rows: hist }) : null,
      columns: [h('durationCol'), h('countCol'), h('shareCol')],
      rows: hist.map((b) => [b.label, b.valueText, pct(b.value / histTotal)]),
    });
    $charts.replaceChildren(trend, mix, dist);

    // Satisfaction by channel and by category: tables (too few points per group to chart well).
    const satRow = (x, kind) => [label(kind, x[kind], x[`${kind}Label`]), s.number(x.responses ?? 0), csat(x)];
    const satRows = (list, kind) => (list ?? []).map((x) => satRow(x, kind));
    // Per channel the response rate too: a channel whose links go unanswered is a channel to fix.
    slot('satByChannel').replaceChildren(dataTable({
      caption: h('satByChannel'),
      columns: [h('channelCol'), h('responsesCol'), h('csatCol'), h('linksCol'), h('responseRateCol')],
      rows: (sat.byChannel ?? []).map((x) => [...satRow(x, 'channel'), s.number(x.surveysSent ?? 0), pct(x.responseRate)]),
    }));
    slot('satByCategory').replaceChildren(dataTable({ caption: h('satByCategory'), columns: [h('categoryCol'), h('responsesCol'), h('csatCol')], rows: satRows(sat.byCategory, 'category') }));

    // Message delivery by channel and provider: a table (a handful of rows; the rate is the figure).
    const deliveries = (svc.deliveries ?? []).filter((d) => d.sent > 0 || d.delivered > 0 || d.failed > 0);
    slot('deliveries').replaceChildren(deliveries.length
      ? dataTable({
        caption: h('deliveryTable'),
        columns: [h('channelCol'), h('providerCol'), h('sentCol'), h('deliveredCol'), h('failedCol'), h('rateCol')],
        rowHeaders: 2,
        rows: deliveries.map((d) => [label('contact', d.channel, d.channelLabel), label('provider', d.provider, d.providerLabel),
          s.number(d.sent ?? 0), s.number(d.delivered ?? 0), s.number(d.failed ?? 0), pct(d.deliveryRate)]),
      })
      : el('p', { className: 'mf-chart__empty', textContent: s.noMessagesSent }));
    $reports.hidden = false;
  }

  $form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });

  for (const $btn of document.querySelectorAll('[data-export]')) {
    $btn.addEventListener('click', async () => {
      if ($btn.getAttribute('aria-disabled') === 'true') return;
      const kind = $btn.dataset.export; // requests | surveys
      const r = range();
      $btn.setAttribute('aria-disabled', 'true');
      announce($downloadStatus, s.downloading);
      // headers and names in the console's language (the API's default is Arabic)
      const res = await api(`/staff/exports/${kind}.csv${query({ ...r, lang })}`, { raw: true });
      $btn.setAttribute('aria-disabled', 'false');
      if (res.status === 403) { forbid(); return; }
      if (res.status !== 200 || !(res.data instanceof Blob)) { announce($downloadStatus, s.downloadFailed); return; }
      const fromHeader = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.response.headers.get('Content-Disposition') ?? '')?.[1];
      const name = decodeURIComponent(fromHeader ?? `${kind}-${r.from || 'start'}-${r.to || 'today'}.csv`);
      const href = URL.createObjectURL(res.data);
      const $a = Object.assign(document.createElement('a'), { href, download: name, hidden: true });
      document.body.append($a);
      $a.click();
      $a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      announce($downloadStatus, s.downloaded(name, s.kb(res.data.size)));
    });
  }
}
