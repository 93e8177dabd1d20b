// Every staff console page, Arabic and English, signed in as a manager: lang/dir, one h1, one main,
// skip link, the other-language twin, the reference documents, no script errors, no axe violations
// (WCAG 2.0/2.1/2.2 A and AA) once the page's data has loaded; keyboard focus is visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, assertFocusVisible, trackPageErrors } from './helpers.mjs';

let browser;
let page;
let reference;
before(async () => {
  browser = await launch();
  page = await browser.context.newPage(); // one tab: the session lives in this tab's sessionStorage
  await page.goto(url('/en/staff/'), { waitUntil: 'networkidle' });
  await page.getByLabel('Manager').check();
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
  await page.waitForURL(/\/en\/staff\/queue\/$/);
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('mf-staff-session')).token);
  const res = await page.request.post(url('/staff/requests'), { headers: { Authorization: `Bearer ${token}` },
    data: { category: 'new_beneficiary', channel: 'volunteer', name: 'Ahmed Khan', mobile: '0581234567', email: 'ahmed@example.org',
      city: 'Jeddah', description: 'Wants to register his daughter.', preferredContact: 'email', language: 'en', consent: true,
      onBehalf: { beneficiaryName: 'Sara Khan', relationship: 'father' } } });
  assert.equal(res.status(), 201);
  reference = (await res.json()).reference;
});
after(async () => { await browser?.close(); });

const READY = {
  '': '[data-staff-signin]',
  'queue/': '[data-results] tbody tr',
  'request/': '[data-detail]:not([hidden]) [data-slot="timeline"] li',
  'new/': '[data-staff-new]',
  'reports/': '[data-reports]:not([hidden])',
  'privacy/': '[data-privacy]:not([hidden])',
  'replies/': '[data-replies-body]:not([hidden])',
  'tablets/': '[data-kiosks-body]:not([hidden])',
};

for (const lang of ['ar', 'en']) {
  for (const [p, ready] of Object.entries(READY)) {
    const path = `${lang === 'en' ? '/en' : ''}/staff/${p}`;
    test(`${path} passes axe and has the page structure (${lang})`, async () => {
      const errors = trackPageErrors(page);
      const res = await page.goto(url(p === 'request/' ? `${path}?ref=${reference}` : path), { waitUntil: 'networkidle' });
      assert.equal(res.status(), 200);
      await page.locator(ready).first().waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
      assert.equal(await page.locator('main').count(), 1, 'one main landmark');
      assert.ok(await page.locator('a.mf-skip-link[href="#main"]').count(), 'skip link');
      assert.equal(await page.locator(`a[hreflang="${lang === 'ar' ? 'en' : 'ar'}"]`).count(), 1, 'link to the other language');
      assert.equal(await page.locator('meta[name="robots"][content*="noindex"]').count(), 1, 'console kept out of search engines');
      const docs = await page.locator('[data-staff-docs] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(docs.some((h) => /bylaws/.test(h)) && docs.some((h) => /support-policy/.test(h)), `documents linked: ${docs}`);
      assert.ok(docs.some((h) => /\/staff\/new\/\?category=new_beneficiary$/.test(h)), 'new-beneficiary form linked');
      await assertAccessible(assert, page, path);
      // Keyboard: the first Tab reaches the skip link, which is visibly focused.
      await page.locator('body').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'mf-skip-link');
      await assertFocusVisible(assert, page, `${path} skip link`);
      assert.deepEqual(errors, [], 'no script errors');
    });
  }
}

test('English: detail facts, the on-behalf pair, and the new-request form errors pass axe', async () => {
  await page.goto(url(`/en/staff/request/?ref=${reference}`), { waitUntil: 'networkidle' });
  await page.locator('[data-detail]:not([hidden])').waitFor();
  assert.equal(await page.locator('[data-slot="channel"]').textContent(), 'Volunteer service');
  assert.equal(await page.locator('[data-slot="onBehalf"]').textContent(), 'Sara Khan — father');
  assert.equal(await page.locator('[data-slot="email"] bdi').getAttribute('dir'), 'ltr');
  assert.equal(await page.locator('.mf-header__lang').getAttribute('href'), `/staff/request/?ref=${reference}`, 'twin keeps the reference');
  await page.getByRole('button', { name: 'Save status' }).click();
  await page.locator('[data-status-summary]').waitFor();
  assert.equal(await page.locator('#status').getAttribute('aria-invalid'), 'true');
  await assertAccessible(assert, page, 'en detail, no status chosen');

  await page.goto(url('/en/staff/new/'), { waitUntil: 'networkidle' });
  await page.getByLabel('Mobile number').fill('12345');
  await page.getByRole('button', { name: 'Register the request' }).click();
  await page.locator('[data-error-summary]').waitFor();
  assert.equal(await page.getByLabel('Mobile number').getAttribute('aria-invalid'), 'true');
  await assertAccessible(assert, page, 'en new request with errors');
});
