// Small DOM and formatting helpers for the console. Everything that came from a person (names,
// descriptions, notes) goes in through textContent / text nodes only — never innerHTML — so a name
// like "<img src=x onerror=…>" is shown as the characters typed (stored XSS).
import { lang, pick } from '../../js/i18n.js';
import { codeLabels } from './strings.js';

export const el = (tag, props = {}, ...children) => {
  const { dataset, attrs, ...rest } = props;
  const $e = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign($e.dataset, dataset);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v != null) $e.setAttribute(k, v);
  $e.append(...children.flat().filter((c) => c != null && c !== false));
  return $e;
};
/** Phone numbers, references, e-mails: isolated left-to-right inside Arabic text. */
export const ltr = (text) => el('bdi', { dir: 'ltr', textContent: String(text ?? '') });

/** Server label in the page language, else our label for the code, else the code. */
export const label = (kind, code, serverLabel) => pick(serverLabel, codeLabels[kind]?.[code] ?? String(code ?? ''));

// Saudi staff read both calendars; the Gregorian date and the Umm al-Qura Hijri date sit side by
// side (Hijri in its own element so it can be styled and read as a separate phrase). Makkah time.
const TZ = 'Asia/Riyadh';
const L = lang === 'ar' ? 'ar-SA' : 'en-GB';
const fmt = {
  full: new Intl.DateTimeFormat(`${L}-u-ca-gregory`, { dateStyle: 'long', timeStyle: 'short', timeZone: TZ }),
  short: new Intl.DateTimeFormat(`${L}-u-ca-gregory`, { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ }),
  hijri: new Intl.DateTimeFormat(`${L}-u-ca-islamic-umalqura`, { dateStyle: 'long', timeZone: TZ }),
  hijriShort: new Intl.DateTimeFormat(`${L}-u-ca-islamic-umalqura`, { dateStyle: 'medium', timeZone: TZ }),
};

/** <span class="mf-staff-date"><time>Gregorian</time> <span>Hijri</span></span> */
export function dualDate(iso, { short = false } = {}) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return el('span', { textContent: String(iso ?? '—') });
  return el('span', { className: 'mf-staff-date' },
    el('time', { dateTime: d.toISOString(), textContent: (short ? fmt.short : fmt.full).format(d) }),
    ' ',
    el('span', { className: 'mf-staff-date__hijri', textContent: (short ? fmt.hijriShort : fmt.hijri).format(d) }));
}

export const consoleHref = (p) => `${lang === 'en' ? '/en' : ''}/staff/${p}`;
export const requestHref = (ref) => consoleHref(`request/?ref=${encodeURIComponent(ref)}`);

/** A polite live region's text, re-set so the same message is announced again. */
export function announce($live, text) {
  $live.textContent = '';
  setTimeout(() => { $live.textContent = text; }, 50);
}

/**
 * A mobile as staff read it aloud: a Saudi one grouped "+966 5x xxx xxxx" (the national plan's
 * grouping), anything else as stored (E.164). Returned with the tel: address to dial.
 */
export function phone(e164) {
  const raw = String(e164 ?? '').replace(/[^\d+]/g, '');
  const m = raw.match(/^\+966(5\d)(\d{3})(\d{4})$/);
  return { text: m ? `+966 ${m[1]} ${m[2]} ${m[3]}` : raw, href: `tel:${raw}` };
}

/** A phone number as a tel: link, LTR-isolated; its name says what it does ("Call +966 …"). */
export function telLink(e164, name) {
  const p = phone(e164);
  return el('a', { href: p.href, className: 'mf-staff-tel', attrs: { 'aria-label': name ? name(p.text) : null } }, ltr(p.text));
}
