// Every page, in Arabic and English, has no axe-core violations for WCAG 2.0/2.1/2.2 A and AA.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, assertFocusVisible, trackPageErrors } from './helpers.mjs';

const PAGES = ['/', '/request/', '/track/', '/info/', '/privacy/', '/kiosk/'];
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
      // Visitors who ask their system for more contrast get the darker palette: checked too.
      await page.emulateMedia({ contrast: 'more' });
      await assertAccessible(assert, page, `${path} (prefers-contrast: more)`);
      await page.emulateMedia({ contrast: null });
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

// Keyboard: every focusable element of each page is reached by Tab, in order, and shows a focus ring.
for (const path of ['/', '/request/', '/track/', '/info/', '/privacy/', '/en/', '/en/info/']) {
  test(`${path}: Tab reaches every control and focus is always visible`, async () => {
    const page = await browser.context.newPage();
    await page.goto(url(path), { waitUntil: 'networkidle' });
    const expected = await page.evaluate(() => [...document.querySelectorAll('a[href], button, input, textarea, select, summary')]
      .filter((el) => el.checkVisibility() && !el.disabled && el.tabIndex >= 0 && !(el.type === 'radio' && !el.checked && document.querySelector(`input[name="${el.name}"]:checked`)))
      .length);
    let stops = 0;
    for (let i = 0; i < expected + 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement === document.body)) break; // past the last control
      await assertFocusVisible(assert, page, `${path} Tab ${i + 1}`);
      stops++;
    }
    // radio groups are one Tab stop: count distinct groups instead of radios
    const radiosExtra = await page.evaluate(() => { const names = new Set([...document.querySelectorAll('input[type=radio]')].filter((e) => e.checkVisibility()).map((e) => e.name)); return [...document.querySelectorAll('input[type=radio]')].filter((e) => e.checkVisibility()).length - names.size; });
    assert.equal(stops, expected - radiosExtra, `${path}: Tab stops = visible controls (a radio group is one stop)`);
    await page.close();
  });
}

test('information page: every entry of config/info.json is shown, in both languages', async () => {
  const page = await browser.context.newPage();
  const content = await (await fetch(url('/config/info.json'))).json();
  for (const key of ['offered', 'notOffered', 'eligibility', 'misconceptions', 'faq']) {
    assert.ok(Array.isArray(content[key]) && content[key].length > 0, `${key} is a non-empty list`);
    for (const item of content[key]) {
      for (const text of key === 'misconceptions' ? [item.myth, item.fact] : key === 'faq' ? [item.q, item.a] : [item]) {
        assert.ok(text?.ar?.trim() && text?.en?.trim(), `${key}: every text has ar and en (${JSON.stringify(item).slice(0, 60)})`);
      }
    }
  }
  for (const lang of ['ar', 'en']) {
    await page.goto(url(lang === 'en' ? '/en/info/' : '/info/'), { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.querySelector('[data-module="info"]').getAttribute('aria-busy') === 'false');
    assert.equal(await page.locator("[data-info-fallback]").count(), 0, "fallback removed once the content is in");
    assert.equal(await page.locator('[data-info="offered"] li').count(), content.offered.length);
    assert.equal(await page.locator('[data-info="notOffered"] li').count(), content.notOffered.length);
    assert.equal(await page.locator('[data-info="misconceptions"] h3').count(), content.misconceptions.length);
    assert.equal(await page.locator('[data-info="faq"] details').count(), content.faq.length);
    assert.match(await page.locator('[data-info="misconceptions"] h3').first().textContent(), new RegExp(content.misconceptions[0].myth[lang].slice(0, 10)));
    await page.locator('[data-info="faq"] summary').first().click();
    assert.ok(await page.locator('[data-info="faq"] details').first().evaluate((d) => d.open));
    await assertAccessible(assert, page, `/info/ (${lang}) with a question open`);
  }
  await page.close();
});
