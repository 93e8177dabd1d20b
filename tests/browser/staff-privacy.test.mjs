// PDPL in the console, against the local runner: a manager finds a beneficiary by mobile, downloads
// everything held about them (a JSON file with their request), erases their data only after typing
// the confirmation word, and reads both acts in the audit log (their name, the keyed hash, never the
// data). An employee is refused the page and every one of its routes. Axe on each state, Arabic and
// English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

const SESSION_KEY = 'mf-staff-session';
const PDPL_ROUTES = [['POST', '/staff/beneficiaries/find'], ['POST', '/staff/beneficiaries/export'],
  ['POST', '/staff/beneficiaries/erase'], ['GET', '/staff/audit']];
let browser;
before(async () => { browser = await launch(); });
after(async () => browser?.close());

const randomMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function signIn(page, role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
  return page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
}

async function register(page, token, mobile, name) {
  const res = await page.request.post(url('/staff/requests'), { headers: { Authorization: `Bearer ${token}` },
    data: { category: 'inquiry', channel: 'phone', name, mobile, city: 'مكة', description: 'يسأل عن مواعيد العلاج الطبيعي.',
      preferredContact: 'sms', language: 'ar', consent: true } });
  assert.equal(res.status(), 201, await res.text());
  return (await res.json()).reference;
}

for (const [prefix, lang] of [['', 'ar'], ['/en', 'en']]) {
  test(`a manager exports and erases a beneficiary; the audit log shows both (${lang})`, async () => {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    const token = await signIn(page, 'manager', prefix);
    const mobile = randomMobile();
    const name = lang === 'ar' ? 'هند الزهراني' : 'Hind Alzahrani';
    const reference = await register(page, token, mobile, name);

    // The nav shows the manager's links once it has read the signed-in role: wait for it, not a snapshot
    // of the page (isVisible() does not wait, and lost that race once on a loaded CI machine).
    const $privacyLink = page.locator(`.mf-nav a[href="${prefix}/staff/privacy/"]`);
    await $privacyLink.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    assert.ok(await $privacyLink.isVisible(), 'managers see the link');
    await page.goto(url(`${prefix}/staff/privacy/`), { waitUntil: 'networkidle' });
    await page.locator('[data-privacy]:not([hidden])').waitFor();
    await assertAccessible(assert, page, `privacy page (${lang})`);

    // Nothing typed: a clear error on the form, no call that could find anyone.
    await page.locator('[data-privacy-find] [type="submit"]').click();
    await page.locator('[data-error-summary]:not([hidden])').waitFor();
    await assertAccessible(assert, page, `privacy: nothing typed (${lang})`);

    await page.locator('#mobile').fill(mobile);
    await page.locator('[data-privacy-find] [type="submit"]').click();
    const $found = page.locator('[data-found]:not([hidden])');
    await $found.waitFor();
    assert.match(await $found.locator('[data-slot="held"]').textContent(), lang === 'ar' ? /طلبًا واحدًا/ : /One request/);
    assert.ok(await $found.evaluate((e) => e === document.activeElement), 'the answer takes focus');
    assert.doesNotMatch(page.url(), new RegExp(mobile.slice(1)), 'the mobile never goes in the address');
    await assertAccessible(assert, page, `privacy: found (${lang})`);

    const download = page.waitForEvent('download');
    await page.locator('[data-action="export"]').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^pdpl-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
    assert.deepEqual(exported.requests.map((r) => r.reference), [reference]);
    assert.equal(exported.requests[0].name, name);

    // The wrong word erases nothing.
    await page.locator('#confirmWord').fill(lang === 'ar' ? 'نعم' : 'yes');
    await page.locator('[data-privacy-erase] [type="submit"]').click();
    await page.locator('#confirmWord[aria-invalid="true"]').waitFor();
    await assertAccessible(assert, page, `privacy: wrong confirmation word (${lang})`);
    let detail = await page.request.get(url(`/staff/requests/${reference}`), { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await detail.json()).name, name, 'not erased by a wrong word');

    await page.locator('#confirmWord').fill(lang === 'ar' ? 'محو' : 'ERASE');
    await page.locator('[data-privacy-erase] [type="submit"]').click();
    await page.locator('[data-slot="held"]').getByText(lang === 'ar' ? /مُحيت البيانات الشخصية من طلب واحد/ : /erased from one request/).waitFor();
    detail = await page.request.get(url(`/staff/requests/${reference}`), { headers: { Authorization: `Bearer ${token}` } });
    assert.notEqual((await detail.json()).name, name, 'the name is gone');

    // The audit log: both acts, newest first, by this manager, with a hash and never the person.
    const $rows = page.locator('[data-slot="audit"] tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-slot="audit"] tbody tr').length >= 2);
    const rows = await $rows.evaluateAll((trs) => trs.slice(0, 2).map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    const [erase, exportRow] = rows;
    assert.match(erase[1], lang === 'ar' ? /محو/ : /Erased/);
    assert.match(exportRow[1], lang === 'ar' ? /تصدير/ : /Exported/);
    for (const row of rows) {
      assert.equal(row[2], 'مدير تجريبي', 'who did it (the development manager)');
      assert.match(row[3], /^[\w-]{6,}…$/, 'a keyed hash, shortened');
    }
    assert.equal(erase[3], exportRow[3], 'the same person in both entries');
    const log = await page.locator('[data-slot="audit"]').textContent();
    assert.ok(!log.includes(name) && !log.includes(mobile), 'the log never shows the data');
    await assertAccessible(assert, page, `privacy: audit log (${lang})`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('an employee is refused the privacy page and its routes', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const token = await signIn(page, 'staff');
  for (const [method, path] of PDPL_ROUTES) {
    const res = await page.request.fetch(url(path), { method, headers: { Authorization: `Bearer ${token}` },
      data: method === 'POST' ? { mobile: randomMobile(), confirm: true } : undefined });
    assert.equal(res.status(), 403, `${method} ${path}`);
  }
  assert.equal(await page.locator('.mf-nav a[href="/staff/privacy/"]').isVisible(), false, 'no link for staff');
  await page.goto(url('/staff/privacy/'), { waitUntil: 'networkidle' });
  await page.locator('[data-problem]').getByText('هذه الصفحة للمديرين فقط').waitFor();
  assert.ok(await page.locator('[data-privacy]').isHidden());
  await assertAccessible(assert, page, 'privacy refused to staff');
  assert.deepEqual(errors, []);
  await page.close();
});
