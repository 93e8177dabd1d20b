// House rule: the site's CSS uses logical properties only, so Arabic (rtl) and English (ltr) share
// one stylesheet. A physical property would silently break one of the two directions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../site');
const PHYSICAL = /(?:^|[\s;{])(?:(?:margin|padding|border)-(?:left|right|top|bottom)(?:-[a-z]+)?|left|right|top|bottom|(?:min-|max-)?(?:width|height)|float|clear|text-align\s*:\s*(?:left|right))\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)/;

function cssFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? cssFiles(p) : p.endsWith('.css') ? [p] : [];
  });
}

test('site CSS uses logical properties only', () => {
  const offences = [];
  for (const file of cssFiles(SITE)) {
    const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    css.split('\n').forEach((line, i) => {
      // unicode-range etc. are fine; only declarations are checked
      if (PHYSICAL.test(line)) offences.push(`${path.relative(SITE, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offences, [], `physical properties found:\n${offences.join('\n')}`);
});

test('the check itself catches physical properties', () => {
  for (const bad of ['a { margin-left: 1px }', '  padding-right: 0;', 'b{left:0}', 'text-align: right;', 'width: 10px;']) {
    assert.ok(PHYSICAL.test(bad), bad);
  }
  for (const ok of ['margin-inline-start: 1px;', 'inset-inline-end: 0;', 'text-align: start;', 'inline-size: 1px;']) {
    assert.ok(!PHYSICAL.test(ok), ok);
  }
});
