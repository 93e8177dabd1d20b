// Client-side checks that mirror the API's essentials. The server stays the authority: these only
// save a round trip and give the same wording sooner.

/** Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits to ASCII. */
export function toAsciiDigits(value) {
  return String(value ?? '').replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

/** Saudi mobile in any common form → +9665XXXXXXXX, or null. */
export function normaliseMobile(value) {
  const v = toAsciiDigits(value).replace(/[\s\-().\u200E\u200F]/g, '');
  const m = v.match(/^(?:\+966|00966|966|0)?(5\d{8})$/);
  return m ? `+966${m[1]}` : null;
}

/** "7kq3 m9px" / "7KQ3M9PX" → "7KQ3-M9PX", or null. */
export function normaliseReference(value) {
  const v = toAsciiDigits(value).toUpperCase().replace(/[\s\-\u200E\u200F]/g, '');
  return /^[A-Z0-9]{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4)}` : null;
}

/** "482 913" / "٤٨٢-٩١٣" → "482913" (six digits, as TrackingCodes.parse reads them), or null. */
export function normaliseTrackingCode(value) {
  const v = toAsciiDigits(value).replace(/[\s\-\u00A0\u200E\u200F]/g, '');
  return /^\d{6}$/.test(v) ? v : null;
}

/**
 * The categories that may be sent without a name (RequestRules.anonymous on the server): a complaint
 * or a suggestion can be acted on without a way back; a service or a registration cannot.
 */
export const ANONYMOUS_CATEGORIES = ['complaint', 'suggestion'];

export const DESCRIPTION_MAX = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Returns [{field, code}] for a request payload (fields named as in the API). */
export function validateRequest(v, fields = null) {
  const errors = [];
  const want = (f) => !fields || fields.includes(f);
  const add = (field, code) => { if (want(field)) errors.push({ field, code }); };
  if (!v.category) add('category', 'required_category');
  if (v.anonymous === true) { checkAnonymous(v, add); return errors; }
  if (!v.name?.trim()) add('name', 'required_name');
  if (!v.mobile?.trim()) add('mobile', 'required_mobile');
  else if (!normaliseMobile(v.mobile)) add('mobile', 'invalid_mobile');
  if (v.onBehalf) {
    if (!v.onBehalf.beneficiaryName?.trim()) add('onBehalf.beneficiaryName', 'required_beneficiary_name');
    if (!v.onBehalf.relationship?.trim()) add('onBehalf.relationship', 'required_relationship');
  }
  if (v.nationalId && !/^\d{10}$/.test(toAsciiDigits(v.nationalId).trim())) add('nationalId', 'invalid_national_id');
  if (!v.city?.trim()) add('city', 'required_city');
  if (!v.description?.trim()) add('description', 'required_description');
  else if (v.description.length > DESCRIPTION_MAX) add('description', 'description_too_long');
  if (!v.preferredContact) add('preferredContact', 'required_preferred_contact');
  if (v.email?.trim() && !EMAIL.test(v.email.trim())) add('email', 'invalid_email');
  else if (v.preferredContact === 'email' && !v.email?.trim()) add('email', 'required_email');
  if (v.consent !== true) add('consent', 'required_consent');
  return errors;
}

/**
 * An anonymous request carries nothing that names or reaches the sender; the forms leave those
 * fields out, and the server refuses any that arrive (not_when_anonymous), so a slip is caught here.
 */
function checkAnonymous(v, add) {
  if (v.category && !ANONYMOUS_CATEGORIES.includes(v.category)) add('anonymous', 'anonymous_not_allowed');
  for (const field of ['name', 'mobile', 'email', 'nationalId']) {
    if (String(v[field] ?? '').trim()) add(field, 'not_when_anonymous');
  }
  if (v.onBehalf) add('onBehalf', 'not_when_anonymous');
  if (v.preferredContact && v.preferredContact !== 'none') add('preferredContact', 'not_when_anonymous');
  if (!v.city?.trim()) add('city', 'required_city');
  if (!v.description?.trim()) add('description', 'required_description');
  else if (v.description.length > DESCRIPTION_MAX) add('description', 'description_too_long');
  if (v.consent !== true) add('consent', 'required_consent');
}

/** A lookup proves itself with the mobile's last four digits or, for an anonymous request, the tracking code. */
export function validateLookup(v) {
  const errors = [];
  if (!v.reference?.trim()) errors.push({ field: 'reference', code: 'required_reference' });
  else if (!normaliseReference(v.reference)) errors.push({ field: 'reference', code: 'invalid_reference' });
  if ('trackingCode' in v) {
    if (!normaliseTrackingCode(v.trackingCode)) errors.push({ field: 'trackingCode', code: 'invalid_tracking_code' });
  } else if (!/^\d{4}$/.test(toAsciiDigits(v.mobileLast4).trim())) {
    errors.push({ field: 'mobileLast4', code: 'invalid_mobile_last4' });
  }
  return errors;
}
