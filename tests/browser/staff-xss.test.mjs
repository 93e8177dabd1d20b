// Stored XSS: whatever a person typed (names, descriptions, notes) is shown as text in the console.
// The API refuses markup in names, so the test also injects such names into the API's answers —
// the console must be safe even if bad data got in by another route. Fails if any dialog opens.
// A service request, not a complaint: a complaint's identity is hidden from staff who are not
// its assignee, so its name would never reach the row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAYLOAD = '<img src=x onerror=alert(1)>';
const SCRIPTED = '<script>alert(2)</script><svg onload=alert(3)>';
const SESSION_KEY = 'mf-staff-session';

test('names, descriptions and notes containing markup render as text; no dialog fires', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });

  await page.goto(url('/staff/'), { waitUntil: 'networkidle' });
  await page.locator('input[name="role"][value="staff"]').check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
  // Let the queue's first listing finish before the request exists: a slow first listing that
  // already held it would render the row unpoisoned, before the search below.
  await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false');
  const token = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  const auth = { Authorization: `Bearer ${token}` };

  const created = await page.request.post(url('/staff/requests'), { headers: auth, data: {
    category: 'service', channel: 'letter', name: 'هند العمري', mobile: '0561234567', city: 'مكة المكرمة',
    description: `${PAYLOAD}\n${SCRIPTED}`, preferredContact: 'sms', language: 'ar', consent: true,
    onBehalf: { beneficiaryName: 'يوسف العمري', relationship: 'أم' } } });
  assert.equal(created.status(), 201, await created.text());
  const { reference } = await created.json();
  assert.equal((await page.request.post(url(`/staff/requests/${reference}/notes`), { headers: auth, data: { text: PAYLOAD } })).status(), 201);

  // Bad data by another route: the name in the list and the detail carries markup.
  const poison = async (route) => {
    const res = await route.fetch();
    const json = await res.json();
    for (const item of json.items ?? [json]) {
      if (item.reference !== reference) continue;
      item.name = PAYLOAD;
      if ('timeline' in item) Object.assign(item, { registeredBy: PAYLOAD, onBehalf: { beneficiaryName: PAYLOAD, relationship: SCRIPTED } });
    }
    await route.fulfill({ response: res, json });
  };
  await page.route(/\/staff\/requests(\?[^/]*)?$/, poison);
  await page.route(new RegExp(`/staff/requests/${reference}$`), poison);

  await page.getByRole('searchbox', { name: 'بحث' }).fill(reference);
  const searched = page.waitForResponse((r) => /\/staff\/requests\?/.test(r.url()));
  await page.getByRole('button', { name: 'عرض النتائج' }).click();
  await searched;
  await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false');
  const $row = page.locator(`[data-results] tbody tr[data-reference="${reference}"]`);
  await $row.waitFor();
  assert.equal(await $row.locator('td').first().textContent(), PAYLOAD, 'name shown as typed');
  assert.equal(await page.locator('main img, main script:not([src]), main [onerror]').count(), 0);

  await $row.getByRole('link').click();
  await page.locator('[data-detail]').waitFor();
  assert.equal(await page.locator('[data-slot="name"]').textContent(), PAYLOAD);
  assert.equal(await page.locator('[data-slot="registeredBy"]').textContent(), PAYLOAD);
  assert.equal(await page.locator('[data-slot="description"]').textContent(), `${PAYLOAD}\n${SCRIPTED}`);
  assert.equal(await page.locator('[data-slot="onBehalf"]').textContent(), `${PAYLOAD} — ${SCRIPTED}`);
  assert.equal(await page.locator('[data-slot="timeline"] li[data-type="note"]', { hasText: PAYLOAD }).count(), 1);

  // A note typed in the console itself.
  await page.getByLabel('ملاحظة داخلية', { exact: true }).check();
  await page.getByLabel('نص الملاحظة الداخلية').fill(SCRIPTED);
  await page.getByRole('button', { name: 'حفظ الملاحظة الداخلية' }).click();
  await page.locator('[data-slot="timeline"] li[data-type="note"]', { hasText: SCRIPTED }).waitFor();

  assert.equal(await page.locator('main img, main svg[onload], main script, main [onerror]').count(), 0, 'no element was created from the text');
  await page.waitForTimeout(300); // onerror/onload would fire by now
  assert.deepEqual(dialogs, [], 'no dialog');
  assert.deepEqual(errors, []);
  await page.close();
});
