// The public request form (/request/). Progressive enhancement: the markup is a real
// <form method="post">; this module validates, posts JSON, shows errors and the confirmation.
import { t, pick } from '../../js/i18n.js';
import { validateRequest, ANONYMOUS_CATEGORIES } from '../../js/validate.js';
import { readRequest, createSubmitter, setBusy, retryMinutes } from '../../js/request.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { referenceElement, trackingCodeElement } from '../reference/reference.js';
import { timeElement } from '../../js/dates.js';

export default function requestForm($form) {
  const $summary = document.querySelector('[data-error-summary]');
  const $status = document.querySelector('[data-form-status]');
  const $submit = $form.querySelector('[type="submit"]');
  const $body = document.querySelector('[data-request-body]');
  const $confirmation = document.querySelector('[data-confirmation]');
  const $onBehalf = $form.elements.onBehalf;
  const $onBehalfFields = document.getElementById('onbehalf-fields');
  const $anonymous = $form.elements.anonymous;
  const $anonymousField = document.getElementById('anonymous-field');
  const $description = $form.elements.description;
  const submitter = createSubmitter();

  // Our own messages replace the browser's validation bubbles: those vanish after a few seconds,
  // are not reliably announced, and cannot show the server's wording.
  $form.noValidate = true;

  const syncOnBehalf = () => { $onBehalfFields.hidden = !$onBehalf.checked; };
  $onBehalf.addEventListener('change', syncOnBehalf);
  syncOnBehalf();

  /**
   * "Send it without my name" is offered for a complaint or a suggestion. Chosen, the fields that
   * name or reach the sender are hidden (readRequest leaves them out too), the details field warns
   * against naming oneself, and the consent speaks of what is written rather than of contact.
   * Another category takes the choice back, so the identity fields come back before sending.
   */
  const $aboutStaff = $form.elements.aboutStaff;
  const syncAnonymous = () => {
    const complaint = $form.elements.category.value === 'complaint';
    if (!complaint) $aboutStaff.checked = false;
    document.getElementById('aboutStaff-field').hidden = !complaint;
    const offered = ANONYMOUS_CATEGORIES.includes($form.elements.category.value);
    if (!offered) $anonymous.checked = false;
    $anonymousField.hidden = !offered;
    const anonymous = $anonymous.checked;
    for (const $f of $form.querySelectorAll('[data-identity]')) $f.hidden = anonymous;
    for (const $e of $form.querySelectorAll('[data-when-anonymous]')) $e.hidden = !anonymous;
    for (const $e of $form.querySelectorAll('[data-when-named]')) $e.hidden = anonymous;
    // A hidden hint named by aria-describedby would still be read: name it only while it shows.
    const described = $description.getAttribute('aria-describedby').split(' ').filter((id) => id !== 'description-anonymous-hint');
    if (anonymous) described.splice(1, 0, 'description-anonymous-hint');
    $description.setAttribute('aria-describedby', described.join(' '));
  };
  $form.addEventListener('change', (ev) => { if (ev.target.name === 'category' || ev.target === $anonymous) syncAnonymous(); });
  syncAnonymous();

  const showStatus = (text) => {
    $status.textContent = text;
    $status.hidden = false;
    $status.focus();
  };

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (submitter.sending) return; // a double tap while sending does nothing
    $status.hidden = true;
    const body = readRequest($form, 'web');
    const errors = validateRequest(body);
    if (errors.length) { showErrors($form, $summary, errors); return; }
    clearErrors($form, $summary);

    setBusy($form, $submit, true, t.sending);
    const res = await submitter.send(body);
    setBusy($form, $submit, false);
    if (!res) return;

    if (res.status === 201 && res.data?.reference) { showConfirmation(res.data); return; }
    if (res.status === 0) { showStatus(t.network); return; }
    if (res.status >= 500) { showStatus(t.server); return; }
    if (res.status === 429) {
      showErrors($form, $summary, [{ code: 'too_many', message: t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))) }]);
      return;
    }
    const list = Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server' }];
    showErrors($form, $summary, list);
  });

  function showConfirmation(data) {
    const $ref = $confirmation.querySelector('[data-slot="reference"]');
    $ref.replaceChildren(referenceElement(data.reference, { copy: true }));
    // An anonymous request's tracking code is in this answer only: shown here, never stored or put
    // in the tracking link (addresses end up in history, logs and Referer headers).
    const code = data.trackingCode;
    $confirmation.querySelector('[data-slot="tracking-code"]').replaceChildren(...(code ? [trackingCodeElement(code, { copy: true })] : []));
    $confirmation.querySelector('[data-tracking-code-box]').hidden = !code;
    for (const $e of $confirmation.querySelectorAll('[data-when-named]')) $e.hidden = Boolean(code);
    $confirmation.querySelector('[data-slot="submitted"]').replaceChildren(timeElement(data.submittedAt));
    $confirmation.querySelector('[data-slot="next-steps"]').textContent = pick(data.nextSteps, '');
    const $track = $confirmation.querySelector('[data-slot="track-link"]');
    const base = $track.getAttribute('href').split('?')[0];
    $track.href = `${base}?ref=${encodeURIComponent(data.reference)}${code ? '&by=code' : ''}`;
    $body.hidden = true;
    $confirmation.hidden = false;
    $form.reset();
    syncOnBehalf();
    syncAnonymous();
    $confirmation.querySelector('h2').focus();
  }

  $confirmation.querySelector('[data-action="another"]').addEventListener('click', () => {
    submitter.reset();
    // The code leaves the page with the confirmation: "shown only once" stays true.
    $confirmation.querySelector('[data-slot="tracking-code"]').replaceChildren();
    $confirmation.hidden = true;
    $body.hidden = false;
    document.querySelector('h1').focus();
  });
}
