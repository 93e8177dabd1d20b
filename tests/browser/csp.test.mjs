// The pages run under the production headers: the local runner serves the template's CloudFront
// response headers policy (SiteEdge). These tests prove the policy is there on every page and that
// it bites: a page with an inline script — the kind of page that passes in the lab and breaks behind
// CloudFront — has that script refused here too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, url } from './helpers.mjs';

const REPO = new URL('../../', import.meta.url).pathname;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Every page of the built site, as the URL a person opens. */
function sitePages() {
  const root = path.join(REPO, 'build/site');
  const pages = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') pages.push(`/${path.relative(root, dir)}/`.replace(/\/+/g, '/'));
    }
  };
  walk(root);
  return pages.sort();
}

/** The directive names of the template's CSP, read from template.yaml's text. */
function templateDirectives() {
  const lines = fs.readFileSync(path.join(REPO, 'template.yaml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.includes('ContentSecurityPolicy: !Sub >-'));
  assert.notEqual(start, -1);
  const indent = lines[start].search(/\S/);
  return lines.slice(start + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.search(/\S/) > indent))
    .map((l) => l.trim().split(/\s+/)[0]);
}

test('every page, and a missing one, carries the same CSP as the template\'s CloudFront policy, and its other headers', async () => {
  const pages = sitePages();
  assert.ok(pages.length >= 30, `the built site has its pages (${pages.length})`);
  const expected = templateDirectives();
  assert.deepEqual(expected.slice(0, 1), ['default-src']);
  let first;
  for (const page of [...pages, '/no-such-page/']) {
    const res = await fetch(url(page));
    const csp = res.headers.get('content-security-policy');
    assert.ok(csp, `${page} has a CSP`);
    first ??= csp;
    assert.equal(csp, first, `${page}: one policy for the whole site`);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', page);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', page);
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', page);
    assert.match(res.headers.get('strict-transport-security') ?? '', /^max-age=\d+/, page);
  }
  assert.deepEqual(first.split(';').map((d) => d.trim().split(/\s+/)[0]), expected, 'the template\'s directives, in order');
  assert.doesNotMatch(first, /unsafe-inline|unsafe-eval/);
});

/** The kiosk page as served (its real headers), with an inline script added to its HTML. */
async function kioskWithInlineScript({ keepCsp }) {
  const page = await browser.context.newPage();
  const refused = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) refused.push(m.text()); });
  await page.route('**/kiosk/', async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    if (!keepCsp) delete headers['content-security-policy'];
    const html = (await res.text()).replace('</head>', '<script>window.inlineScriptRan = true;</script></head>');
    await route.fulfill({ response: res, headers, body: html });
  });
  await page.goto(url('/kiosk/'), { waitUntil: 'load' });
  const ran = await page.evaluate(() => window.inlineScriptRan === true);
  const pageScriptsRan = await page.evaluate(() => performance.getEntriesByType('resource')
    .some((e) => e.name.endsWith('/kiosk.js')));
  await page.close();
  return { ran, refused, pageScriptsRan };
}

test('a page with an inline script fails under the served policy (and the same page without the policy runs it)', async () => {
  const underPolicy = await kioskWithInlineScript({ keepCsp: true });
  assert.equal(underPolicy.ran, false, 'the inline script was refused');
  assert.ok(underPolicy.refused.some((m) => /inline script/i.test(m)), `Chromium names the refusal: ${underPolicy.refused}`);
  assert.ok(underPolicy.pageScriptsRan, 'the page\'s own script files (from self) still load');
  assert.ok(underPolicy.refused.every((m) => /inline/i.test(m)), `nothing but the inline script refused: ${underPolicy.refused}`);
  // The control: the difference is the header, not the test.
  const withoutPolicy = await kioskWithInlineScript({ keepCsp: false });
  assert.equal(withoutPolicy.ran, true, 'without the policy the same script runs');
});
