// Renames a string key in both tables and every template: node rename.mjs OLD NEW [OLD NEW …]
import fs from 'node:fs';
import path from 'node:path';
import { LANGS, SITE, flatten, nest } from './lib.mjs';

const pairs = process.argv.slice(2);
const tables = Object.fromEntries(LANGS.map((l) => [l, flatten(JSON.parse(fs.readFileSync(path.join(SITE, `strings/${l}.json`), 'utf8')))]));
const templates = fs.readdirSync(path.join(SITE, 'pages'), { recursive: true }).filter((f) => f.endsWith('.njk')).map((f) => path.join(SITE, 'pages', f));
for (let i = 0; i < pairs.length; i += 2) {
  const [from, to] = [pairs[i], pairs[i + 1]];
  for (const l of LANGS) {
    if (!(from in tables[l])) throw new Error(`no key ${from} in ${l}`);
    // keep the key's place in the file
    tables[l] = Object.fromEntries(Object.entries(tables[l]).map(([k, v]) => [k === from ? to : k, v]));
  }
  for (const f of templates) {
    const s = fs.readFileSync(f, 'utf8');
    fs.writeFileSync(f, s.replaceAll(`t("${from}")`, `t("${to}")`));
  }
}
for (const l of LANGS) fs.writeFileSync(path.join(SITE, `strings/${l}.json`), `${JSON.stringify(nest(tables[l]), null, 2)}\n`);
