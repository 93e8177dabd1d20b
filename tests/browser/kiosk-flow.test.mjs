// Lobby kiosk against the real API: a keyboard-only walk to a real reference (focus always visible),
// start over, a lost network that keeps the answers and retries with the same Idempotency-Key,
// nothing personal left behind, and the page weight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, assertFocusVisible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch({ touch: true }); });
after(async () => { await browser?.close(); });

const current = (page) => page.locator('[data-step]:not([hidden])').getAttribute('data-step');
const focusedHeading = (page) => page.evaluate(() => document.activeElement.closest('h2')?.textContent.trim() ?? '');

/** Tabs until the focused element matches `selector` (at most 40 presses), checking focus on each stop. */
async function tabTo(page, selector, state) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    await assertFocusVisible(assert, page, state);
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
  }
  assert.fail(`could not reach ${selector} with Tab on ${state}`);
}

test('kiosk: keyboard only, from the welcome screen to a real reference; nothing left behind', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(url('/en/kiosk/'), { waitUntil: 'networkidle' });
  const historyAtStart = await page.evaluate(() => history.length);
  await tabTo(page, '[data-action="start"]', 'welcome');
  await page.keyboard.press('Enter');
  assert.match(await focusedHeading(page), /Step 1 of 8/);

  await tabTo(page, 'input[name="category"]', 'category');
  await page.keyboard.press('ArrowDown'); // radio group: arrows move and select
  assert.equal(await page.evaluate(() => document.querySelector('input[name="category"]:checked')?.value), 'service');
  await page.keyboard.press('Enter'); // Enter in a field = Next
  assert.match(await focusedHeading(page), /Step 2 of 8/);

  await tabTo(page, 'input[name="onBehalf"]', 'whom');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  assert.equal(await current(page), 'name');

  await tabTo(page, '#name', 'name');
  await page.keyboard.type('Ahmed Ali');
  await page.keyboard.press('Enter');

  assert.equal(await current(page), 'mobile');
  for (const digit of '0551234567') { // the on-screen keypad, driven by keyboard
    await tabTo(page, `[data-keypad="mobile"] [data-key="${digit}"]`, 'mobile keypad');
    await page.keyboard.press('Enter');
    await page.locator('[data-step="mobile"] h2').focus(); // restart the Tab order from the heading
  }
  assert.equal(await page.locator('#mobile').inputValue(), '0551234567');
  assert.equal(await page.locator('[data-keypad-echo="mobile"]').textContent(), '0 5 5 1 2 3 4 5 6 7', 'typed digits echoed to screen readers');
  await tabTo(page, '[data-step="mobile"] [data-action="next"]', 'mobile');
  await page.keyboard.press('Enter');

  assert.equal(await current(page), 'city', 'no ID screen for a service request');
  await tabTo(page, '#city', 'city');
  await page.keyboard.type('Jeddah');
  await page.keyboard.press('Enter');
  await tabTo(page, '#description', 'details');
  await page.keyboard.type('I need a hearing aid.');
  await tabTo(page, '[data-step="details"] [data-action="next"]', 'details');
  await page.keyboard.press('Enter');

  await tabTo(page, 'input[name="preferredContact"]', 'contact');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');

  assert.equal(await current(page), 'review');
  assert.match(await page.locator('[data-review-field="mobile"]').textContent(), /0551234567/);
  await tabTo(page, '[data-step="review"] [data-action="send"]', 'review');
  await page.keyboard.press('Enter'); // no consent yet → summary focused, linked to the field
  assert.ok(await page.locator('[data-error-summary]').evaluate((el) => el === document.activeElement));
  assert.equal(await page.locator('#consent').getAttribute('aria-invalid'), 'true');
  await assertAccessible(assert, page, 'kiosk review with error');
  await tabTo(page, '[data-error-summary] a', 'error summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'consent', 'error link moves focus to the field');
  await page.keyboard.press('Space');
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/requests'));
  await tabTo(page, '[data-step="review"] [data-action="send"]', 'review');
  await page.keyboard.press('Enter');
  const body = (await posted).postDataJSON();
  assert.equal(body.channel, 'kiosk');
  assert.equal(body.onBehalf, undefined);

  await page.locator('[data-step="done"] [data-reference]').waitFor();
  assert.match(await focusedHeading(page), /We have received your request/);
  const ref = await page.locator('[data-reference]').getAttribute('data-reference');
  assert.match(ref, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.equal(await page.locator('[data-slot="track-url"]').textContent(), url(`/en/track/?ref=${ref}`));
  await assertAccessible(assert, page, 'kiosk confirmation');

  const left = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, search: location.search, hash: location.hash, history: history.length }));
  assert.deepEqual(left, { local: 0, session: 0, cookie: '', search: '', hash: '', history: historyAtStart }, 'no storage, cookies, address or history entries');
  const values = await page.evaluate(() => [...document.querySelector('form').elements]
    .filter((el) => el.name && (el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value)).map((el) => el.name));
  assert.deepEqual(values, [], 'answers cleared as soon as the reference is shown');

  await tabTo(page, '[data-action="again"]', 'confirmation');
  await page.keyboard.press('Enter');
  assert.equal(await current(page), 'home');
  assert.equal(await page.locator('[data-reference]').count(), 0, 'reference gone');
  assert.deepEqual(errors, []);
  await page.close();
});

test('kiosk: start over mid-flow asks first, then clears every field', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/kiosk/'), { waitUntil: 'networkidle' });
  await page.locator('[data-action="start"]').tap();
  await page.getByText('استفسار', { exact: true }).tap();
  await page.locator('[data-step="category"] [data-action="next"]').tap();
  await page.getByText('لي أنا', { exact: true }).tap();
  await page.locator('[data-step="whom"] [data-action="next"]').tap();
  await page.locator('#name').fill('أحمد');
  await page.locator('[data-step="name"] [data-action="restart"]').tap();
  await page.locator('dialog[open]').waitFor();
  await assertAccessible(assert, page, 'kiosk restart dialog');
  await page.getByRole('button', { name: 'لا، أكمل' }).tap();
  assert.equal(await page.locator('#name').inputValue(), 'أحمد', '"No" keeps answers');
  await page.locator('[data-step="name"] [data-action="back"]').tap();
  assert.equal(await current(page), 'whom', 'back goes one screen back');
  await page.locator('[data-step="whom"] [data-action="restart"]').tap();
  await page.getByRole('button', { name: 'نعم، امسح وابدأ' }).tap();
  assert.equal(await current(page), 'home');
  assert.equal(await page.locator('#name').inputValue(), '');
  assert.equal(await page.locator('input[name="category"]:checked').count(), 0);
  await page.close();
});

test('kiosk: a lost network keeps every answer, says so calmly and sends once with the same key', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const keys = [];
  let fail = true;
  await page.route('**/requests', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (fail) { fail = false; await route.abort('internetdisconnected'); return; }
    await route.continue();
  });
  await page.goto(url('/kiosk/'), { waitUntil: 'networkidle' });
  await page.locator('[data-action="start"]').tap();
  await page.getByText('اقتراح', { exact: true }).tap();
  await page.locator('[data-step="category"] [data-action="next"]').tap();
  await page.getByText('مع ذكر اسمي', { exact: true }).tap();
  await page.locator('[data-step="anonymous"] [data-action="next"]').tap();
  await page.getByText('لي أنا', { exact: true }).tap();
  await page.locator('[data-step="whom"] [data-action="next"]').tap();
  await page.locator('#name').fill('منى سالم');
  await page.locator('[data-step="name"] [data-action="next"]').tap();
  for (const k of '0561234567') await page.locator(`[data-keypad="mobile"] [data-key="${k}"]`).tap();
  await page.locator('[data-step="mobile"] [data-action="next"]').tap();
  await page.locator('#city').fill('الطائف');
  await page.locator('[data-step="city"] [data-action="next"]').tap();
  await page.locator('#description').fill('اقتراح: مواعيد مسائية.');
  await page.locator('[data-step="details"] [data-action="next"]').tap();
  await page.getByText('رسالة نصية', { exact: true }).tap();
  await page.locator('[data-step="contact"] [data-action="next"]').tap();
  await page.locator('#consent').check();
  await page.locator('[data-action="send"]').tap();

  const $status = page.locator('[data-form-status]');
  await $status.waitFor();
  assert.match(await $status.textContent(), /لم يُفقد شيء/);
  assert.ok(await $status.evaluate((el) => el === document.activeElement), 'the message takes focus (announced)');
  assert.equal(await page.locator('[data-error-summary]').isHidden(), true, 'not shown as an error');
  await assertAccessible(assert, page, 'kiosk offline message');
  assert.equal(await current(page), 'review', 'the visitor stays where they were');
  assert.equal(await page.locator('#mobile').inputValue(), '٠٥٦١٢٣٤٥٦٧', 'answers kept (Arabic-Indic digits from the keypad)');
  assert.equal(await page.locator('#consent').isChecked(), true);

  await page.evaluate(() => window.dispatchEvent(new Event('online'))); // the network is back
  await page.locator('[data-step="done"] [data-reference]').waitFor();
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'the retry reuses the Idempotency-Key');
  assert.deepEqual(errors, []);
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
