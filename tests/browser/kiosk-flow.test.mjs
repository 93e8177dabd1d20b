// Lobby kiosk at 1280×800 with touch: every step by taps and keyboard, axe on each, reference,
// start over, no personal data left in storage or the address, small page weight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch({ touch: true }); });
after(async () => { await browser?.close(); });

const focusedHeading = (page) => page.evaluate(() => document.activeElement.closest('h2')?.textContent.trim() ?? '');
const next = (page) => page.locator('[data-step]:not([hidden]) [data-action="next"]');

async function assertTargets(page, state) {
  const small = await page.evaluate(() => [...document.querySelectorAll('[data-step]:not([hidden]) :is(button, input, textarea, a, summary, label.mf-kiosk__tile)')]
    .filter((el) => el.offsetParent !== null && !el.closest('label') && el.type !== 'radio' && el.type !== 'checkbox')
    .map((el) => ({ el: el.id || el.textContent.trim(), h: el.getBoundingClientRect().height }))
    .filter((r) => r.h < 48));
  assert.deepEqual(small, [], `touch targets under 48px on ${state}`);
  // checkboxes/radios: their clickable label row must be ≥ 48px tall
  const rows = await page.evaluate(() => [...document.querySelectorAll('[data-step]:not([hidden]) label:has(input)')]
    .filter((el) => el.offsetParent !== null).map((el) => el.getBoundingClientRect().height).filter((h) => h < 48));
  assert.deepEqual(rows, [], `choice rows under 48px on ${state}`);
}

test('kiosk: walk every step, submit, big reference, start again clears everything', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(url('/kiosk/'), { waitUntil: 'networkidle' });
  await assertAccessible(assert, page, 'kiosk step 1');
  await assertTargets(page, 'step 1');
  assert.equal(await page.locator('form[data-module="kiosk"]').getAttribute('autocomplete'), 'off');

  // Step 1: Next without a choice → error summary focused, axe clean in that state
  await next(page).tap();
  assert.ok(await page.locator('[data-error-summary]').evaluate((el) => el === document.activeElement));
  await assertAccessible(assert, page, 'kiosk step 1 with error');
  await page.getByText('طلب خدمة', { exact: true }).tap();
  await next(page).tap();

  // Step 2 — by keyboard
  assert.match(await focusedHeading(page), /الخطوة ٢ من ٤/);
  await assertAccessible(assert, page, 'kiosk step 2');
  await assertTargets(page, 'step 2');
  for (const id of ['name', 'mobile']) assert.equal(await page.locator(`#${id}`).getAttribute('autocomplete'), 'off');
  await page.keyboard.press('Tab'); // name
  await page.keyboard.type('محمد علي');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0551234567');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // on behalf of someone
  await page.locator('#beneficiaryName').waitFor();
  await assertAccessible(assert, page, 'kiosk step 2 on behalf');
  await page.keyboard.press('Tab');
  await page.keyboard.type('عبدالله محمد');
  await page.keyboard.press('Tab');
  await page.keyboard.type('أب');
  await page.keyboard.press('Enter'); // Enter = Next

  // Step 3
  assert.match(await focusedHeading(page), /الخطوة ٣ من ٤/);
  await assertAccessible(assert, page, 'kiosk step 3');
  await assertTargets(page, 'step 3');
  await page.locator('#city').tap();
  await page.locator('#city').fill('جدة');
  await page.locator('#description').fill('أحتاج سماعة أذن لابني.');
  await page.getByText('البريد الإلكتروني', { exact: true }).tap();
  await page.locator('#email').waitFor();
  await next(page).tap();
  assert.match(await page.locator('#email-error').textContent(), /بريد/); // email chosen → required
  await assertAccessible(assert, page, 'kiosk step 3 with error');
  await page.locator('#email').fill('parent@example.org');
  await next(page).tap();

  // Step 4: review + consent; back then forward keeps answers
  assert.match(await focusedHeading(page), /الخطوة ٤ من ٤/);
  assert.match(await page.locator('[data-review-field="mobile"]').textContent(), /0551234567/);
  await page.locator('[data-step="4"] [data-action="back"]').tap();
  assert.match(await focusedHeading(page), /الخطوة ٣ من ٤/);
  assert.equal(await page.locator('#city').inputValue(), 'جدة');
  await next(page).tap();
  await page.locator('details.mf-kiosk__privacy summary').tap();
  await assertAccessible(assert, page, 'kiosk step 4');
  await assertTargets(page, 'step 4');
  await page.getByText('أوافق على استخدام بياناتي لمعالجة طلبي').tap();
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/requests'));
  await page.locator('[data-action="send"]').tap();
  const body = (await posted).postDataJSON();
  assert.equal(body.channel, 'kiosk');
  assert.deepEqual(body.onBehalf, { beneficiaryName: 'عبدالله محمد', relationship: 'أب' });

  // Confirmation
  const $ref = page.locator('[data-step="5"] [data-reference]');
  await $ref.waitFor();
  assert.match(await focusedHeading(page), /تم استلام طلبك/);
  assert.match(await $ref.textContent(), /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.equal(await $ref.getAttribute('dir'), 'ltr');
  const fontPx = await $ref.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontPx >= 64, `reference is very large (${fontPx}px)`);
  await assertAccessible(assert, page, 'kiosk confirmation');
  await page.screenshot({ path: process.env.SCREENSHOT_DIR ? `${process.env.SCREENSHOT_DIR}/kiosk-confirmation.png` : '/tmp/kiosk-confirmation.png' });

  // Nothing personal left behind in the browser
  const left = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, search: location.search, hash: location.hash }));
  assert.deepEqual(left, { local: 0, session: 0, cookie: '', search: '', hash: '' });

  await page.getByRole('button', { name: 'ابدأ طلبًا جديدًا' }).tap();
  assert.match(await focusedHeading(page), /الخطوة ١ من ٤/);
  const values = await page.evaluate(() => [...document.querySelector('form').elements]
    .filter((el) => el.name)
    .map((el) => (el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value))
    .filter((v) => v !== false && v !== ''));
  assert.deepEqual(values, [], 'every field cleared');
  assert.equal(await page.locator('[data-reference]').count(), 0, 'reference gone');
  assert.deepEqual(errors, []);
  await page.close();
});

test('kiosk: start over mid-flow asks first, then clears every field', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/en/kiosk/'), { waitUntil: 'networkidle' });
  await page.getByText('Inquiry', { exact: true }).tap();
  await next(page).tap();
  await page.locator('#name').fill('Ahmed');
  await page.locator('[data-step="2"] [data-action="restart"]').tap();
  const $dialog = page.locator('dialog[open]');
  await $dialog.waitFor();
  await assertAccessible(assert, page, 'kiosk restart dialog');
  await page.getByRole('button', { name: 'No, continue' }).tap();
  assert.equal(await page.locator('#name').inputValue(), 'Ahmed', '"No" keeps answers');
  await page.locator('[data-step="2"] [data-action="restart"]').tap();
  await page.getByRole('button', { name: 'Yes, clear and start over' }).tap();
  assert.match(await focusedHeading(page), /Step 1 of 4/);
  assert.equal(await page.locator('#name').inputValue(), '');
  assert.equal(await page.locator('input[name="category"]:checked').count(), 0);
  await page.close();
});

test('kiosk: total transfer stays under 100 KB including fonts', async (t) => {
  for (const path of ['/kiosk/', '/en/kiosk/']) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    const urls = new Map();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; if (process.env.VERBOSE) t.diagnostic(`${e.encodedDataLength}\t${urls.get(e.requestId)}`); });
    await page.goto(url(path), { waitUntil: 'networkidle' });
    assert.ok(bytes < 100 * 1024, `${path} transferred ${Math.round(bytes / 1024)} KB`);
    t.diagnostic(`${path}: ${Math.round(bytes / 1024)} KB transferred`);
    await page.close();
  }
});
