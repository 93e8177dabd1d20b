// One-off converter (kept for the record, run once): walks each hand-kept Arabic/English page pair in
// parallel — they share their structure — and turns every text or attribute that differs into a
// string key, writing one template per page and the two string tables. Usage:
//   node convert.mjs <dir with the old site/ pages> <out dir>
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';

const [src, out] = process.argv.slice(2);
const labels = Object.fromEntries(['ar', 'en'].map((l) => [l, readProps(path.resolve(import.meta.dirname, `../../functions/messages/labels/${l}.properties`))]));
const labelByPair = new Map(Object.keys(labels.ar).map((k) => [`${labels.ar[k]}\u0000${labels.en[k]}`, k]));

function readProps(file) {
  const o = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    o[line.slice(0, i)] = line.slice(i + 1);
  }
  return o;
}

const pages = fs.readdirSync(src, { recursive: true }).filter((f) => f.endsWith('index.html') && !f.startsWith('en/')).sort();
const pageName = (f) => (path.dirname(f) === '.' ? 'home' : path.dirname(f).replaceAll('/', '_'));

// pass 1: collect differing pairs per page
const found = []; // {page, ar, en, edits}
const pairPages = new Map();
const nearMisses = [];

function walk(a, e, ctx) {
  const edits = [];
  const pairs = [];
  const visit = (na, ne, where) => {
    if (na.nodeName !== ne.nodeName) throw new Error(`${ctx}: ${where}: ${na.nodeName} ≠ ${ne.nodeName}`);
    if (na.nodeName === '#text') {
      if (na.value === ne.value) return;
      if (!na.value.trim() && !ne.value.trim()) return;
      const lead = na.value.match(/^\s*/)[0];
      const trail = na.value.match(/\s*$/)[0];
      const loc = na.sourceCodeLocation;
      const ar = na.value.trim(); const en = ne.value.trim();
      // <noscript> content is raw text to a parser with scripting on: it is HTML, written unescaped
      edits.push({ start: loc.startOffset, end: loc.endOffset, pair: [ar, en], text: true, lead, trail, raw_html: na.parentNode?.nodeName === 'noscript' });
      pairs.push([ar, en]);
      return;
    }
    if (na.nodeName === '#comment' || na.nodeName === '#documentType') return;
    const aa = na.attrs || []; const ea = ne.attrs || [];
    const an = aa.map((x) => x.name).join(' '); const en_ = ea.map((x) => x.name).join(' ');
    if (an !== en_) throw new Error(`${ctx}: ${where}: attributes ${an} ≠ ${en_}`);
    const cfg = aa.find((x) => x.name === 'data-config')?.value;
    for (let i = 0; i < aa.length; i++) {
      const name = aa[i].name;
      const loc = na.sourceCodeLocation.attrs[name];
      if (cfg && name === 'href' && ['phone', 'email', 'privacyEmail'].includes(cfg)) {
        const expr = cfg === 'phone' ? '{{ id.phoneHref }}' : `mailto:{{ id.${cfg} }}`;
        edits.push({ start: loc.startOffset, end: loc.endOffset, raw: `href="${expr}"` });
        continue;
      }
      if (aa[i].value === ea[i].value) continue;
      const av = aa[i].value; const ev = ea[i].value;
      let expr;
      if (av === 'ar' && ev === 'en') expr = '{{ lang }}';
      else if (av === 'en' && ev === 'ar') expr = '{{ twinLang }}';
      else if (av === 'rtl' && ev === 'ltr') expr = '{{ dir }}';
      else if (av.startsWith('/') && ev === `/en${av}`) expr = `{{ root }}${av}`;
      else if (ev.startsWith('/') && av === `/en${ev}`) expr = `{{ twinRoot }}${ev}`;
      if (expr) { edits.push({ start: loc.startOffset, end: loc.endOffset, raw: `${name}="${expr}"` }); continue; }
      edits.push({ start: loc.startOffset, end: loc.endOffset, pair: [av, ev], attr: name });
      pairs.push([av, ev]);
    }
    if (cfg) {
      // the association's identity: written by the build from site/config/association.json
      const l = na.sourceCodeLocation;
      edits.push({ start: l.startTag.endOffset, end: l.endTag.startOffset, raw: `{{ id.${cfg} }}` });
      return;
    }
    const ca = (na.content || na).childNodes || []; const ce = (ne.content || ne).childNodes || [];
    const fa = ca.filter((c) => !(c.nodeName === '#text' && !c.value.trim()));
    const fe = ce.filter((c) => !(c.nodeName === '#text' && !c.value.trim()));
    if (fa.length !== fe.length) throw new Error(`${ctx}: ${where} > ${na.nodeName}: ${fa.length} ≠ ${fe.length} children`);
    fa.forEach((c, i) => visit(c, fe[i], `${where} > ${na.nodeName}[${i}]`));
  };
  visit(a, e, '');
  return { edits, pairs };
}

for (const f of pages) {
  const arHtml = fs.readFileSync(path.join(src, f), 'utf8');
  const enHtml = fs.readFileSync(path.join(src, 'en', f), 'utf8');
  const a = parse(arHtml, { sourceCodeLocationInfo: true });
  const e = parse(enHtml, { sourceCodeLocationInfo: true });
  const { edits, pairs } = walk(a, e, f);
  const page = pageName(f);
  found.push({ f, page, arHtml, edits });
  for (const [ar, en] of pairs) {
    const k = `${ar}\u0000${en}`;
    if (!pairPages.has(k)) pairPages.set(k, new Set());
    pairPages.get(k).add(page);
  }
}

// pass 2: name the keys
const slug = (s) => s.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').slice(0, 5).join('_') || 'text';
const tables = { ar: {}, en: {} };
const keyOf = new Map();
const used = new Set();
for (const [k, ps] of pairPages) {
  const [ar, en] = k.split('\u0000');
  if (labelByPair.has(k)) { keyOf.set(k, labelByPair.get(k)); continue; }
  for (const lk of Object.keys(labels.ar)) {
    if (labels.ar[lk] === ar || labels.en[lk] === en) nearMisses.push(`${lk}: page «${ar}» / «${en}» vs labels «${labels.ar[lk]}» / «${labels.en[lk]}»`);
  }
  const group = ps.size > 1 ? 'common' : [...ps][0];
  const name = en === 'English' ? 'twin_language' : /^\d+$/.test(en) ? `digit_${en}` : slug(en);
  let base = `${group}.${name}`; let key = base; let n = 2;
  while (used.has(key)) key = `${base}_${n++}`;
  used.add(key);
  keyOf.set(k, key);
  tables.ar[key] = ar; tables.en[key] = en;
}

fs.mkdirSync(out, { recursive: true });
for (const { f, arHtml, edits } of found) {
  edits.sort((x, y) => y.start - x.start);
  let html = arHtml;
  for (const ed of edits) {
    let rep = ed.raw;
    if (!rep) {
      const key = keyOf.get(`${ed.pair[0]}\u0000${ed.pair[1]}`);
      rep = ed.text ? `${ed.lead}{{ t("${key}")${ed.raw_html ? ' | safe' : ''} }}${ed.trail}` : `${ed.attr}="{{ t("${key}") }}"`;
    }
    html = html.slice(0, ed.start) + rep + html.slice(ed.end);
  }
  const dest = path.join(out, 'pages', f.replace(/index\.html$/, 'index.njk'));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, html);
}
const nest = (flat) => {
  const o = {};
  for (const [k, v] of Object.entries(flat)) {
    const parts = k.split('.');
    let cur = o;
    for (const p of parts.slice(0, -1)) cur = cur[p] ??= {};
    cur[parts.at(-1)] = v;
  }
  return o;
};
fs.mkdirSync(path.join(out, 'strings'), { recursive: true });
for (const l of ['ar', 'en']) fs.writeFileSync(path.join(out, 'strings', `${l}.json`), `${JSON.stringify(nest(tables[l]), null, 2)}\n`);
console.log(`${found.length} pages, ${Object.keys(tables.ar).length} keys`);
console.log(nearMisses.join('\n'));
