// The request page's complaint panel (complaints only): the complaint's own clock (acknowledged at
// receipt, outcome due by respond-by; "escalated" once that passes without an outcome), the form that
// records the outcome (managers and the complaint's assignee: the API says so in mayRecordOutcome and
// refuses anyone else with 403), the outcome once recorded, and the complainant's rating when it
// comes. Recording sends the outcome to the complainant as a reply, so the page reloads afterwards.
import { api } from './session.js';
import { s } from './strings.js';
import { el, label, dualDate } from './format.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

export default function complaintPanel({ reload, showMessage, showProblem }) {
  const $panel = document.querySelector('[data-complaint]');
  const $form = document.querySelector('[data-outcome-form]');
  const $summary = document.querySelector('[data-outcome-summary]');
  const slot = (n) => $panel.querySelector(`[data-slot="${n}"]`);
  let current = null;
  let busy = false;
  $form.noValidate = true;

  function render(d) {
    current = d;
    const c = d.complaint;
    $panel.hidden = !c;
    if (!c) return;
    slot('complaint-escalated').hidden = c.escalated !== true;
    slot('complaint-acknowledged').replaceChildren(dualDate(c.acknowledgedAt));
    slot('complaint-respond-by').replaceChildren(dualDate(c.respondBy));
    const o = c.outcome;
    slot('outcome').hidden = !o;
    if (o) {
      slot('outcome-result').replaceChildren(label('complaint', o.result, o.resultLabel), ' — ', dualDate(o.at),
        ' ', el('span', { className: 'mf-staff-sla__detail', textContent: o.onTime ? s.outcomeOnTime : s.outcomeLate }));
      slot('outcome-action').textContent = o.actionTaken ?? '';
      slot('outcome-action').dir = 'auto';
      slot('outcome-by').textContent = o.by ?? '';
    }
    $form.hidden = c.mayRecordOutcome !== true;
    slot('outcome-not-yours').hidden = Boolean(o) || c.mayRecordOutcome === true;
    const r = c.rating;
    slot('rating').replaceChildren(r
      ? el('p', {}, el('strong', { textContent: label('complaint', r.answer, r.answerLabel) }), ' — ', dualDate(r.at),
        ...(r.comment ? [el('br'), el('span', { className: 'mf-staff-text', dir: 'auto', textContent: r.comment })] : []))
      : el('p', { textContent: s.ratingNone }));
  }

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !current) return;
    const result = $form.elements.result.value;
    const actionTaken = $form.elements.actionTaken.value.trim();
    const missing = [
      ...(result ? [] : [{ field: 'result', code: 'required', message: s.outcomeRequired }]),
      ...(actionTaken ? [] : [{ field: 'actionTaken', code: 'required', message: s.actionRequired }]),
    ];
    if (missing.length) return showErrors($form, $summary, missing);
    clearErrors($form, $summary);
    const $submit = $form.querySelector('[type="submit"]');
    busy = true;
    setBusy($form, $submit, true, s.sending);
    const res = await api(`/staff/requests/${encodeURIComponent(current.reference)}/outcome`,
      { method: 'POST', body: { result, actionTaken } });
    setBusy($form, $submit, false);
    busy = false;
    if (res.status === 201) {
      $form.reset();
      await reload();
      showMessage(s.outcomeSent);
    } else if (res.status === 409) {
      await reload();
      showMessage(s.outcomeExists);
    } else if (res.status === 400 && Array.isArray(res.data?.errors)) {
      showErrors($form, $summary, res.data.errors);
    } else {
      showProblem(res.status === 403 ? s.outcomeNotYours : res.status === 0 ? s.network : s.server);
    }
  });

  return render;
}
