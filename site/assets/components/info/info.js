// Fills the information page from /config/info.json (the file staff edit: see site/config/README.md).
// The headings are in the HTML; only the lists come from the file, into [data-info="key"] elements.
// If the file cannot be read, the page shows its "call us" fallback instead.
import { lang } from '../../js/i18n.js';

const L = (v) => (v && typeof v === 'object' ? (v[lang] || v.ar || '') : String(v ?? ''));
const el = (tag, props = {}, ...children) => {
  const $e = Object.assign(document.createElement(tag), props);
  $e.append(...children);
  return $e;
};

const RENDER = {
  offered: (c) => c.offered.map((x) => el('li', {}, L(x))),
  notOffered: (c) => c.notOffered.map((x) => el('li', {}, L(x))),
  eligibility: (c) => c.eligibility.map((x) => el('li', {}, L(x))),
  // A misconception: what people often think (as a quoted heading), then what is true.
  misconceptions: (c) => c.misconceptions.map((m) => el('div', { className: 'mf-info__myth' },
    el('h3', { className: 'mf-info__myth-title' }, `«${L(m.myth)}»`), el('p', {}, L(m.fact)))),
  faq: (c) => c.faq.map((f) => el('details', { className: 'mf-info__faq' }, el('summary', {}, L(f.q)), el('p', {}, L(f.a)))),
  updated: (c) => {
    const d = new Date(`${c.updated}T12:00:00Z`);
    return Number.isNaN(d.getTime()) ? [] : [el('time', { dateTime: c.updated },
      new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-gregory' : 'en-GB', { dateStyle: 'long' }).format(d))];
  },
};

export default async function info($root) {
  $root.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch(new URL('../../../config/info.json', import.meta.url));
    if (!res.ok) throw new Error(`info.json: HTTP ${res.status}`);
    const content = await res.json();
    for (const $e of $root.querySelectorAll('[data-info]')) {
      const render = RENDER[$e.dataset.info];
      if (render && content[$e.dataset.info]) $e.replaceChildren(...render(content));
    }
    $root.querySelector('[data-info-fallback]')?.remove();
  } catch (err) {
    console.warn('info:', err.message);
    const $fallback = $root.querySelector('[data-info-fallback]');
    if ($fallback) $fallback.hidden = false; // hidden until needed: showing then removing it would shift the page
  } finally {
    $root.setAttribute('aria-busy', 'false');
  }
}
