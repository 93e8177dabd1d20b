// The site build's parts, importable by its tests: the .properties reader, the tables' checks, the
// renderer of the association's identity and the page renderer. build.mjs puts them together.
import fs from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';

export const LANGS = ['ar', 'en'];
const HERE = path.dirname(new URL(import.meta.url).pathname);
export const REPO = path.resolve(HERE, '../..');
export const SITE = path.join(REPO, 'site');

/**
 * Reads a Java .properties file (UTF-8, as java.util.Properties.load(Reader) reads it): `#`/`!`
 * comments, `=`, `:` or whitespace separators, `\` line continuations and escapes (\uXXXX, \t, \n, …).
 */
export function parseProperties(text) {
  const out = {};
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^[ \t\f]+/, '');
    if (!line || line[0] === '#' || line[0] === '!') continue;
    // a logical line ends at a newline not preceded by an odd number of backslashes
    while (/(?:^|[^\\])(?:\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^[ \t\f]+/, '');
    }
    let k = 0;
    while (k < line.length && !'=: \t\f'.includes(line[k])) k += line[k] === '\\' ? 2 : 1;
    const key = unescape(line.slice(0, k));
    let rest = line.slice(k).replace(/^[ \t\f]*/, '');
    if (rest[0] === '=' || rest[0] === ':') rest = rest.slice(1).replace(/^[ \t\f]*/, '');
    out[key] = unescape(rest);
  }
  return out;
}

function unescape(s) {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c) => {
    if (c[0] === 'u' && c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[c] ?? c;
  });
}

/** Flattens {a: {b: 'x'}} to {'a.b': 'x'}; a plural form object ({one, other…}) is a leaf. */
export function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !isPlural(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
export const isPlural = (v) => v && typeof v === 'object' && 'other' in v && Object.keys(v).every((k) => PLURAL_FORMS.has(k));

/** Nests {'a.b': 'x'} into {a: {b: 'x'}}. */
export function nest(flat) {
  const o = {};
  for (const [k, v] of Object.entries(flat)) {
    const parts = k.split('.');
    let cur = o;
    for (const p of parts.slice(0, -1)) cur = cur[p] ??= {};
    cur[parts.at(-1)] = v;
  }
  return o;
}

const placeholders = (v) => [...new Set((typeof v === 'string' ? [v] : Object.values(v ?? {}))
  .flatMap((s) => [...String(s).matchAll(/\{(\w+)(?:,\s*number)?\}/g)].map((m) => m[1])))].sort();

/**
 * Problems between the languages' tables ({ar: flat, en: flat}): a key in one and not the other, an
 * empty text, or a template whose placeholders differ. Returns a list of sentences; empty is good.
 */
export function checkTables(tables, what) {
  const problems = [];
  const [a, b] = LANGS;
  for (const [x, y] of [[a, b], [b, a]]) {
    for (const key of Object.keys(tables[x])) {
      if (!(key in tables[y])) problems.push(`${what}: "${key}" is in ${x} and missing in ${y}`);
    }
  }
  for (const l of LANGS) {
    for (const [key, v] of Object.entries(tables[l])) {
      if (v === '' || v == null) problems.push(`${what}: "${key}" is empty in ${l}`);
    }
  }
  for (const key of Object.keys(tables[a])) {
    if (!(key in tables[b])) continue;
    // {placeholders} only mean something in templates, whose keys carry their parameters: name(a, b)
    if (!/\(.*\)$/.test(key.split('.').at(-1))) continue;
    const pa = placeholders(tables[a][key]).join(','); const pb = placeholders(tables[b][key]).join(',');
    if (pa !== pb) problems.push(`${what}: "${key}" uses {${pa}} in ${a} and {${pb}} in ${b}`);
  }
  return problems;
}

/** Reads every table: the site's strings and the names shared with the API, per language. */
export function readTables({ stringsDir = path.join(SITE, 'strings'), labelsDir = path.join(REPO, 'functions/messages/labels') } = {}) {
  const strings = {}; const labels = {};
  for (const l of LANGS) {
    strings[l] = JSON.parse(fs.readFileSync(path.join(stringsDir, `${l}.json`), 'utf8'));
    labels[l] = parseProperties(fs.readFileSync(path.join(labelsDir, `${l}.properties`), 'utf8'));
  }
  return { strings, labels };
}

/** Every problem in the tables; the build stops on any. */
export function tableProblems({ strings, labels }) {
  const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(strings[l])]));
  const problems = [...checkTables(flat, 'site/strings'), ...checkTables(labels, 'functions/messages/labels')];
  for (const key of Object.keys(flat.ar)) {
    if (key in labels.ar) problems.push(`site/strings: "${key}" is also a shared name in functions/messages/labels; keep one`);
  }
  return problems;
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const numberLocale = (lang) => (lang === 'ar' ? 'ar-SA' : 'en-GB');

/**
 * The association's identity in one language, as the pages show it (the same shapes
 * site/assets/js/config.js renders at run time, so both agree).
 */
export function identity(c, lang) {
  const L = (v) => (v && typeof v === 'object' ? v[lang] ?? v.ar : v);
  const html = (s) => new nunjucks.runtime.SafeString(s);
  return {
    name: L(c.name), shortName: L(c.shortName), description: L(c.description),
    address: L(c.contact.address), hours: L(c.contact.hours), notOffered: L(c.notOffered), eligibility: L(c.eligibility),
    phone: c.contact.phone, phoneHref: c.contact.phoneHref, email: c.contact.email,
    privacyEmail: c.privacy.contactEmail,
    retentionYears: new Intl.NumberFormat(numberLocale(lang)).format(c.privacy.retentionYears),
    services: html(c.services.map((s) => `<li class="mf-card"><h3>${escapeHtml(L(s.title))}</h3><p>${escapeHtml(L(s.description))}</p></li>`).join('')),
    documents: html(c.documents.map((d) => `<li><a href="${escapeHtml(d.href)}">${escapeHtml(L(d.title))}</a> <span>(${escapeHtml(d.format)})</span></li>`).join('')),
    // the staff console's footer (staff.js renders the same shape from the published file)
    staffDocuments: html(c.documents.map((d) => `<li><a href="${escapeHtml(d.href)}" data-doc="${escapeHtml(d.id)}">${escapeHtml(L(d.title))}</a>${d.format ? ` (${escapeHtml(d.format)})` : ''}</li>`).join('')),
    social: html(c.social.map((s) => `<li><a href="${escapeHtml(s.href)}" class="mf-footer__link">${escapeHtml(L(s.label))}: <bdi dir="ltr">${escapeHtml(s.handle)}</bdi></a></li>`).join('')),
  };
}

/** A Nunjucks environment over site/pages whose t("key") fails on a key the tables lack. */
export function pageRenderer({ pagesDir = path.join(SITE, 'pages'), strings, labels, association }) {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(pagesDir, { noCache: true }), {
    autoescape: true, throwOnUndefined: true, trimBlocks: false, lstripBlocks: false,
  });
  return (template, lang) => {
    const flat = { ...flatten(strings[lang]), ...labels[lang] };
    const t = (key) => {
      if (!(key in flat)) throw new Error(`${template}: no string "${key}" in the ${lang} tables`);
      return flat[key];
    };
    const twin = lang === 'ar' ? 'en' : 'ar';
    // the page's path in either language: pages/request/index.njk → /request/
    const here = `/${path.dirname(template) === '.' ? '' : `${path.dirname(template)}/`}`;
    const current = (p) => new nunjucks.runtime.SafeString(p === here ? ' aria-current="page"' : '');
    return env.render(template, {
      t, lang, path: here, current, dir: lang === 'ar' ? 'rtl' : 'ltr', twinLang: twin,
      root: lang === 'ar' ? '' : '/en', twinRoot: lang === 'ar' ? '/en' : '',
      id: identity(association, lang),
    });
  };
}

/** Template files of the pages (not the partials, which live under _partials/). */
export function pageTemplates(pagesDir = path.join(SITE, 'pages')) {
  return fs.readdirSync(pagesDir, { recursive: true })
    .filter((f) => f.endsWith('.njk') && !f.split(path.sep).some((p) => p.startsWith('_'))).sort();
}
