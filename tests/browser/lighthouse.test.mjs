// Lighthouse 12 (npm, pinned) on every public page in both languages (landing, request, track,
// information, privacy, kiosk, kiosk exit feedback, survey), with Debian's Chromium through chrome-launcher — never a
// downloaded browser. Default Lighthouse settings: mobile emulation with simulated slow 4G and a 4×
// slower CPU. Each page runs once, one after the other (≈ 6 s each on 2 cores); a performance score
// under the bar is re-measured: the median of three runs counts.
// Bars (issue 7): accessibility 100, performance ≥ 95, best practices ≥ 95. The scores are printed
// as diagnostics, and written as JSON to $LIGHTHOUSE_JSON when set (docs/BENCHMARKS.md cites them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { url, registerKiosk } from './helpers.mjs';

// Each page added later joins this list. The English pages were missing until issue 23 (/en/ scored
// 87: a font swap shifted the whole page 0.23).
const PUBLIC_PAGES = ['/', '/request/', '/track/', '/info/', '/privacy/', '/kiosk/', '/kiosk/feedback/?kiosk={kiosk}', '/survey/'];
const PAGES = [...PUBLIC_PAGES, ...PUBLIC_PAGES.map((p) => `/en${p}`)];
const BARS = { accessibility: 100, performance: 95, 'best-practices': 95 };

let chrome;
let kiosk; // the exit-feedback page of a registered tablet: an unregistered one shows another screen
const results = {};
before(async () => {
  kiosk = await registerKiosk('Lighthouse tablet');
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
after(async () => {
  await chrome?.kill();
  if (process.env.LIGHTHOUSE_JSON) fs.writeFileSync(process.env.LIGHTHOUSE_JSON, `${JSON.stringify(results, null, 2)}\n`);
});

for (const path of PAGES) {
  test(`lighthouse ${path}: accessibility 100, performance ≥ 95, best practices ≥ 95`, async (t) => {
    const audit = async () => (await lighthouse(url(path.replace('{kiosk}', kiosk.id)), {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(BARS),
    })).lhr;
    const lhr = await audit();
    const scores = Object.fromEntries(Object.keys(BARS).map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
    // Performance is timed under a simulated 4× slower CPU on a shared 2-core machine and moves by a
    // few points between runs (total blocking time above all); below the bar, it is the median of
    // three runs, as Lighthouse advises for a performance figure. The other categories are not timed
    // and count from the first run.
    if (scores.performance < BARS.performance) {
      const again = [scores.performance];
      for (let i = 0; i < 2; i++) again.push(Math.round((await audit()).categories.performance.score * 100));
      scores.performance = again.sort((a, b) => a - b)[1];
      t.diagnostic(`${path} performance runs ${JSON.stringify(again)}, median ${scores.performance}`);
    }
    const transferKB = Math.round(lhr.audits['total-byte-weight'].numericValue / 1024);
    results[path] = { ...scores, transferKB, lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue), cls: lhr.audits['cumulative-layout-shift'].numericValue };
    t.diagnostic(`${path} ${JSON.stringify(results[path])}`);
    const failing = Object.entries(BARS).filter(([c, bar]) => scores[c] < bar).map(([c]) => {
      const audits = lhr.categories[c].auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
        .map((r) => `${r.id} (${lhr.audits[r.id].displayValue ?? lhr.audits[r.id].score})`);
      return `${c} ${scores[c]} < ${BARS[c]}: ${audits.join(', ')}`;
    });
    assert.deepEqual(failing, [], `${path}:\n${failing.join('\n')}`);
  });
}
