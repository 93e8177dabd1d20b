// Tracking page: reference + last 4 mobile digits (or, for a request sent without a name, its
// tracking code) → status and timeline. After a 429 (anyone who knows a reference can spend its
// tries), the owner asks for a code by SMS to the phone on file and opens the request with it.
import { t, pick } from '../../js/i18n.js';
import { validateLookup, normaliseReference, normaliseTrackingCode, toAsciiDigits } from '../../js/validate.js';
import { postJson } from '../../js/api.js';
import { setBusy, retryMinutes } from '../../js/request.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { timeElement } from '../../js/dates.js';

export default function trackForm($form) {
  const $summary = document.querySelector('[data-error-summary]');
  const $status = document.querySelector('[data-form-status]');
  const $submit = $form.querySelector('[type="submit"]');
  const $result = document.querySelector('[data-result]');
  const $reference = $form.elements.reference;
  const $byCode = $form.elements.byCode;
  const $unlock = document.querySelector('[data-unlock]');
  const $unlockForm = $unlock.querySelector('[data-unlock-form]');
  const $unlockStatus = $unlock.querySelector('[data-unlock-status]');
  const $unlockSend = $unlock.querySelector('[data-unlock-send]');
  let sending = false;
  let lastQuery = null;
  $form.noValidate = true;
  $unlockForm.noValidate = true;

  // "I sent it without my name": the tracking code stands where the mobile's digits would.
  const syncProof = () => {
    document.getElementById('mobileLast4-field').hidden = $byCode.checked;
    document.getElementById('trackingCode-field').hidden = !$byCode.checked;
  };
  $byCode.addEventListener('change', syncProof);

  // /track/?ref=7KQ3-M9PX (link from the confirmation): prefill, then put the visitor on the digits.
  // by=code (an anonymous request's link) asks for the tracking code; the code itself is never in
  // the address, so it stays out of history, logs and Referer headers.
  const params = new URLSearchParams(location.search);
  const ref = params.get('ref');
  if (ref && !$reference.value) {
    $reference.value = normaliseReference(ref) ?? ref.slice(0, 20);
  }
  if (params.get('by') === 'code') $byCode.checked = true;
  syncProof();

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (sending) return;
    $status.hidden = true;
    const values = $byCode.checked
      ? { reference: $reference.value, trackingCode: $form.elements.trackingCode.value }
      : { reference: $reference.value, mobileLast4: $form.elements.mobileLast4.value };
    const errors = validateLookup(values);
    if (errors.length) { showErrors($form, $summary, errors); return; }
    clearErrors($form, $summary);
    const body = $byCode.checked
      ? { reference: normaliseReference(values.reference), trackingCode: normaliseTrackingCode(values.trackingCode) }
      : { reference: normaliseReference(values.reference), mobileLast4: toAsciiDigits(values.mobileLast4).trim() };
    sending = true;
    setBusy($form, $submit, true, t.searching);
    const res = await postJson('/requests/lookup', body);
    setBusy($form, $submit, false);
    sending = false;
    lastQuery = body;

    if (res.status === 200 && res.data) {
      $unlock.hidden = true;
      opened(res.data);
      return;
    }
    $result.hidden = true;
    if (res.status === 0 || res.status >= 500) {
      $status.textContent = t.lookupFailed;
      $status.hidden = false;
      $status.focus();
      return;
    }
    if (res.status === 404) {
      showErrors($form, $summary, [{ code: 'not_found', message: pick(res.data?.errors?.[0]?.message, t.notFound) }]);
      return;
    }
    if (res.status === 429) {
      showErrors($form, $summary, [{ code: 'too_many', message: t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))) }]);
      offerUnlock();
      return;
    }
    const list = Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server' }];
    showErrors($form, $summary, list);
  });

  function opened(data) {
    render(data);
    document.dispatchEvent(new CustomEvent('mf:lookup', { detail: { ...lastQuery, reference: data.reference, data } }));
  }

  // The lock is the reference's, not the visitor's: a named request's owner can get back in with a
  // code sent to the phone on file. An anonymous request has no phone: say so, and how long to wait.
  function offerUnlock() {
    const anonymous = $byCode.checked;
    for (const $n of $unlock.querySelectorAll('[data-unlock-named]')) $n.hidden = anonymous;
    $unlock.querySelector('[data-unlock-anonymous]').hidden = !anonymous;
    $unlockStatus.hidden = true;
    $unlockForm.hidden = true;
    $unlock.hidden = false;
  }

  $unlockSend.addEventListener('click', async () => {
    if (sending || !lastQuery) return;
    sending = true;
    setBusy($unlock, $unlockSend, true, t.unlockSending);
    const res = await postJson('/requests/unlock-code', { reference: lastQuery.reference });
    setBusy($unlock, $unlockSend, false);
    sending = false;
    if (res.status === 202) {
      // The same words whether or not a code went out: the API does not say, so neither does the page.
      $unlockStatus.textContent = t.unlockSent.replace('{m}', t.minutes(res.data?.validForMinutes ?? 10));
      $unlockStatus.hidden = false;
      $unlockForm.hidden = false;
      $unlockForm.elements.code.focus();
      return;
    }
    $unlockStatus.textContent = t.unlockFailed;
    $unlockStatus.hidden = false;
    $unlockStatus.focus();
  });

  $unlockForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (sending || !lastQuery) return;
    const code = normaliseTrackingCode($unlockForm.elements.code.value);
    if (!code) {
      showErrors($unlockForm, $summary, [{ field: 'code', code: 'invalid_unlock_code' }]);
      return;
    }
    clearErrors($unlockForm, $summary);
    clearErrors($form, $summary);
    sending = true;
    const $open = $unlockForm.querySelector('[type="submit"]');
    setBusy($unlockForm, $open, true, t.searching);
    const res = await postJson('/requests/unlock', { reference: lastQuery.reference, code });
    setBusy($unlockForm, $open, false);
    sending = false;
    if (res.status === 200 && res.data) {
      $unlock.hidden = true;
      $unlockForm.reset();
      opened(res.data);
      return;
    }
    if (res.status === 429) {
      showErrors($unlockForm, $summary, [{ code: 'too_many', message: t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))) }]);
      return;
    }
    if (res.status === 0 || res.status >= 500) {
      $unlockStatus.textContent = t.lookupFailed;
      $unlockStatus.hidden = false;
      $unlockStatus.focus();
      return;
    }
    const list = Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server' }];
    showErrors($unlockForm, $summary, list);
  });

  // After a document or message is sent, track-reply reads the lookup again: redraw without moving focus.
  document.addEventListener('mf:lookup-refreshed', (ev) => render(ev.detail, false));

  function render(d, focus = true) {
    const slot = (name) => $result.querySelector(`[data-slot="${name}"]`);
    const $ref = Object.assign(document.createElement('bdi'), { dir: 'ltr', textContent: d.reference });
    slot('reference').replaceChildren($ref);
    slot('category').textContent = t.categories[d.category] ?? d.category;
    slot('status').textContent = pick(d.statusLabel, d.status);
    slot('status').dataset.status = d.status;
    // Sent without a name: nothing will ever be sent, so say where the answer will be.
    $result.querySelector('[data-anonymous-note]').hidden = d.anonymous !== true;
    slot('submitted').replaceChildren(timeElement(d.submittedAt));
    slot('updated').replaceChildren(timeElement(d.updatedAt ?? d.submittedAt));
    const labels = { reply: t.timelineReply, message: t.timelineMessage, document: t.timelineDocument };
    const items = (d.timeline ?? []).map((e) => {
      const $li = document.createElement('li');
      const kind = e.type && e.type !== 'status' ? e.type : null;
      const $label = Object.assign(document.createElement('strong'), { textContent: kind ? labels[kind] : pick(e.statusLabel, e.status) });
      if (kind) $li.dataset.type = kind;
      $li.append($label, document.createElement('br'), timeElement(e.at));
      if (kind && e.text) {
        // The association's reply, the visitor's own message or a file name: always as text.
        const $text = Object.assign(document.createElement(kind === 'document' ? 'bdi' : 'p'), { textContent: e.text });
        $text.className = 'mf-result__text';
        $li.append(document.createElement('br'), $text);
      }
      return $li;
    });
    slot('timeline').replaceChildren(...items);
    $result.hidden = false;
    if (focus) $result.querySelector('h2').focus();
  }
}
