// The public request form: submit in Arabic, read the reference, track it; empty-form errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fillValid(page) {
  await page.getByLabel('طلب خدمة').check();
  await page.getByLabel('الاسم الكامل').fill('سارة أحمد');
  await page.getByLabel('رقم الجوال').pressSequentially('٠٥٠١٢٣٤٥٦٧'); // Arabic-Indic digits, typed
  await page.getByLabel('المدينة أو المحافظة').fill('مكة المكرمة');
  await page.getByLabel('تفاصيل الطلب').fill('أحتاج كرسيًا متحركًا لابني.');
  await page.getByLabel('رسالة نصية على الجوال').check();
  await page.getByLabel(/أوافق على استخدام بياناتي/).check();
}

test('submit a request in Arabic, then track it with the reference and last 4 digits', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const sent = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/requests')) sent.push(r); });
  await page.goto(url('/request/'), { waitUntil: 'networkidle' });
  await fillValid(page);
  await page.getByRole('button', { name: 'إرسال الطلب' }).click();

  const $heading = page.getByRole('heading', { name: 'تم استلام طلبك' });
  await $heading.waitFor();
  assert.ok(await $heading.evaluate((el) => el === document.activeElement), 'focus moves to the confirmation heading');
  const reference = await page.locator('[data-reference]').getAttribute('data-reference');
  assert.match(reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.equal(await page.locator('[data-reference]').getAttribute('dir'), 'ltr');

  assert.equal(sent.length, 1);
  const body = sent[0].postDataJSON();
  assert.equal(body.channel, 'web');
  assert.equal(body.language, 'ar');
  assert.equal(body.consent, true);
  assert.match(sent[0].headers()['idempotency-key'], /^[0-9a-f-]{36}$/);
  assert.equal(sent[0].headers()['content-type'], 'application/json');
  await assertAccessible(assert, page, 'request confirmation');

  await page.getByRole('link', { name: 'تابع هذا الطلب' }).click();
  await page.waitForURL(/\/track\/\?ref=/);
  // The tracking module is imported on demand and may run after the load event: wait for its prefill.
  await page.waitForFunction(() => document.querySelector('input[name="reference"]')?.value !== '', null, { timeout: 10000 })
    .catch(() => {});
  assert.equal(await page.getByLabel('الرقم المرجعي').inputValue(), reference, 'reference prefilled from ?ref=');
  await page.getByLabel('آخر ٤ أرقام من رقم الجوال').fill('4567');
  await page.getByRole('button', { name: 'عرض حالة الطلب' }).click();
  const $status = page.locator('[data-slot="status"]');
  await $status.waitFor();
  assert.equal(await $status.getAttribute('data-status'), 'received');
  assert.ok((await $status.textContent()).trim().length > 0, 'Arabic status label shown');
  assert.notEqual((await $status.textContent()).trim(), 'received', 'label, not the code');
  assert.ok(await page.locator('[data-slot="timeline"] li').count() >= 1);
  await assertAccessible(assert, page, 'tracking result');
  assert.deepEqual(errors, []);
  await page.close();
});

test('empty submission: error summary takes focus, links to fields, and passes axe', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/request/'), { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'إرسال الطلب' }).click();
  const $summary = page.locator('[data-error-summary]');
  await $summary.waitFor();
  assert.ok(await $summary.evaluate((el) => el === document.activeElement), 'summary focused');
  assert.ok(await page.locator('.mf-error-summary__list a').count() >= 6);
  assert.equal(await page.getByLabel('الاسم الكامل').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#name-error').textContent(), /اكتب الاسم/);
  await assertAccessible(assert, page, 'request form with errors');
  await page.locator('.mf-error-summary__list a[href="#mobile"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'mobile');
  await page.close();
});

test('server field errors land on their field, in the page language', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/request/'), { waitUntil: 'networkidle' });
  await fillValid(page);
  await page.getByLabel('رقم الجوال').fill('0512345678');
  await page.route('**/requests', (route) => route.fulfill({ status: 400, json: { errors: [{ field: 'mobile', code: 'invalid_mobile', message: { ar: 'رقم غير مقبول من الخادم', en: 'Rejected by server' } }] } }));
  await page.getByRole('button', { name: 'إرسال الطلب' }).click();
  await page.locator('#mobile-error', { hasText: 'رقم غير مقبول من الخادم' }).waitFor();
  assert.equal(await page.getByLabel('رقم الجوال').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('الاسم الكامل').inputValue(), 'سارة أحمد', 'input kept');
  await page.close();
});

test('a lost response is retried with the same Idempotency-Key and creates one request', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/request/'), { waitUntil: 'networkidle' });
  await fillValid(page);
  const keys = [];
  const references = [];
  let first = true;
  await page.route('**/requests', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    const res = await route.fetch(); // reaches the server, which creates the request…
    references.push((await res.json()).reference);
    if (first) { first = false; await route.abort('connectionreset'); return; } // …but the answer is lost
    await route.fulfill({ response: res });
  });
  await page.getByRole('button', { name: 'إرسال الطلب' }).click();
  const $status = page.locator('[data-form-status]');
  await $status.waitFor();
  assert.ok(await $status.evaluate((el) => el === document.activeElement), 'calm message focused');
  assert.equal(await page.getByLabel('تفاصيل الطلب').inputValue(), 'أحتاج كرسيًا متحركًا لابني.', 'input kept');
  await page.getByRole('button', { name: 'إرسال الطلب' }).click();
  await page.getByRole('heading', { name: 'تم استلام طلبك' }).waitFor();
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'same Idempotency-Key on retry');
  assert.equal(references[0], references[1], 'server answered with the same request both times');
  assert.equal(await page.locator('[data-reference]').getAttribute('data-reference'), references[0]);
  await page.close();
});

test('tracking: wrong digits gives the not-found message in the summary', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/en/track/'), { waitUntil: 'networkidle' });
  await page.getByLabel('Reference').fill('MHF5-Q2N7');
  await page.getByLabel('Last 4 digits of the mobile number').fill('0000');
  await page.getByRole('button', { name: 'Show status' }).click();
  const $summary = page.locator('[data-error-summary]');
  await $summary.waitFor();
  assert.ok(await $summary.evaluate((el) => el === document.activeElement));
  assert.equal(await page.locator('.mf-error-summary__list a').count(), 0, 'not-found belongs to no field');
  await assertAccessible(assert, page, 'tracking not found');
  await page.close();
});
