// Shared by the web form and the kiosk: read the form into the API body, and send it with an
// Idempotency-Key that survives retries.
import { lang } from './i18n.js';
import { toAsciiDigits, ANONYMOUS_CATEGORIES } from './validate.js';
import { newIdempotencyKey, postJson } from './api.js';

/** A yes/no control: a checkbox on the web form, a yes/no radio pair on the kiosk. */
const chosen = (control) => Boolean(control && ('checked' in control ? control.checked : control.value === 'yes'));

/**
 * The POST /requests body from a form whose controls are named like the API fields. "Without my
 * name" counts only for a category that allows it (a visitor may change the category after
 * choosing); then nothing that names or reaches the sender is read, even from fields still filled
 * in from before, so it cannot be sent by mistake.
 */
export function readRequest($form, channel) {
  const f = $form.elements;
  const val = (n) => (f[n] && typeof f[n].value === 'string' ? f[n].value.trim() : '');
  const body = readFields(f, val, channel);
  // Only a complaint can be about a member of staff (it then goes to managers alone).
  if (chosen(f.aboutStaff) && body.category === 'complaint') body.aboutStaff = true;
  return body;
}

function readFields(f, val, channel) {
  if (chosen(f.anonymous) && ANONYMOUS_CATEGORIES.includes(val('category'))) {
    return {
      category: val('category'),
      channel,
      anonymous: true,
      city: val('city'),
      description: f.description ? f.description.value.trim() : '',
      language: lang,
      consent: Boolean(f.consent?.checked),
    };
  }
  const body = {
    category: val('category'),
    channel,
    name: val('name'),
    mobile: val('mobile'),
    city: val('city'),
    description: f.description ? f.description.value.trim() : '',
    preferredContact: val('preferredContact'),
    language: lang,
    consent: Boolean(f.consent?.checked),
  };
  if (val('email')) body.email = val('email');
  if (val('nationalId')) body.nationalId = toAsciiDigits(val('nationalId'));
  if (chosen(f.onBehalf)) body.onBehalf = { beneficiaryName: val('beneficiaryName'), relationship: val('relationship') };
  return body;
}

/**
 * One key per submission: created on the first attempt, reused for every retry of the same content
 * after a network failure, timeout or 5xx (the first attempt may have reached the server), dropped
 * once the server has answered definitively (201, or a 4xx that created nothing), so a double tap or
 * a retry can never create two requests. The key belongs to the content: the API answers 409 to a
 * key reused with a different body, so a visitor who edits after a failure sends under a new key.
 */
export function createSubmitter() {
  let key = null;
  let keyContent = null;
  let sending = false;
  return {
    get sending() { return sending; },
    get key() { return key; },
    reset() { key = null; keyContent = null; },
    async send(body) {
      if (sending) return null;
      const content = JSON.stringify(body);
      if (key === null || keyContent !== content) {
        key = newIdempotencyKey();
        keyContent = content;
      }
      sending = true;
      try {
        const res = await postJson('/requests', body, { idempotencyKey: key });
        const definitive = res.status === 201 || (res.status >= 400 && res.status < 500 && ![408, 425, 429].includes(res.status));
        if (definitive) key = null;
        return res;
      } finally {
        sending = false;
      }
    },
  };
}

/** Keeps the button focusable (a disabled button drops keyboard focus to <body>) but inert. */
export function setBusy($form, $button, busy, busyLabel) {
  $form.setAttribute('aria-busy', String(busy));
  $button.setAttribute('aria-busy', String(busy));
  $button.setAttribute('aria-disabled', String(busy));
  $button.dataset.label ??= $button.textContent;
  $button.textContent = busy ? busyLabel : $button.dataset.label;
}

/** Retry-After (seconds or HTTP date) → whole minutes, at least 1. */
export function retryMinutes(retryAfter) {
  if (!retryAfter) return 1;
  const s = /^\d+$/.test(retryAfter) ? Number(retryAfter) : (Date.parse(retryAfter) - Date.now()) / 1000;
  return Math.max(1, Math.ceil((Number.isFinite(s) ? s : 60) / 60));
}
