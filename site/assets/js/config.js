// The build writes the association's identity (site/config/association.json) into every page, so the
// first paint already shows it. This re-applies the published file to the elements marked
// data-config="key" after load, for a file changed on the host since the build; where the page
// already says the same, nothing in the DOM is touched (nothing moves). The render shapes match
// identity() in site/build/lib.mjs.
import { lang } from './i18n.js';

const el = (tag, props = {}, ...children) => {
  const $e = Object.assign(document.createElement(tag), props);
  $e.append(...children.filter((c) => c != null));
  return $e;
};
const ltr = (text) => el('bdi', { dir: 'ltr', textContent: text });
const L = (v) => (v && typeof v === 'object' ? v[lang] ?? v.ar : v);

const RENDER = {
  name: (c) => L(c.name),
  shortName: (c) => L(c.shortName),
  description: (c) => L(c.description),
  address: (c) => L(c.contact?.address),
  hours: (c) => L(c.contact?.hours),
  notOffered: (c) => L(c.notOffered),
  eligibility: (c) => L(c.eligibility),
  phone: (c, $e) => { if ($e.tagName === 'A') $e.href = c.contact.phoneHref; return c.contact.phone; },
  email: (c, $e) => { if ($e.tagName === 'A') $e.href = `mailto:${c.contact.email}`; return c.contact.email; },
  privacyEmail: (c, $e) => { if ($e.tagName === 'A') $e.href = `mailto:${c.privacy.contactEmail}`; return c.privacy.contactEmail; },
  retentionYears: (c) => new Intl.NumberFormat(lang === 'ar' ? 'ar-SA' : 'en-GB').format(c.privacy.retentionYears),
  services: (c) => c.services.map((s) => el('li', { className: 'mf-card' },
    el('h3', { textContent: L(s.title) }), el('p', { textContent: L(s.description) }))),
  documents: (c) => c.documents.map((d) => el('li', {},
    el('a', { href: d.href, textContent: L(d.title) }), ' ', el('span', { textContent: `(${d.format})` }))),
  social: (c) => c.social.map((s) => el('li', {},
    el('a', { href: s.href, className: 'mf-footer__link' }, `${L(s.label)}: `, ltr(s.handle)))),
};

export async function loadConfig() {
  const res = await fetch(new URL('../../config/association.json', import.meta.url));
  if (!res.ok) throw new Error(`association.json: HTTP ${res.status}`);
  return res.json();
}

export function applyConfig(config, root = document) {
  for (const $e of root.querySelectorAll('[data-config]')) {
    const render = RENDER[$e.dataset.config];
    if (!render) continue;
    try {
      const value = render(config, $e);
      if (value == null) continue;
      if (Array.isArray(value)) {
        const html = (nodes) => nodes.map((n) => n.outerHTML).join('');
        if (html([...$e.children]) !== html(value)) $e.replaceChildren(...value);
      } else if ($e.textContent !== String(value)) $e.textContent = value;
    } catch { /* missing key in this deployment's file: keep the fallback text */ }
  }
}
