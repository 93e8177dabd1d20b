// Lobby kiosk: one question per screen, then submit (channel "kiosk") and show the reference.
// Nothing is written to localStorage, sessionStorage, cookies or the address: the visitor's answers
// live only in the form's controls and are cleared on confirmation and on "start over".
import { t, pick } from '../../js/i18n.js';
import { validateRequest } from '../../js/validate.js';
import { readRequest, createSubmitter, setBusy, retryMinutes } from '../../js/request.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { referenceElement } from '../reference/reference.js';

// Which API fields each question screen asks for (server errors are routed back to their screen).
const STEP_FIELDS = [
  ['category'],
  ['name', 'mobile', 'onBehalf', 'onBehalf.beneficiaryName', 'onBehalf.relationship'],
  ['city', 'description', 'preferredContact', 'email'],
  ['consent'],
];

export default function kiosk($form) {
  const $steps = [...$form.querySelectorAll('[data-step]')];
  const $summary = $form.querySelector('[data-error-summary]');
  const $status = $form.querySelector('[data-form-status]');
  const $dialog = document.querySelector('[data-restart-dialog]');
  const $onBehalf = $form.elements.onBehalf;
  const $onBehalfFields = document.getElementById('onbehalf-fields');
  const $emailField = document.getElementById('email-field');
  const submitter = createSubmitter();
  let current = 0;
  $form.noValidate = true;

  const sync = () => {
    $onBehalfFields.hidden = !$onBehalf.checked;
    $emailField.hidden = $form.elements.preferredContact.value !== 'email';
  };
  $form.addEventListener('change', sync);

  function show(index, { focus = true } = {}) {
    current = index;
    $steps.forEach(($s, i) => { $s.hidden = i !== index; });
    clearErrors($form, $summary);
    $status.hidden = true;
    if (index === 3) fillReview();
    // Focus the new screen's heading: screen readers announce "Step 2 of 4, …" and the next Tab
    // starts inside the new screen instead of at the top of the page.
    if (focus) $steps[index].querySelector('h2').focus();
  }

  function fillReview() {
    const body = readRequest($form, 'kiosk');
    const text = {
      category: t.categories[body.category] ?? '',
      name: body.name,
      mobile: body.mobile,
      city: body.city,
      preferredContact: t.contact[body.preferredContact] ?? '',
      description: body.description,
    };
    for (const $dd of $form.querySelectorAll('[data-review-field]')) {
      const value = text[$dd.dataset.reviewField] ?? '';
      if ($dd.dataset.reviewField === 'mobile') {
        $dd.replaceChildren(Object.assign(document.createElement('bdi'), { dir: 'ltr', textContent: value }));
      } else {
        $dd.textContent = value;
      }
    }
  }

  function startOver() {
    $form.reset();
    submitter.reset();
    sync();
    for (const $slot of $form.querySelectorAll('[data-slot]')) $slot.replaceChildren();
    show(0);
  }

  function next() {
    const errors = validateRequest(readRequest($form, 'kiosk'), STEP_FIELDS[current]);
    if (errors.length) { showErrors($form, $summary, errors); return; }
    show(current + 1);
  }

  async function send() {
    if (submitter.sending) return; // double tap
    const body = readRequest($form, 'kiosk');
    const errors = validateRequest(body);
    if (errors.length) { showErrorsOnStep(errors); return; }
    const $button = $steps[3].querySelector('[data-action="send"]');
    setBusy($form, $button, true, t.sending);
    const res = await submitter.send(body);
    setBusy($form, $button, false);
    if (!res) return;
    if (res.status === 201 && res.data?.reference) { confirm(res.data); return; }
    if (res.status === 0 || res.status >= 500) {
      $status.textContent = res.status === 0 ? t.network : t.server;
      $status.hidden = false;
      $status.focus();
      return;
    }
    if (res.status === 429) {
      showErrors($form, $summary, [{ code: 'too_many', message: t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))) }]);
      return;
    }
    showErrorsOnStep(Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server' }]);
  }

  /** Goes back to the screen of the first field in error, then shows the summary there. */
  function showErrorsOnStep(errors) {
    const first = errors.find((e) => e.field && STEP_FIELDS.some((f) => f.includes(e.field)));
    const step = first ? STEP_FIELDS.findIndex((f) => f.includes(first.field)) : current;
    show(step, { focus: false });
    showErrors($form, $summary, errors.filter((e) => !e.field || STEP_FIELDS[step].includes(e.field) || !STEP_FIELDS.flat().includes(e.field)));
  }

  function confirm(data) {
    // Clear the answers now: the confirmation shows only the reference, and the next visitor must
    // not be able to step "back" into this visitor's details.
    $form.reset();
    sync();
    $form.querySelector('[data-slot="reference"]').replaceChildren(referenceElement(data.reference));
    $form.querySelector('[data-slot="next-steps"]').textContent = pick(data.nextSteps, '');
    show(4);
  }

  $form.addEventListener('submit', (ev) => {
    ev.preventDefault(); // never a native post: nothing may end up in history or the address
    if (current < 3) next(); else if (current === 3) send();
  });

  $form.addEventListener('click', (ev) => {
    const action = ev.target.closest('[data-action]')?.dataset.action;
    if (action === 'back') show(Math.max(0, current - 1));
    else if (action === 'again') startOver();
    else if (action === 'restart') {
      if (current === 0 && !$form.elements.category.value) { startOver(); return; }
      $dialog.showModal();
    }
  });

  $dialog.addEventListener('click', (ev) => {
    const choice = ev.target.closest('[data-dialog]')?.dataset.dialog;
    if (!choice) return;
    $dialog.close();
    if (choice === 'yes') startOver();
  });

  $form.reset(); // defeat the browser's form restoration after a reload or back navigation
  sync();
  show(0, { focus: false });
}
