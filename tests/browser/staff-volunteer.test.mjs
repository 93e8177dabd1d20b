// A volunteer, against the local runner: signs in with the volunteer role and lands on registering
// (the queue link hidden); registers a request on a beneficiary's behalf, which comes through the
// volunteer channel whatever the form said; their list holds their registration and never an
// employee's; every other staff route answers 403. Axe on the pages a volunteer reaches, in Arabic
// and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

const SESSION_KEY = 'mf-staff-session';
let browser;
let page;
let errors;

const randomMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const body = (channel) => ({ category: 'inquiry', channel, name: 'منيرة السبيعي', mobile: randomMobile(),
  city: 'الخرج', description: 'تسأل عن برنامج الدعم الأسري.', preferredContact: 'sms', language: 'ar', consent: true });

async function signIn(role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(role === 'volunteer' ? /\/staff\/new\/$/ : /\/staff\/queue\/$/);
  return page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
}

async function call(token, method, path, data) {
  const res = await page.request.fetch(url(path), { method, headers: { Authorization: `Bearer ${token}` }, data });
  return { status: res.status(), body: await res.json().catch(() => null) };
}

before(async () => {
  browser = await launch();
  page = await browser.context.newPage(); // one tab: the session lives in its sessionStorage
  errors = trackPageErrors(page);
});
after(async () => browser?.close());

test('a volunteer registers, lists only their own, and is refused everything else', async () => {
  const staffToken = await signIn('staff');
  const employees = await call(staffToken, 'POST', '/staff/requests', body('phone'));
  assert.equal(employees.status, 201, JSON.stringify(employees.body));

  for (const prefix of ['', '/en']) {
    await signIn('volunteer', prefix);
    await page.waitForFunction(() => document.querySelector('[data-staff-user]')?.hidden === false);
    assert.equal(await page.locator('.mf-nav a[href$="/staff/queue/"]').isVisible(), false, 'no queue link');
    assert.equal(await page.locator('.mf-nav a[href$="/staff/reports/"]').isVisible(), false, 'no reports link');
    await assertAccessible(assert, page, `volunteer registering (${prefix || '/'})`);
  }
  const token = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  const mine = await call(token, 'POST', '/staff/requests', body('phone'));
  assert.equal(mine.status, 201, JSON.stringify(mine.body));

  const detail = await call(staffToken, 'GET', `/staff/requests/${mine.body.reference}`);
  assert.equal(detail.body.channel, 'volunteer', 'a volunteer brings it through the volunteer channel');
  assert.equal(detail.body.registeredBy, 'متطوع تجريبي');

  const listed = await call(token, 'GET', `/staff/requests?q=${employees.body.reference}`);
  assert.equal(listed.status, 200);
  const refs = listed.body.items.map((i) => i.reference);
  assert.ok(refs.includes(mine.body.reference), 'their registration is listed');
  assert.ok(!refs.includes(employees.body.reference), 'an employee’s is not, even when searched for');
  assert.equal(listed.body.items[0].name, undefined, 'no beneficiary details in the list');

  for (const [method, path] of [['GET', `/staff/requests/${mine.body.reference}`],
    ['POST', `/staff/requests/${employees.body.reference}/notes`], ['GET', '/staff/reports/service'],
    ['GET', '/staff/colleagues'], ['GET', `/staff/requests/${mine.body.reference}/documents`]]) {
    assert.equal((await call(token, method, path, { text: 'x' })).status, 403, `${method} ${path}`);
  }
  await page.reload({ waitUntil: 'networkidle' });
  const $list = page.locator('[data-my-registrations]');
  await $list.waitFor({ state: 'visible' });
  assert.match(await $list.textContent(), new RegExp(mine.body.reference));
  assert.doesNotMatch(await $list.textContent(), new RegExp(employees.body.reference));
  assert.equal(await page.locator('input[name="channel"][value="phone"]').isVisible(), false, 'channel fixed');
  await assertAccessible(assert, page, 'volunteer registering, with their registrations (/en)');
  assert.deepEqual(errors, []);
});
