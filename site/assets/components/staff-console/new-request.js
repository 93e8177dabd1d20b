// Register a request for a beneficiary (/staff/new/): the public form's fields plus the channel it
// came through and when it reached the association. Same client checks as the public form
// (js/validate.js), worded for the employee; the server stays the authority and records which
// employee registered it. A look-up first prefills a returning beneficiary's details. Shows the
// reference large, as it is read aloud, and possible duplicates.
import { t } from '../../js/i18n.js';
import { validateRequest, normaliseMobile, toAsciiDigits } from '../../js/validate.js';
import { readRequest, setBusy } from '../../js/request.js';
import { newIdempotencyKey } from '../../js/api.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { referenceElement } from '../reference/reference.js';
import charCount from '../char-count/char-count.js';
import { api, currentSession } from './session.js';
import { showMyRegistrations } from './my-registrations.js';
import { s } from './strings.js';
import { el, ltr, dualDate, requestHref } from './format.js';
import { spokenReference } from './spoken-reference.js';

const CHANNELS = ['interview', 'phone', 'letter', 'volunteer', 'social_media'];

/**
 * The shared error texts speak to the person applying ("your consent"); here the employee reads
 * them about someone else. Codes with a staff wording get it; the rest keep the server's words.
 */
export function staffWorded(errors) {
  return errors.map((e) => (s.staffErrors[e.code] ? { ...e, message: s.staffErrors[e.code] } : e));
}

/**
 * The received-on date and time typed in Makkah time → ISO-8601 with its offset. Saudi Arabia keeps
 * UTC+3 all year (no daylight saving), so the offset is fixed. Empty date and time: now (null).
 */
export function receivedAt(date, time) {
  if (!date && !time) return null;
  if (!date) return undefined;
  return `${date}T${time || '00:00'}:00+03:00`;
}

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
  let aboutStaffUsed = false;
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

  // Only a complaint can be about a member of staff; another category drops the mark rather than
  // sending a choice the person can no longer see.
  const $aboutStaff = document.querySelector('[data-about-staff]');
  const syncAboutStaff = () => {
    $aboutStaff.hidden = $form.elements.category.value !== 'complaint';
    if ($aboutStaff.hidden) $form.elements.aboutStaff.checked = false;
  };
  for (const $r of $form.querySelectorAll('[name="category"]')) $r.addEventListener('change', syncAboutStaff);
  syncAboutStaff();

  const syncOnBehalf = () => { $onBehalfFields.hidden = !$onBehalf.checked; };
  $onBehalf.addEventListener('change', syncOnBehalf);
  syncOnBehalf();

  // The date picker offers no day after today in Makkah (the server refuses them too).
  $form.elements.receivedDate.max = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(new Date());
  lookup(syncOnBehalf);

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (sending) return;
    $problem.hidden = true;
    const channel = $form.elements.channel.value;
    const body = readRequest($form, channel);
    body.language = $form.elements.language.value || 'ar'; // the beneficiary's language, not the employee's page
    const received = receivedAt($form.elements.receivedDate.value, $form.elements.receivedTime.value);
    if (received) body.receivedAt = received;
    aboutStaffUsed = body.aboutStaff === true;
    const errors = [
      ...(CHANNELS.includes(channel) ? [] : [{ field: 'channel', code: 'required_channel', message: s.required_channel }]),
      ...(received === undefined ? [{ field: 'receivedAt', code: 'required_received_date' }] : []),
      ...validateRequest(body),
    ];
    if (errors.length) { showErrors($form, $summary, staffWorded(errors)); return; }
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

    if (res.status === 201 && res.data?.reference) { key = null; contactUsed = body.preferredContact; showConfirmation(res.data); return; }
    if (res.status === 0 || res.status >= 500) {
      $problem.textContent = res.status === 0 ? s.network : s.server;
      $problem.hidden = false;
      $problem.focus();
      return;
    }
    const list = Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server', message: t.server }];
    showErrors($form, $summary, staffWorded(list));
  });

  let contactUsed = '';
  function showConfirmation(data) {
    const slot = (n) => $confirmation.querySelector(`[data-slot="${n}"]`);
    slot('reference').replaceChildren(referenceElement(data.reference, { copy: true }));
    slot('spoken').textContent = spokenReference(data.reference);
    slot('submitted').replaceChildren(dualDate(data.submittedAt));
    // The API's nextSteps speak to the beneficiary ("we received your request"); the employee is told
    // where the request is now and how the beneficiary will hear of it.
    slot('next-steps').textContent = s.confirmationNext(s.contact[contactUsed] ?? contactUsed);
    const dups = Array.isArray(data.possibleDuplicates) ? data.possibleDuplicates : [];
    const $dups = slot('duplicates');
    $dups.replaceChildren(dups.length
      ? el('div', { className: 'mf-staff-warning' },
        el('p', { textContent: s.duplicatesFound }),
        el('ul', {}, ...dups.map((r) => el('li', {}, el('a', { href: requestHref(r) }, ltr(r))))))
      : el('p', { textContent: s.noDuplicates }));
    slot('open').href = requestHref(data.reference);
    // The request page is for employees; a complaint about staff, for managers alone.
    slot('open').hidden = volunteer || (aboutStaffUsed && currentSession()?.role !== 'manager');
    if (volunteer) showMyRegistrations();
    $body.hidden = true;
    $confirmation.hidden = false;
    $form.reset();
    if (volunteer) $form.querySelector('[name="channel"][value="volunteer"]').checked = true;
    // The next registration is someone else's: the look-up and its answer go too.
    document.querySelector('[data-staff-lookup]').reset();
    document.querySelector('[data-lookup-result]').replaceChildren();
    syncOnBehalf();
    syncAboutStaff();
    $confirmation.querySelector('h2').focus();
  }

  $confirmation.querySelector('[data-action="another"]').addEventListener('click', () => {
    $confirmation.hidden = true;
    $body.hidden = false;
    document.querySelector('h1').focus();
  });
}

/**
 * The look-up before registering: a mobile or national ID (sent in a POST body, never in the
 * address) → the latest details of a returning beneficiary, filled into the form below for the
 * employee to check with them. The answer is announced in a status region.
 */
function lookup(afterFill) {
  const $lookup = document.querySelector('[data-staff-lookup]');
  const $form = document.querySelector('[data-staff-new]');
  const $result = document.querySelector('[data-lookup-result]');
  const $input = $lookup.elements.lookup;
  const $error = document.getElementById('lookup-error');
  const $button = $lookup.querySelector('[type="submit"]');
  $lookup.noValidate = true;
  let busy = false;

  const refuse = (text) => {
    $error.replaceChildren(el('span', { className: 'mf-visually-hidden', textContent: `${t.errorPrefix}: ` }), text);
    $input.setAttribute('aria-invalid', 'true');
    $input.closest('.mf-form__field').classList.add('mf-form__field--error');
    $result.replaceChildren();
    $input.focus();
  };

  $lookup.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    $error.replaceChildren();
    $input.removeAttribute('aria-invalid');
    $input.closest('.mf-form__field').classList.remove('mf-form__field--error');
    const typed = toAsciiDigits($input.value).replace(/[\s-]/g, '');
    const mobile = normaliseMobile(typed);
    const nationalId = !mobile && /^[12]\d{9}$/.test(typed) ? typed : null;
    if (!mobile && !nationalId) { refuse(s.lookupInvalid); return; }
    busy = true;
    setBusy($lookup, $button, true, s.lookingUp);
    const res = await api('/staff/beneficiaries/lookup', { method: 'POST', body: mobile ? { mobile } : { nationalId } });
    setBusy($lookup, $button, false);
    busy = false;
    if (res.status === 400) { refuse(s.lookupInvalid); return; }
    if (res.status !== 200) { $result.replaceChildren(el('p', { textContent: res.status === 0 ? s.network : s.server })); return; }
    if (!res.data?.found) { $result.replaceChildren(el('p', { textContent: s.lookupNone })); return; }
    const c = res.data.contact ?? {};
    fill($form, c, nationalId);
    afterFill();
    const refs = Array.isArray(res.data.references) ? res.data.references : [];
    $result.replaceChildren(
      el('div', { className: 'mf-staff-warning' },
        el('p', { textContent: s.lookupFound(c.name ?? '', res.data.requestCount ?? refs.length) }),
        ...(c.nationalIdLast4 && !nationalId ? [el('p', { textContent: s.lookupIdOnFile(c.nationalIdLast4) })] : []),
        el('p', { textContent: s.lookupRequests }),
        el('ul', {}, ...refs.map((r) => el('li', {}, el('a', { href: requestHref(r) }, ltr(r)))))),
    );
  });
}

/** Prefills the registration form with a returning beneficiary's latest details (as text values). */
function fill($form, c, nationalId) {
  const set = (name, value) => { if (value != null && $form.elements[name]) $form.elements[name].value = value; };
  set('name', c.name);
  set('mobile', c.mobile);
  set('email', c.email);
  set('city', c.city);
  set('nationalId', nationalId);
  for (const group of ['preferredContact', 'language']) {
    for (const $r of $form.querySelectorAll(`[name="${group}"]`)) $r.checked = $r.value === c[group];
  }
  $form.elements.onBehalf.checked = Boolean(c.onBehalf);
  if (c.onBehalf) {
    set('beneficiaryName', c.onBehalf.beneficiaryName);
    set('relationship', c.onBehalf.relationship);
  }
}
