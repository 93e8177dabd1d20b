// Staff console UI strings in the page's language: the texts come from site/strings/<lang>.json and
// the names of codes from functions/messages/labels (the build writes strings-<lang>.js); what is
// left here is number and date formatting. Server labels ({ar, en}) win over these wherever the API
// sends them.
import { lang } from '../../js/i18n.js';

const { strings, codeLabels: labels } = await import(lang === 'en' ? './strings-en.js' : './strings-ar.js');
const locale = lang === 'en' ? 'en-GB' : 'ar-SA';
const numbers = new Intl.NumberFormat(locale);
const months = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ar-SA-u-ca-gregory', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export const s = {
  ...strings,
  // working hours to one decimal: "1.5 working hours"
  hours: (n) => strings.hours(Math.round(n * 10) / 10),
  kb: (n) => strings.kb(Math.max(1, Math.round(n / 1024))),
  percent: (x) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x),
  number: (x) => numbers.format(x),
  decimal: (x) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(x),
  months: (ym) => months.format(new Date(`${ym}-01T00:00:00Z`)),
};
// Labels for codes the server may send without a label (the API sends {ar, en} labels in lists).
export const codeLabels = labels;
