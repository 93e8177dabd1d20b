// Feedback (/staff/comments/, managers): a month's survey answers with their comments, filtered by
// score and by whether they carry a comment. An anonymous answer comes without a reference (the
// store never kept it) and is said to be anonymous in words. Comments are text people typed:
// textContent only. The filters are in the address (a bookmarkable view; nothing personal in them).
import { api } from './session.js';
import { s } from './strings.js';
import { el, ltr, label, dualDate, requestHref, announce } from './format.js';

export default function feedbackPage(session) {
  const $problem = document.querySelector('[data-problem]');
  const $body = document.querySelector('[data-feedback-body]');
  const $form = document.querySelector('[data-feedback-filters]');
  const $count = document.querySelector('[data-slot="count"]');
  const $table = document.querySelector('[data-slot="table"]');
  const $empty = document.querySelector('[data-slot="empty"]');
  const cols = s.feedbackCols;

  const showProblem = (text) => { $problem.textContent = text; $problem.hidden = false; $problem.focus(); };

  const params = new URLSearchParams(location.search);
  const now = new Date();
  $form.elements.month.value = params.get('month') || `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  $form.elements.score.value = params.get('score') ?? '';
  $form.elements.hasComment.value = params.get('hasComment') ?? '';

  async function load({ focus = false } = {}) {
    const q = new URLSearchParams();
    for (const f of ['month', 'score', 'hasComment']) if ($form.elements[f].value) q.set(f, $form.elements[f].value);
    history.replaceState(null, '', `?${q}`);
    const res = await api(`/staff/feedback?${q}`);
    if (res.status !== 200 || !Array.isArray(res.data?.items)) {
      showProblem(res.status === 403 ? s.forbidden : res.status === 0 ? s.network : s.server);
      return;
    }
    $problem.hidden = true;
    const items = res.data.items;
    const $tbody = el('tbody', {}, ...items.map(row));
    $table.replaceChildren(el('table', { className: 'mf-staff-table' },
      el('caption', { textContent: s.feedbackCount(items.length) }),
      el('thead', {}, el('tr', {}, ...['answeredAt', 'overall', 'comment', 'reference', 'channel', 'category']
        .map((c) => el('th', { scope: 'col', textContent: cols[c] })))),
      $tbody));
    $table.hidden = items.length === 0;
    $empty.hidden = items.length !== 0;
    announce($count, s.feedbackCount(items.length));
    $body.hidden = false;
    if (focus) document.querySelector('#results-title').focus();
  }

  function row(a) {
    const reference = a.reference
      ? el('a', { href: requestHref(a.reference) }, ltr(a.reference))
      : el('span', { className: 'mf-staff-flag', textContent: s.feedbackAnonymous });
    return el('tr', {},
      el('th', { scope: 'row' }, dualDate(a.answeredAt, { short: true })),
      el('td', { textContent: s.number(a.overall) }),
      el('td', { className: 'mf-staff-text', dir: 'auto', textContent: a.comment ?? s.feedbackNoComment }),
      el('td', {}, reference),
      el('td', { textContent: label('channel', a.channel) }),
      el('td', { textContent: label('category', a.category) }));
  }

  $form.addEventListener('submit', (ev) => { ev.preventDefault(); load({ focus: true }); });

  // Employees may open the address; only managers read comments (the API answers 403 too).
  if (session?.role !== 'manager') { showProblem(s.forbidden); return; }
  load();
}
