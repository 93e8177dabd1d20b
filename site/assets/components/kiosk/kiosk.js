// Lobby kiosk: a welcome screen, then one question per screen, review and send (channel "kiosk"),
// then the reference with a QR code of its tracking link. Read-aloud, text size, contrast and digit
// style are the visitor's for this visit only: they live in variables, never in storage.
// Nothing is written to localStorage, sessionStorage, cookies, history or the address: the answers
// live only in the form's controls and are wiped on confirmation, on "start over" and after
// inactivity.
import { t, pick, lang } from '../../js/i18n.js';
import { validateRequest, ANONYMOUS_CATEGORIES } from '../../js/validate.js';
import { readRequest, createSubmitter, setBusy, retryMinutes } from '../../js/request.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { referenceElement, trackingCodeElement } from '../reference/reference.js';
import { attachKeypad } from '../keypad/keypad.js';
import { createReader, screenText } from '../read-aloud/read-aloud.js';
import { createIdleTimer, idleSettings } from '../idle-timeout/idle-timeout.js';
import { createDisplaySettings } from '../display-settings/display-settings.js';

// The API fields each question screen asks for (server errors are routed back to their screen).
const FIELDS = {
  category: ['category'],
  anonymous: ['anonymous'],
  whom: ['onBehalf', 'onBehalf.beneficiaryName', 'onBehalf.relationship'],
  name: ['name'],
  mobile: ['mobile'],
  id: ['nationalId'],
  city: ['city'],
  details: ['description'],
  contact: ['preferredContact', 'email'],
  review: ['consent'],
};
// The screens that ask who the visitor is or how to reach them: skipped when sent without a name.
const IDENTITY_STEPS = ['whom', 'name', 'mobile', 'id', 'contact'];
const RETRY_MS = 5000;
const DEFAULT_DIGITS = lang === 'ar' ? 'arab' : 'latn';

export default function kiosk($form) {
  const $ = (sel) => document.querySelector(sel);
  const $steps = Object.fromEntries([...$form.querySelectorAll('[data-step]')].map(($s) => [$s.dataset.step, $s]));
  const $summary = $form.querySelector('[data-error-summary]');
  const $status = $form.querySelector('[data-form-status]');
  const $restartDialog = $('[data-restart-dialog]');
  const $idleDialog = $('[data-idle-dialog]');
  const $idleCount = $('[data-idle-count]');
  const $notice = $('[data-speech-notice]');
  const $speak = $('[data-action="speak"]');
  const f = $form.elements;
  const submitter = createSubmitter();
  const reader = createReader(lang);
  let current = 'home';
  let speechUsed = false;
  let retryTimer = null;
  $form.noValidate = true;

  const offersAnonymity = () => ANONYMOUS_CATEGORIES.includes(f.category.value);
  const anonymous = () => offersAnonymity() && f.anonymous.value === 'yes';

  /**
   * The question screens this visitor goes through: "with or without my name" only for a complaint
   * or a suggestion, none of the identity screens without a name, the ID screen only for a new
   * registration.
   */
  const path = () => Object.keys(FIELDS).filter((s) => {
    if (s === 'anonymous') return offersAnonymity();
    if (anonymous() && IDENTITY_STEPS.includes(s)) return false;
    return s !== 'id' || f.category.value === 'new_beneficiary';
  });

  const sync = () => {
    $('#onbehalf-fields').hidden = f.onBehalf.value !== 'yes';
    $('#email-field').hidden = f.preferredContact.value !== 'email';
    for (const $e of $form.querySelectorAll('[data-when-anonymous]')) $e.hidden = !anonymous();
    // A hidden hint named by aria-describedby would still be read: name it only while it shows.
    const described = f.description.getAttribute('aria-describedby').split(' ').filter((id) => id !== 'description-anonymous-hint');
    if (anonymous()) described.splice(1, 0, 'description-anonymous-hint');
    f.description.setAttribute('aria-describedby', described.join(' '));
    const p = path();
    p.forEach((name, i) => { $steps[name].querySelector('[data-progress]').textContent = t.stepOf(i + 1, p.length); });
  };
  $form.addEventListener('change', sync);

  // ---- Screens -------------------------------------------------------------------------------
  function show(name, { focus = true } = {}) {
    current = name;
    for (const [n, $s] of Object.entries($steps)) $s.hidden = n !== name;
    clearErrors($form, $summary);
    $status.hidden = true;
    stopRetry();
    reader.stop();
    $notice.textContent = '';
    sync();
    if (name === 'review') fillReview();
    // Focus the new screen's heading: screen readers announce "Step 2 of 8, …" and the next Tab
    // starts inside the new screen instead of at the top of the page.
    if (focus) $steps[name].querySelector('h2').focus();
    window.scrollTo(0, 0);
    idle.poke();
  }

  function fillReview() {
    const body = readRequest($form, 'kiosk');
    const text = {
      category: t.categories[body.category] ?? '',
      whom: body.onBehalf ? `${body.onBehalf.beneficiaryName} (${body.onBehalf.relationship})` : t.forMyself,
      name: body.anonymous ? t.anonymousName : body.name,
      mobile: body.mobile,
      nationalId: body.nationalId ?? '',
      city: body.city,
      preferredContact: [t.contact[body.preferredContact] ?? '', body.email ?? ''].filter(Boolean).join(': '),
      description: body.description,
    };
    for (const $dd of $form.querySelectorAll('[data-review-field]')) {
      const key = $dd.dataset.reviewField;
      const value = text[key] ?? '';
      // Without a name the review says so on the name's row and shows no whom, mobile or contact.
      $dd.closest('div').hidden = (key === 'nationalId' && !value) || (body.anonymous && ['whom', 'mobile', 'preferredContact'].includes(key));
      if (['mobile', 'nationalId'].includes(key)) $dd.replaceChildren(Object.assign(document.createElement('bdi'), { dir: 'ltr', textContent: value }));
      else $dd.textContent = value;
    }
  }

  /** The review screen repeats the answers: it is emptied with them. */
  const clearReview = () => { for (const $dd of $form.querySelectorAll('[data-review-field]')) $dd.replaceChildren(); };

  function next() {
    const body = readRequest($form, 'kiosk');
    const errors = validateRequest(body, FIELDS[current]);
    if (current === 'whom' && !f.onBehalf.value) errors.unshift({ field: 'onBehalf', code: 'required_for_whom' });
    if (current === 'anonymous' && !f.anonymous.value) errors.unshift({ field: 'anonymous', code: 'required_anonymous' });
    if (errors.length) { showErrors($form, $summary, errors); return; }
    const p = path();
    show(p[p.indexOf(current) + 1]);
  }

  function back() {
    const p = path();
    const i = p.indexOf(current);
    show(i <= 0 ? 'home' : p[i - 1]);
  }

  // ---- Sending, with calm offline handling -----------------------------------------------------
  async function send() {
    if (submitter.sending) return; // double tap
    stopRetry();
    const body = readRequest($form, 'kiosk');
    const errors = validateRequest(body);
    if (errors.length) { showErrorsOnStep(errors); return; }
    const $button = $steps.review.querySelector('[data-action="send"]');
    setBusy($form, $button, true, t.sending);
    const res = await submitter.send(body);
    setBusy($form, $button, false);
    if (!res || current !== 'review') return; // wiped or left while the answer was on its way
    if (res.status === 201 && res.data?.reference) { confirm(res.data); return; }
    if (res.status === 0 || res.status >= 500) { waitAndRetry(res); return; }
    if (res.status === 429) {
      showErrors($form, $summary, [{ code: 'too_many', message: t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))) }]);
      return;
    }
    showErrorsOnStep(Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server' }]);
  }

  /**
   * The network (or the service) failed: say so calmly, keep every answer, and send again by itself
   * when the browser reports the network back or after a few seconds. The submitter reuses the same
   * Idempotency-Key for the same content, so a first attempt that did arrive is never doubled.
   */
  function waitAndRetry(res) {
    const $p = Object.assign(document.createElement('p'), { textContent: res.status === 0 ? t.offline : t.offlineServer });
    const $retry = Object.assign(document.createElement('button'), { type: 'button', className: 'mf-button mf-button--secondary', textContent: t.retryNow });
    $retry.dataset.action = 'retry';
    $status.replaceChildren($p, $retry);
    $status.hidden = false;
    $status.focus();
    const wait = Math.max(RETRY_MS, (Number(res.retryAfter) || 0) * 1000);
    retryTimer = setTimeout(send, wait);
    window.addEventListener('online', send, { once: true });
  }
  function stopRetry() {
    clearTimeout(retryTimer);
    retryTimer = null;
    window.removeEventListener('online', send);
  }

  /** Goes back to the screen of the first field in error, then shows the summary there. */
  function showErrorsOnStep(errors) {
    const screens = Object.keys(FIELDS);
    const first = errors.find((e) => e.field && screens.some((s) => FIELDS[s].includes(e.field)));
    const screen = first ? screens.find((s) => FIELDS[s].includes(first.field)) : current;
    show(screen, { focus: false });
    const known = Object.values(FIELDS).flat();
    showErrors($form, $summary, errors.filter((e) => !e.field || FIELDS[screen].includes(e.field) || !known.includes(e.field)));
  }

  async function confirm(data) {
    // Clear the answers now: the confirmation shows only the reference, and the next visitor must
    // not be able to step "back" into this visitor's details.
    $form.reset();
    submitter.reset();
    clearReview();
    const ref = data.reference;
    const $ref = $form.querySelector('[data-slot="reference"]');
    $ref.replaceChildren(referenceElement(ref));
    $ref.dataset.speakAs = JSON.stringify(spell(ref));
    showCode(data.trackingCode);
    $form.querySelector('[data-slot="next-steps"]').textContent = pick(data.nextSteps, '');
    // The QR code and the printed link carry the reference only, never the tracking code: the link
    // leaves the tablet (a phone's history, a photo over a shoulder, the CDN's access log), and the
    // code is the one secret that opens an anonymous request. by=code only sets the tracking page
    // to ask for the code instead of mobile digits.
    const query = `?ref=${encodeURIComponent(ref)}${data.trackingCode ? '&by=code' : ''}`;
    const link = new URL(`${lang === 'en' ? '/en' : ''}/track/${query}`, location.origin).href;
    $form.querySelector('[data-slot="track-url"]').textContent = link;
    show('done');
    try { // drawn on the tablet: the QR encoder is loaded only now, and no service sees the reference
      const { qrSvg } = await import('../qr/qr.js');
      $form.querySelector('[data-slot="qr"]').replaceChildren(qrSvg(link, t.qrLabel));
    } catch (err) { console.warn('qr:', err.message); }
    if (speechUsed) speakReference();
  }

  /**
   * The anonymous request's tracking code, shown under the reference with its own read-aloud
   * button; null (a named request, or the wipe) takes it and its warning away.
   */
  function showCode(code) {
    const $code = $form.querySelector('[data-slot="tracking-code"]');
    if (code) {
      $code.replaceChildren(trackingCodeElement(code));
      $code.dataset.speakAs = JSON.stringify(spell(code));
    } else {
      $code.replaceChildren();
      delete $code.dataset.speakAs;
    }
    for (const $e of $form.querySelectorAll('[data-if-code]')) $e.hidden = !code;
    for (const $e of $form.querySelectorAll('[data-if-no-code]')) $e.hidden = Boolean(code);
  }

  /** The reference as separate utterances, one character each ("M", "H", "F", "5", "dash", …). */
  const spell = (ref) => [...ref].map((ch) => t.spell[ch] ?? ch);
  /**
   * Spoken by itself after sending, the reference is followed only by where the code is, not by the
   * code: a lobby hears what the tablet says, and the code with the reference opens the request. The
   * visitor hears the code when they ask for it (its button, or "Read aloud" on the screen).
   */
  function speakReference() {
    const ref = $form.querySelector('[data-reference]')?.dataset.reference;
    const code = $form.querySelector('[data-tracking-code]')?.dataset.trackingCode;
    if (ref) speak([t.referenceIs, ...spell(ref), ...(code ? [t.codeOnScreen] : [])]);
  }
  function speakCode() {
    const code = $form.querySelector('[data-tracking-code]')?.dataset.trackingCode;
    if (code) speak([t.codeIs, ...spell(code)]);
  }

  // ---- Read aloud ------------------------------------------------------------------------------
  function setSpeaking(on) {
    $speak.toggleAttribute('data-speaking', on);
    $speak.querySelector('[data-label]').textContent = on ? t.stopReading : t.readAloud;
  }
  reader.onIdle = () => setSpeaking(false);
  async function speak(parts) {
    setSpeaking(true);
    const ok = await reader.speak(parts);
    if (ok) { speechUsed = true; $notice.textContent = ''; return; }
    setSpeaking(false);
    $notice.textContent = t.noVoice; // role="status": announced, and visible until the next screen
  }
  function speakScreen() {
    if (reader.speaking) { reader.stop(); return; }
    const parts = [];
    for (const $box of [$summary, $status]) if (!$box.hidden) parts.push(...screenText($box));
    parts.push(...screenText($steps[current], { selected: t.selected }));
    speak(parts);
  }

  // ---- Display settings, for this visit only (component display-settings) ----------------------
  const keypads = [...$form.querySelectorAll('[data-keypad]')].map(($pad) => attachKeypad($pad, f[$pad.dataset.keypad], {
    $echo: $form.querySelector(`[data-keypad-echo="${$pad.dataset.keypad}"]`),
    onKey: (label) => { if (speechUsed) speak([label]); },
    max: $pad.dataset.keypad === 'nationalId' ? 10 : 15,
  }));
  const display = createDisplaySettings({
    defaultDigits: DEFAULT_DIGITS,
    onDigits: (system) => keypads.forEach((k) => k.setDigits(system)),
  });

  // ---- Privacy: start over and inactivity ------------------------------------------------------
  const hasAnswers = () => [...f].some((el) => el.name && ((el.type === 'radio' || el.type === 'checkbox') ? el.checked : el.value));

  function wipe() {
    idle.stop();
    stopRetry();
    reader.stop();
    for (const $d of [$restartDialog, $idleDialog]) if ($d.open) $d.close();
    $form.reset();
    submitter.reset();
    for (const $slot of $form.querySelectorAll('[data-slot]')) { $slot.replaceChildren(); delete $slot.dataset.speakAs; }
    showCode(null);
    clearReview();
    f.description?.dispatchEvent(new Event('input', { bubbles: true })); // refresh the character count
    display.reset();
    speechUsed = false;
    show('home');
  }

  const idle = createIdleTimer({
    ...idleSettings($form),
    isBusy: () => reader.speaking,
    isArmed: () => current !== 'home' || display.changed || hasAnswers(),
    onWarn: (left) => {
      $idleCount.textContent = t.seconds(left);
      for (const $d of [$restartDialog]) if ($d.open) $d.close();
      $idleDialog.showModal();
      if (speechUsed) reader.speak([t.idleSpoken(t.seconds(left))]);
    },
    onTick: (left) => { $idleCount.textContent = t.seconds(left); },
    onCancel: () => { if ($idleDialog.open) $idleDialog.close(); reader.stop(); },
    onExpire: wipe,
  });

  // ---- Events ----------------------------------------------------------------------------------
  $form.addEventListener('submit', (ev) => {
    ev.preventDefault(); // never a native post: nothing may end up in history or the address
    if (current === 'review') send();
    else if (current in FIELDS) next();
  });

  // What each button does, by its data attribute and value. The display controls (text size, digits,
  // contrast) answer for themselves (display-settings); a click on them still counts as activity.
  const ACTIONS = {
    speak: speakScreen,
    start: () => show(path()[0]),
    back,
    retry: send,
    'speak-reference': speakReference,
    'speak-code': speakCode,
    again: wipe,
    restart: () => { if (hasAnswers()) $restartDialog.showModal(); else wipe(); },
  };
  const RESTART_DIALOG = { yes: () => { $restartDialog.close(); wipe(); }, no: () => $restartDialog.close() };
  const IDLE_DIALOG = { continue: () => idle.cancelWarning(), reset: wipe };
  const HANDLERS = { dialog: RESTART_DIALOG, idle: IDLE_DIALOG, action: ACTIONS };

  document.addEventListener('click', (ev) => {
    const $t = ev.target.closest('[data-action], [data-text-size], [data-digits], [data-dialog], [data-idle]');
    if (!$t) return;
    const kind = Object.keys(HANDLERS).find((k) => $t.dataset[k]);
    if (kind) HANDLERS[kind][$t.dataset[kind]]?.();
    idle.poke();
  });
  // Escape on the warning means "I'm here" (the timer already counts the key press as activity).
  $idleDialog.addEventListener('cancel', () => idle.cancelWarning());
  // A page restored from the back/forward cache must not show the previous visitor's answers.
  window.addEventListener('pageshow', (ev) => { if (ev.persisted) wipe(); });

  $form.reset(); // defeat the browser's form restoration after a reload or back navigation
  display.setDigits(DEFAULT_DIGITS);
  show('home', { focus: false });
}
