// Register a request for a beneficiary (/staff/new/): the public form's fields plus the channel it
// came through. Same client checks as the public form (js/validate.js); the server stays the
// authority and records which employee registered it. Shows the reference and possible duplicates.
import { t, pick } from '../../js/i18n.js';
import { validateRequest } from '../../js/validate.js';
import { readRequest, setBusy } from '../../js/request.js';
import { newIdempotencyKey } from '../../js/api.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { referenceElement } from '../reference/reference.js';
import charCount from '../char-count/char-count.js';
import { api, currentSession } from './session.js';
import { showMyRegistrations } from './my-registrations.js';
import { s } from './strings.js';
import { el, ltr, dualDate, requestHref } from './format.js';

const CHANNELS = ['interview', 'phone', 'letter', 'volunteer', 'social_media'];

export default function newRequest() {
  const $form = document.querySelector('[data-staff-new]');
  const $summary = document.querySelector('[data-error-summary]');
  const $problem = document.querySelector('[data-problem]');
  const $body = document.querySelector('[data-new-body]');
  const $confirmation = document.querySelector('[data-confirmation]');
  const $submit = $form.querySelector('[type="submit"]');
  const $onBehalf = $form.elements.onBehalf;
  const $onBehalfFields = document.getElementById('onbehalf-fields');
  let sending = false;
  let key = null;
  let keyContent = null;
  $form.noValidate = true;
  charCount($form.elements.description);

  const category = new URLSearchParams(location.search).get('category');
  if (category) for (const $r of $form.querySelectorAll('[name="category"]')) $r.checked = $r.value === category;

  // A volunteer brings every request through the volunteer channel (the API forces it too): the
  // choice is made for them, and their own registrations are listed under the form.
  const volunteer = currentSession()?.role === 'volunteer';
  if (volunteer) {
    for (const $r of $form.querySelectorAll('[name="channel"]')) {
      $r.checked = $r.value === 'volunteer';
      $r.closest('label').hidden = $r.value !== 'volunteer';
    }
    showMyRegistrations();
  }

  const syncOnBehalf = () => { $onBehalfFields.hidden = !$onBehalf.checked; };
  $onBehalf.addEventListener('change', syncOnBehalf);
  syncOnBehalf();

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (sending) return;
    $problem.hidden = true;
    const channel = $form.elements.channel.value;
    const body = readRequest($form, channel);
    body.language = $form.elements.language.value || 'ar'; // the beneficiary's language, not the employee's page
    const errors = [
      ...(CHANNELS.includes(channel) ? [] : [{ field: 'channel', code: 'required_channel', message: s.required_channel }]),
      ...validateRequest(body),
    ];
    if (errors.length) { showErrors($form, $summary, errors); return; }
    clearErrors($form, $summary);

    // One Idempotency-Key per content, kept for retries after a network failure or 5xx (the first
    // attempt may have been stored), so a retry never registers the beneficiary twice.
    const content = JSON.stringify(body);
    if (!key || keyContent !== content) { key = newIdempotencyKey(); keyContent = content; }
    sending = true;
    setBusy($form, $submit, true, s.sending);
    const res = await api('/staff/requests', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    setBusy($form, $submit, false);
    sending = false;
    if (res.status >= 400 && res.status < 500) key = null;

    if (res.status === 201 && res.data?.reference) { key = null; showConfirmation(res.data); return; }
    if (res.status === 0 || res.status >= 500) {
      $problem.textContent = res.status === 0 ? s.network : s.server;
      $problem.hidden = false;
      $problem.focus();
      return;
    }
    const list = Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server', message: t.server }];
    showErrors($form, $summary, list);
  });

  function showConfirmation(data) {
    const slot = (n) => $confirmation.querySelector(`[data-slot="${n}"]`);
    slot('reference').replaceChildren(referenceElement(data.reference, { copy: true }));
    slot('submitted').replaceChildren(dualDate(data.submittedAt));
    slot('next-steps').textContent = pick(data.nextSteps, '');
    const dups = Array.isArray(data.possibleDuplicates) ? data.possibleDuplicates : [];
    const $dups = slot('duplicates');
    $dups.replaceChildren(dups.length
      ? el('div', { className: 'mf-staff-warning' },
        el('p', { textContent: s.duplicatesFound }),
        el('ul', {}, ...dups.map((r) => el('li', {}, el('a', { href: requestHref(r) }, ltr(r))))))
      : el('p', { textContent: s.noDuplicates }));
    slot('open').href = requestHref(data.reference);
    slot('open').hidden = volunteer; // the request page is for employees
    if (volunteer) showMyRegistrations();
    $body.hidden = true;
    $confirmation.hidden = false;
    $form.reset();
    if (volunteer) $form.querySelector('[name="channel"][value="volunteer"]').checked = true;
    syncOnBehalf();
    $confirmation.querySelector('h2').focus();
  }

  $confirmation.querySelector('[data-action="another"]').addEventListener('click', () => {
    $confirmation.hidden = true;
    $body.hidden = false;
    document.querySelector('h1').focus();
  });
}
