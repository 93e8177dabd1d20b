// Compares every built page with the hand-kept page it replaced, as a git revision holds it
// (default main), normalised for whitespace only: same elements, attributes and text, in order.
//   node site/build/compare.mjs [REV] [BUILT_DIR]     → exit 1 and the first difference per page
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { REPO } from './lib.mjs';

/** One line per node: depth, element and sorted attributes, or collapsed text (blank text dropped). */
export function outline(html) {
  const lines = [];
  const visit = (node, depth) => {
    if (node.nodeName === '#text') {
      const text = node.value.replace(/\s+/g, ' ').trim();
      if (text) lines.push(`${'  '.repeat(depth)}"${text}"`);
      return;
    }
    if (node.nodeName === '#comment') return;
    if (node.tagName) {
      const attrs = [...node.attrs].sort((a, b) => a.name.localeCompare(b.name)).map((a) => ` ${a.name}="${a.value.replace(/\s+/g, ' ').trim()}"`);
      lines.push(`${'  '.repeat(depth)}<${node.tagName}${attrs.join('')}>`);
    }
    for (const child of (node.content ?? node).childNodes ?? []) visit(child, depth + 1);
  };
  visit(parse(html), 0);
  return lines;
}

/** Element structure only (tags and attribute names, no text or values): what two languages share. */
export function structure(html) {
  return outline(html).filter((l) => !l.trim().startsWith('"')).map((l) => l.replace(/="[^"]*"/g, ''));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rev = process.argv[2] ?? 'main';
  const built = path.resolve(process.argv[3] ?? path.join(REPO, 'build/site'));
  const pages = execFileSync('git', ['-C', REPO, 'ls-tree', '-r', '--name-only', rev, 'site/'], { encoding: 'utf8' })
    .split('\n').filter((f) => f.endsWith('index.html'));
  let differing = 0;
  for (const file of pages) {
    const original = execFileSync('git', ['-C', REPO, 'show', `${rev}:${file}`], { encoding: 'utf8' });
    const mine = path.join(built, file.replace(/^site\//, ''));
    if (!fs.existsSync(mine)) { console.log(`MISSING ${file}`); differing++; continue; }
    const a = outline(original); const b = outline(fs.readFileSync(mine, 'utf8'));
    const i = a.findIndex((line, k) => line !== b[k]);
    if (i === -1 && a.length === b.length) { console.log(`same    ${file} (${a.length} nodes)`); continue; }
    differing++;
    const at = i === -1 ? Math.min(a.length, b.length) : i;
    console.log(`DIFFER  ${file} at node ${at}:\n  was: ${a[at] ?? '(end)'}\n  now: ${b[at] ?? '(end)'}`);
  }
  console.log(`${pages.length - differing} of ${pages.length} pages identical`);
  process.exitCode = differing ? 1 : 0;
}
