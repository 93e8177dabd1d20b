// The queue (/staff/queue/): filters, newest/oldest, cursor paging, search by reference, mobile or
// national ID; a "beneficiary not reached" flag on requests whose latest message did not arrive.
// Filters live in the address (bookmarkable, Back works); the search text never does: a mobile or
// national ID in a URL ends up in history and access logs.
import { api, query } from './session.js';
import { s } from './strings.js';
import { el, ltr, label, dualDate, requestHref, announce } from './format.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

const FILTERS = ['status', 'category', 'channel', 'from', 'to', 'order'];

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
  const $pageLabel = document.querySelector('[data-slot="page"]');
  const $submit = $form.querySelector('[type="submit"]');
  $form.noValidate = true;

  let cursors = [null]; // cursors[i] fetches page i+1; Previous pops
  let nextCursor = null;
  let loading = false;

  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) if (params.has(name) && $form.elements[name]) $form.elements[name].value = params.get(name);

  const filters = () => Object.fromEntries([...FILTERS, 'q'].map((n) => [n, $form.elements[n]?.value.trim() ?? '']));

  async function load({ focusResults = false } = {}) {
    if (loading) return;
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
    const res = await api(`/staff/requests${query({ ...f, cursor: cursors.at(-1) })}`);
    setBusy($form, $submit, false);
    $results.setAttribute('aria-busy', 'false');
    loading = false;
    if (res.status === 200 && Array.isArray(res.data?.items)) {
      render(res.data);
      if (focusResults) $heading.focus();
      return;
    }
    if (res.status === 400 && Array.isArray(res.data?.errors)) { showErrors($form, $summary, res.data.errors); return; }
    $problem.textContent = res.status === 0 ? s.network : s.server;
    $problem.hidden = false;
    $problem.focus();
  }

  function render({ items, nextCursor: nc }) {
    nextCursor = nc ?? null;
    $body.replaceChildren(...items.map(row));
    $results.hidden = items.length === 0;
    $empty.hidden = items.length !== 0;
    const pageNo = cursors.length;
    $pageLabel.textContent = s.pageN(pageNo);
    $prev.hidden = pageNo === 1;
    $next.hidden = !nextCursor;
    // The count of beneficiaries the latest message did not reach is said with the results, so a
    // screen-reader user hears it without walking every row.
    const unreached = items.filter((r) => r.notReached === true).length;
    announce($live, items.length
      ? [s.resultsCount(items.length, pageNo), unreached ? s.notReachedCount(unreached) : null].filter(Boolean).join('. ')
      : s.noResults);
  }

  function row(r) {
    const sla = r.sla?.state;
    return el('tr', { dataset: { reference: r.reference, status: r.status } },
      // The flag sits in the row header, outside the link: screen readers repeat a row header with
      // every cell of its row, and the link keeps the reference as its name.
      el('th', { scope: 'row' }, el('a', { href: requestHref(r.reference), className: 'mf-staff-ref' }, ltr(r.reference)),
        r.notReached === true ? el('span', { className: 'mf-staff-flag mf-staff-flag--unreached', textContent: s.notReached }) : null),
      el('td', { textContent: r.name ?? '', dir: 'auto' }),
      el('td', {}, ltr(r.mobileMasked ?? '')),
      el('td', { textContent: label('category', r.category, r.categoryLabel) }),
      el('td', { textContent: label('channel', r.channel, r.channelLabel) }),
      el('td', {}, el('span', { className: 'mf-staff-status', dataset: { status: r.status }, textContent: label('status', r.status, r.statusLabel) })),
      el('td', {}, dualDate(r.submittedAt, { short: true })),
      el('td', {}, sla ? el('span', { className: `mf-staff-sla mf-staff-sla--${sla}`, textContent: s.sla[sla] ?? sla }) : '—',
        r.sla?.dueAt && !['met', 'missed'].includes(sla) ? el('span', { className: 'mf-staff-sla__due' }, dualDate(r.sla.dueAt, { short: true })) : null),
      el('td', {}, r.possibleDuplicate ? el('span', { className: 'mf-staff-flag', textContent: s.duplicate }) : el('span', { className: 'mf-visually-hidden', textContent: s.no })));
  }

  $form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = filters();
    const keep = new URLSearchParams();
    for (const n of FILTERS) if (f[n]) keep.set(n, f[n]);
    history.replaceState(null, '', `${location.pathname}${keep.size ? `?${keep}` : ''}`);
    cursors = [null];
    load({ focusResults: false });
  });
  $form.addEventListener('reset', () => setTimeout(() => {
    history.replaceState(null, '', location.pathname);
    cursors = [null];
    load();
  }));
  $next.addEventListener('click', () => { if (nextCursor && !loading) { cursors.push(nextCursor); load({ focusResults: true }); } });
  $prev.addEventListener('click', () => { if (cursors.length > 1 && !loading) { cursors.pop(); load({ focusResults: true }); } });
  load();
}
