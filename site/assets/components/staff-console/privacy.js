// PDPL data-subject requests for managers (/staff/privacy/): find a beneficiary by mobile or national
// ID (the API answers only how many requests it holds), download everything held about them (a JSON
// file, fetched with the bearer token and saved through a Blob URL), erase their personal data after
// typing a confirmation word, and read the month's audit log (who, when, whose keyed hash, how many
// requests; never the data). Every export and erasure is recorded by the API before it happens.
import { api, query } from './session.js';
import { s } from './strings.js';
import { el, label, announce, dualDate } from './format.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

const riyadhMonth = () => new Date(Date.now() + 3 * 3600e3).toISOString().slice(0, 7);

export default function privacy() {
  const $root = document.querySelector('[data-privacy]');
  const $problem = document.querySelector('[data-problem]');
  const $find = document.querySelector('[data-privacy-find]');
  const $summary = document.querySelector('[data-error-summary]');
  const $found = document.querySelector('[data-found]');
  const $held = $found.querySelector('[data-slot="held"]');
  const $whenHeld = $found.querySelector('[data-when-held]');
  const $export = $found.querySelector('[data-action="export"]');
  const $erase = document.querySelector('[data-privacy-erase]');
  const $live = document.querySelector('[data-live]');
  const $month = document.querySelector('[data-audit-month]');
  const $audit = document.querySelector('[data-slot="audit"]');
  const $auditEmpty = document.querySelector('[data-slot="audit-empty"]');
  const $more = document.querySelector('[data-action="more-audit"]');
  // The person found; kept only in this page's memory, never in the address or storage.
  let subject = null;
  let cursor = null;

  const problem = (text) => {
    $problem.textContent = text;
    $problem.hidden = false;
    $problem.focus();
  };
  const failed = (res) => problem(res.status === 0 ? s.network : s.server);
  const forbid = () => {
    $root.hidden = true;
    problem(s.forbidden);
  };

  $month.elements.month.value = riyadhMonth();
  $month.elements.month.max = riyadhMonth();
  // The API is the authority: an employee who opens this address gets its 403 as a clear message.
  loadAudit({ reset: true }).then((ok) => { if (ok) $root.hidden = false; });

  $find.addEventListener('submit', async (event) => {
    event.preventDefault();
    const $submit = $find.querySelector('[type="submit"]');
    const wanted = { mobile: $find.elements.mobile.value.trim(), nationalId: $find.elements.nationalId.value.trim() };
    clearErrors($find, $summary);
    $problem.hidden = true;
    $found.hidden = true;
    subject = null;
    if (!wanted.mobile && !wanted.nationalId) {
      showErrors($find, $summary, [{ field: 'mobile', code: 'required', message: s.privacy.enterOne }]);
      return;
    }
    const body = Object.fromEntries(Object.entries(wanted).filter(([, v]) => v));
    setBusy($find, $submit, true, s.loading);
    const res = await api('/staff/beneficiaries/find', { method: 'POST', body });
    setBusy($find, $submit, false);
    if (res.status === 403) { forbid(); return; }
    if (res.status === 400 && Array.isArray(res.data?.errors)) { showErrors($find, $summary, res.data.errors); return; }
    if (res.status !== 200) { failed(res); return; }
    const n = res.data.requests ?? 0;
    subject = n > 0 ? body : null;
    $held.textContent = n > 0 ? s.privacy.held(n) : s.privacy.noneHeld;
    $whenHeld.hidden = n === 0;
    $erase.elements.confirmWord.value = '';
    clearErrors($erase, null);
    $found.hidden = false;
    $found.focus();
  });

  $export.addEventListener('click', async () => {
    if (!subject) return;
    $export.disabled = true;
    announce($live, s.downloading);
    const res = await api('/staff/beneficiaries/export', { method: 'POST', body: subject });
    $export.disabled = false;
    if (res.status !== 200 || !res.data) { failed(res); return; }
    const blob = new Blob([JSON.stringify(res.data, null, 2)], { type: 'application/json' });
    const name = `pdpl-export-${res.data.exportedAt?.slice(0, 10) ?? riyadhMonth()}.json`;
    const href = URL.createObjectURL(blob);
    const $a = el('a', { href, download: name, hidden: true });
    document.body.append($a);
    $a.click();
    $a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
    announce($live, s.downloaded(name, s.kb(blob.size)));
    loadAudit({ reset: true });
  });

  $erase.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!subject) return;
    const $submit = $erase.querySelector('[type="submit"]');
    clearErrors($erase, null);
    // A typed word, not a click: erasure cannot be undone, and a stray Enter must not do it.
    if ($erase.elements.confirmWord.value.trim() !== s.privacy.confirmWord) {
      markError($erase, 'confirmWord', s.privacy.confirmMismatch(s.privacy.confirmWord));
      return;
    }
    setBusy($erase, $submit, true, s.sending);
    const res = await api('/staff/beneficiaries/erase', { method: 'POST', body: { ...subject, confirm: true } });
    setBusy($erase, $submit, false);
    if (res.status !== 200) { failed(res); return; }
    subject = null;
    $whenHeld.hidden = true;
    $held.textContent = s.privacy.erased(res.data.erased?.length ?? 0);
    $find.reset();
    $found.focus();
    loadAudit({ reset: true });
  });

  $month.addEventListener('submit', (event) => {
    event.preventDefault();
    loadAudit({ reset: true });
  });
  $more.addEventListener('click', () => loadAudit({ reset: false }));

  /** @returns whether the log could be read (false when the caller is not a manager) */
  async function loadAudit({ reset }) {
    if (reset) cursor = null;
    const month = $month.elements.month.value || riyadhMonth();
    const res = await api(`/staff/audit${query({ month, cursor })}`);
    if (res.status === 403) { forbid(); return false; }
    if (res.status !== 200 || !Array.isArray(res.data?.items)) { failed(res); return res.status === 400; }
    const $body = $audit.querySelector('tbody');
    const rows = res.data.items.map((e) => el('tr', {},
      el('td', {}, dualDate(e.at)),
      el('td', { textContent: label('audit', e.action, e.actionLabel) }),
      el('td', { textContent: e.staffName || e.staffId }),
      el('td', {}, el('code', { dir: 'ltr', textContent: shortHash(e.subjectHash), title: e.subjectHash })),
      el('td', { textContent: s.number(e.requests ?? 0) })));
    if (reset) $body.replaceChildren(...rows); else $body.append(...rows);
    const empty = $body.children.length === 0;
    $audit.hidden = empty;
    $auditEmpty.hidden = !empty;
    cursor = res.data.nextCursor ?? null;
    $more.hidden = !cursor;
    return true;
  }
}

/** The first characters of the keyed hash: enough to tell two people apart in the log, not more. */
const shortHash = (hash) => (hash ? `${String(hash).slice(0, 12)}…` : '—');

function markError($form, id, text) {
  const $control = $form.querySelector(`#${id}`);
  $control.closest('.mf-form__field')?.classList.add('mf-form__field--error');
  $control.setAttribute('aria-invalid', 'true');
  $form.querySelector(`#${id}-error`).textContent = text;
  $control.focus();
}
