import { lang } from './i18n.js';

// Saudi audiences read both calendars: Gregorian (ar-SA forced to gregory, as ar-SA defaults to
// Umm al-Qura) with the Hijri date alongside. Times are shown in Makkah time whatever the device says.
const TZ = 'Asia/Riyadh';
const greg = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-gregory' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: TZ });
const hijri = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-islamic-umalqura' : 'en-GB-u-ca-islamic-umalqura', { dateStyle: 'long', timeZone: TZ });

/** A <time> element: "25 November 2026 at 13:00 (5 Jumada II 1448 AH)". */
export function timeElement(iso) {
  const $time = document.createElement('time');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) { $time.textContent = String(iso ?? ''); return $time; }
  $time.dateTime = d.toISOString();
  $time.textContent = `${greg.format(d)} (${hijri.format(d)})`;
  return $time;
}
