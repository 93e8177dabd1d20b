// The queue (/staff/queue/): the work views (open work due first, mine, unassigned) with their
// counts and the counts per open status, or every request with filters by type, channel and
// period; search by reference, mobile or national ID; markers on rows the beneficiary answered
// ("beneficiary replied", "new document") and whose latest message did not reach them.
// View, filters and page live in the address (bookmarkable; Back, refresh and a shared link keep
// them; the request page's "back to the requests" returns to it); the search text never does: a
// mobile or national ID in a URL ends up in history and access logs.
import { api, query } from './session.js';
import { s } from './strings.js';
import { el, ltr, label, dualDate, requestHref, announce } from './format.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

const RANGE_FILTERS = ['category', 'channel', 'from', 'to', 'order'];
// 'escalated' (managers: overdue complaints without an outcome) is a view of the open work too.
const VIEWS = ['open', 'mine', 'unassigned', 'escalated', 'all'];
/** Where the request page's "back to the requests" link returns (this tab only). */
export const LAST_QUEUE_URL = 'mf-staff-queue-url';

export default function queue() {
  const $form = document.querySelector('[data-staff-filters]');
  const $summary = document.querySelector('[data-error-summary]');
  const $live = document.querySelector('[data-live]');
  const $problem = document.querySelector('[data-problem]');
  const $results = document.querySelector('[data-results]');
  const $heading = document.querySelector('#results-title');
  const $body = $results.querySelector('tbody');
  const $empty = document.querySelector('[data-empty]');
  const $prev = document.querySelector('[data-action="prev"]');
  const $next = document.querySelector('[data-action="next"]');
  const $refresh = document.querySelector('[data-action="refresh"]');
  const $pageLabel = document.querySelector('[data-slot="page"]');
  const $statusCounts = document.querySelector('[data-status-counts]');
  const $submit = $form.querySelector('[type="submit"]');
  $form.noValidate = true;

  const params = new URLSearchParams(location.search);
  // The tab chosen; the view shown also follows the filters: a period, type, channel, oldest-first
  // order or a finished status asks for the list of every request.
  const chosen = VIEWS.includes(params.get('view')) ? params.get('view') : 'open';
  let view = chosen;
  let workView = true;
  // cursors[i] fetches page i+1; kept in history.state so refresh and Back return to the same page.
  let cursors = Array.isArray(history.state?.cursors) ? history.state.cursors : [params.get('cursor') || null];
  let nextCursor = null;
  let loading = false;
  let me = null;

  for (const $a of document.querySelectorAll('[data-view]')) {
    $a.setAttribute('href', `${location.pathname}${$a.dataset.view === 'open' ? '' : `?view=${$a.dataset.view}`}`);
  }
  for (const name of ['status', ...RANGE_FILTERS]) if (params.has(name) && $form.elements[name]) $form.elements[name].value = params.get(name);

  const CLOSED = ['completed', 'rejected', 'closed'];
  const rangeAsked = () => RANGE_FILTERS.some((n) => (n === 'order' ? $form.elements.order.value === 'oldest' : $form.elements[n].value))
    || CLOSED.includes($form.elements.status.value);
  function showView() {
    view = rangeAsked() ? 'all' : chosen;
    workView = view !== 'all';
    for (const $a of document.querySelectorAll('[data-view]')) {
      if ($a.dataset.view === view) $a.setAttribute('aria-current', 'page');
      else $a.removeAttribute('aria-current');
    }
    for (const $hint of document.querySelectorAll('[data-view-hint]')) $hint.hidden = ($hint.dataset.viewHint === 'all') === workView;
    $statusCounts.hidden = !workView;
  }

  const filters = () => {
    const names = workView ? ['status', 'q'] : ['status', ...RANGE_FILTERS, 'q'];
    const f = Object.fromEntries(names.map((n) => [n, $form.elements[n]?.value.trim() ?? '']));
    if (f.order === 'newest') f.order = '';
    return f;
  };

  function keepInAddress() {
    const f = filters();
    const keep = new URLSearchParams();
    // The tab is written only when the filters do not say it already.
    if (view !== 'open' && !(view === 'all' && rangeAsked())) keep.set('view', view);
    for (const [n, v] of Object.entries(f)) if (n !== 'q' && v) keep.set(n, v);
    if (cursors.at(-1)) keep.set('cursor', cursors.at(-1));
    const url = `${location.pathname}${keep.size ? `?${keep}` : ''}`;
    history.replaceState({ cursors }, '', url);
    try { sessionStorage.setItem(LAST_QUEUE_URL, url); } catch { /* private mode: the link stays plain */ }
  }

  async function load({ focusResults = false, keepFocus = null, said = null } = {}) {
    if (loading) return;
    showView();
    const f = filters();
    if (f.from && f.to && f.from > f.to) {
      showErrors($form, $summary, [{ field: 'from', code: 'invalid_range', message: s.invalidRange }]);
      return;
    }
    clearErrors($form, $summary);
    $problem.hidden = true;
    loading = true;
    $results.setAttribute('aria-busy', 'true');
    setBusy($form, $submit, true, s.loading);
    const res = await api(`/staff/requests${query({ ...f, view: workView ? view : '', cursor: cursors.at(-1) })}`);
    setBusy($form, $submit, false);
    $results.setAttribute('aria-busy', 'false');
    loading = false;
    if (res.status === 200 && Array.isArray(res.data?.items)) {
      keepInAddress();
      render(res.data, said);
      if (keepFocus) restoreFocus(keepFocus);
      else if (focusResults) $heading.focus();
      return;
    }
    if (res.status === 400 && Array.isArray(res.data?.errors)) {
      if (res.data.errors.some((e) => e.field === 'cursor')) { cursors = [null]; load(); return; }
      showErrors($form, $summary, res.data.errors);
      return;
    }
    $problem.textContent = res.status === 0 ? s.network : s.server;
    $problem.hidden = false;
    $problem.focus();
  }

  function render({ items, nextCursor: nc, counts, me: caller }, said) {
    me = caller ?? null;
    nextCursor = nc ?? null;
    $body.replaceChildren(...items.map(row));
    $results.hidden = items.length === 0;
    $empty.hidden = items.length !== 0;
    const pageNo = cursors.length;
    $pageLabel.textContent = s.pageN(pageNo);
    $prev.hidden = pageNo === 1;
    $next.hidden = !nextCursor;
    if (counts) renderCounts(counts);
    // What needs attention is said with the results, so a screen-reader user hears it without
    // walking every row: the beneficiaries not reached and the rows with news from them.
    const unreached = items.filter((r) => r.notReached === true).length;
    const marked = items.filter((r) => r.beneficiaryReplied === true || r.newDocument === true).length;
    announce($live, [
      said,
      items.length ? s.resultsCount(items.length, pageNo) : s.noResults,
      unreached ? s.notReachedCount(unreached) : null,
      marked ? s.markedCount(marked) : null,
    ].filter(Boolean).join('. '));
  }

  function renderCounts(counts) {
    for (const $c of document.querySelectorAll('[data-count]')) {
      const n = counts[$c.dataset.count];
      $c.textContent = Number.isFinite(n) ? `(${s.number(n)})` : '';
    }
    const current = $form.elements.status.value;
    const link = (status, text) => {
      const q = new URLSearchParams({ view });
      if (status) q.set('status', status);
      const $a = el('a', { href: `${location.pathname}?${q}`, textContent: text });
      if (status === current) $a.setAttribute('aria-current', 'true');
      return $a;
    };
    const byStatus = Object.entries(counts.byStatus ?? {});
    $statusCounts.replaceChildren(
      link('', s.viewCount(s.allStatuses, counts.open ?? 0)),
      ...byStatus.map(([st, n]) => link(st, s.viewCount(label('status', st), n))));
  }

  /** Time over or left against the target, in working hours: the API counts only working time. */
  function slaWords(sla) {
    if (!sla || !Number.isFinite(sla.targetHours) || !Number.isFinite(sla.workingHoursElapsed)) return null;
    const span = (h) => (h < 1 ? s.minutes(Math.max(1, Math.round(h * 60))) : s.hours(h));
    if (sla.state === 'overdue') return s.overBy(span(sla.workingHoursElapsed - sla.targetHours));
    if (sla.state === 'due_soon' || sla.state === 'on_track') return s.leftFor(span(Math.max(0, sla.targetHours - sla.workingHoursElapsed)));
    return null;
  }

  function row(r) {
    const sla = r.sla?.state;
    const words = slaWords(r.sla);
    const flag = (text, extra = '') => el('span', { className: `mf-staff-flag ${extra}`.trim(), textContent: text });
    return el('tr', { dataset: { reference: r.reference, status: r.status } },
      // The flags sit in the row header, outside the link: screen readers repeat a row header with
      // every cell of its row, and the link keeps the reference as its name.
      el('th', { scope: 'row' }, el('a', { href: requestHref(r.reference), className: 'mf-staff-ref' }, ltr(r.reference)),
        r.beneficiaryReplied === true ? flag(s.beneficiaryReplied, 'mf-staff-flag--news') : null,
        r.newDocument === true ? flag(s.newDocument, 'mf-staff-flag--news') : null,
        r.notReached === true ? flag(s.notReached, 'mf-staff-flag--unreached') : null,
        r.aboutStaff === true ? flag(s.aboutStaff) : null,
        r.escalated === true ? flag(s.escalated, 'mf-staff-flag--escalated') : null),
      // Blank names say why: an anonymous sender has none; a confidential complainant is not for this reader.
      el('td', { textContent: r.anonymous ? s.anonymousSender : r.identityHidden ? s.identityHiddenShort : r.name ?? '', dir: 'auto' }),
      el('td', {}, ltr(r.mobileMasked ?? '')),
      el('td', { textContent: label('category', r.category, r.categoryLabel) }),
      el('td', { textContent: label('channel', r.channel, r.channelLabel) }),
      el('td', {}, el('span', { className: 'mf-staff-status', dataset: { status: r.status }, textContent: label('status', r.status, r.statusLabel) })),
      el('td', {}, dualDate(r.submittedAt, { short: true })),
      el('td', {}, sla ? el('span', { className: `mf-staff-sla mf-staff-sla--${sla}`, textContent: s.sla[sla] ?? sla }) : '—',
        words ? el('span', { className: 'mf-staff-sla__due', textContent: words, dataset: { slot: 'sla-words' } }) : null,
        !words && r.sla?.dueAt && !['met', 'missed'].includes(sla) ? el('span', { className: 'mf-staff-sla__due' }, dualDate(r.sla.dueAt, { short: true })) : null),
      owner(r),
      el('td', {}, r.possibleDuplicate ? el('span', { className: 'mf-staff-flag', textContent: s.duplicate }) : el('span', { className: 'mf-visually-hidden', textContent: s.no })));
  }

  function owner(r) {
    const mine = r.assignee != null && r.assignee === me;
    const $cell = el('td', { className: 'mf-staff-owner' },
      el('span', { textContent: mine ? s.you : (r.assigneeName || s.nobody), dir: 'auto' }));
    if (!mine && r.status && !['completed', 'rejected', 'closed'].includes(r.status)) {
      $cell.append(' ', el('button', {
        type: 'button',
        className: 'mf-button mf-button--secondary',
        textContent: s.assignToMe,
        dataset: { action: 'assign-me', reference: r.reference },
        attrs: { 'aria-label': s.assignToMeRef(r.reference) },
      }));
    }
    return $cell;
  }

  /** Which control had focus, by row and role, so a reload can put it back. */
  function focusKey() {
    const $f = document.activeElement;
    const $row = $f?.closest?.('tr[data-reference]');
    if ($row) return { reference: $row.dataset.reference, action: $f.dataset.action ?? ($f.tagName === 'A' ? 'link' : null) };
    return $f && $f !== document.body ? { element: $f } : null;
  }

  function restoreFocus(key) {
    if (key.element?.isConnected) { key.element.focus(); return; }
    const $row = key.reference ? $body.querySelector(`tr[data-reference="${CSS.escape(key.reference)}"]`) : null;
    const $target = $row && ($row.querySelector(key.action === 'link' ? 'a' : `[data-action="${key.action}"]`) ?? $row.querySelector('a'));
    ($target ?? $heading).focus();
  }

  $body.addEventListener('click', async (ev) => {
    const $b = ev.target.closest('[data-action="assign-me"]');
    if (!$b || loading) return;
    $b.disabled = true;
    const res = await api(`/staff/requests/${encodeURIComponent($b.dataset.reference)}/assignee`, { method: 'POST', body: { assignee: 'me' } });
    if (res.status === 200) {
      const $row = $b.closest('tr');
      await load({ keepFocus: { reference: $row.dataset.reference, action: 'link' }, said: s.assignedNow(res.data?.assigneeName ?? s.you) });
      return;
    }
    $b.disabled = false;
    $problem.textContent = res.status === 0 ? s.network : s.server;
    $problem.hidden = false;
    $problem.focus();
  });

  $form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    cursors = [null];
    load({ focusResults: false });
  });
  $form.addEventListener('reset', () => setTimeout(() => {
    cursors = [null];
    load();
  }));
  $refresh.addEventListener('click', () => load({ keepFocus: focusKey(), said: s.refreshed }));
  $next.addEventListener('click', () => { if (nextCursor && !loading) { cursors.push(nextCursor); load({ focusResults: true }); } });
  $prev.addEventListener('click', () => { if (cursors.length > 1 && !loading) { cursors.pop(); load({ focusResults: true }); } });
  // Back from a request page may restore this page from the cache: show what changed since.
  window.addEventListener('pageshow', (ev) => { if (ev.persisted) load({ keepFocus: focusKey() }); });
  load();
}
