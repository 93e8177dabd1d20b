// Every page, in Arabic and English, has no axe-core violations for WCAG 2.0/2.1/2.2 A and AA.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

const PAGES = ['/', '/request/', '/track/', '/privacy/', '/kiosk/'];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const lang of ['ar', 'en']) {
  for (const p of PAGES) {
    const path = lang === 'en' ? `/en${p}` : p;
    test(`${path} passes axe (${lang})`, async () => {
      const page = await browser.context.newPage();
      const errors = trackPageErrors(page);
      const res = await page.goto(url(path), { waitUntil: 'networkidle' });
      assert.equal(res.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
      assert.equal(await page.locator('main').count(), 1, 'one main landmark');
      assert.ok(await page.locator('a.mf-skip-link[href="#main"]').count(), 'skip link');
      const twin = page.locator(`a[hreflang="${lang === 'ar' ? 'en' : 'ar'}"]`);
      assert.equal(await twin.count(), 1, 'visible link to the other language');
      await assertAccessible(assert, page, path);
      assert.deepEqual(errors, [], 'no script errors');
      await page.close();
    });
  }
}

test('skip link is the first tab stop and moves focus to main', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/request/'), { waitUntil: 'networkidle' });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'mf-skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.close();
});

test('config file fills data-config elements (the deployable identity)', async () => {
  const page = await browser.context.newPage();
  await page.route('**/config/association.json', async (route) => {
    const res = await route.fetch();
    const json = await res.json();
    json.name.ar = 'جمعية الاختبار';
    await route.fulfill({ response: res, json });
  });
  await page.goto(url('/'), { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.querySelector('[data-config="name"]').textContent === 'جمعية الاختبار');
  await page.close();
});
