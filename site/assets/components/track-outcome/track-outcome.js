// Tracking page, after a successful lookup of a complaint with an outcome: the decision in words,
// what was done and when, then the question ISO 10002 asks at the end (did the handling satisfy
// you?) posted once to POST /requests/{ref}/handling-rating with the same proof the lookup took (the
// mobile's last digits or the tracking code, kept in memory only). Once answered, a thank-you stays.
import { t, pick } from '../../js/i18n.js';
import { postJson } from '../../js/api.js';
import { setBusy, retryMinutes } from '../../js/request.js';
import { timeElement } from '../../js/dates.js';

export default function trackOutcome($section) {
  const $form = $section.querySelector('[data-rating]');
  const $button = $form.querySelector('[type="submit"]');
  const $status = $form.querySelector('[data-rating-status]');
  const $error = $form.querySelector('[data-rating-error]');
  const $thanks = $section.querySelector('[data-rated]');
  const $radios = [...$form.querySelectorAll('input[name="answer"]')];
  const slot = (name) => $section.querySelector(`[data-slot="${name}"]`);
  let who = null;
  let busy = false;

  function show(data) {
    const o = data.outcome;
    if (!o) { $section.hidden = true; return; }
    slot('outcome-result').textContent = pick(o.resultLabel, t.complaint?.result?.[o.result] ?? o.result);
    slot('outcome-action').textContent = o.actionTaken ?? '';
    slot('outcome-action').dir = 'auto';
    slot('outcome-at').replaceChildren(timeElement(o.at));
    rated(data.handlingRated === true, false);
    $section.hidden = false;
  }

  /** Answered: the thank-you replaces the question (focus on it when the visitor just answered). */
  function rated(yes, focus) {
    $form.hidden = yes;
    $thanks.hidden = !yes;
    if (yes && focus) $thanks.focus();
  }

  document.addEventListener('mf:lookup', (ev) => {
    const { reference, mobileLast4, trackingCode, data } = ev.detail;
    if (!who || who.reference !== reference) {
      $status.textContent = '';
      $error.textContent = '';
      $form.reset();
    }
    who = trackingCode ? { reference, trackingCode } : { reference, mobileLast4 };
    show(data);
  });
  document.addEventListener('mf:lookup-refreshed', (ev) => { if (who && ev.detail) show(ev.detail); });

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !who) return;
    const $chosen = $radios.find(($r) => $r.checked);
    $status.textContent = '';
    $error.textContent = '';
    if (!$chosen) return fail(t.ratingChoose, $radios[0]);
    const comment = $form.elements.comment.value.trim();
    const proof = who.trackingCode ? { trackingCode: who.trackingCode } : { mobileLast4: who.mobileLast4 };
    busy = true;
    setBusy($form, $button, true, t.sending);
    try {
      const res = await postJson(`/requests/${encodeURIComponent(who.reference)}/handling-rating`,
        { ...proof, answer: $chosen.value, ...(comment ? { comment } : {}) });
      if (res.status === 201) return rated(true, true);
      const code = res.data?.errors?.[0]?.code;
      if (res.status === 409 && code === 'handling_already_rated') return rated(true, true);
      if (res.status === 429) return fail(t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))));
      if (res.status === 0 || res.status >= 500) return fail(t.ratingFailed);
      if (res.status === 400 && res.data?.errors?.[0]?.field === 'comment') {
        return fail(pick(res.data.errors[0].message, t.ratingFailed), $form.elements.comment);
      }
      return fail(pick(res.data?.errors?.[0]?.message, t.ratingFailed), $chosen);
    } finally {
      busy = false;
      setBusy($form, $button, false);
    }
  });

  /** role="alert" reads the text at once; focus goes to the field that needs the visitor. */
  function fail(text, $focus) {
    $error.textContent = text;
    $focus?.focus();
  }
}
