// Confidential complaints, against the local runner. An employee registers (on the console's form)
// a complaint about a member of staff: it goes to managers alone. Any employee then gets 403 on
// every route of it, never finds it in a queue view or a search, and the request page says why;
// a manager opens it and sees the mark. On an ordinary complaint, an employee who does not handle it
// sees that it exists but not who sent it; once it is assigned to them they do. Axe on each state,
// in Arabic and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

const SESSION_KEY = 'mf-staff-session';
let browser;
let page;
let errors;

const randomMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const complaint = (extra = {}) => ({ category: 'complaint', channel: 'phone', name: 'هند القرشي', mobile: randomMobile(),
  city: 'مكة المكرمة', description: 'موظف الاستقبال رفض استلام أوراقي.', preferredContact: 'sms', language: 'ar', consent: true, ...extra });

async function signIn(role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
  return page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
}

async function call(token, method, path, data) {
  const res = await page.request.fetch(url(path), { method, headers: { Authorization: `Bearer ${token}` }, data });
  return { status: res.status(), body: await res.json().catch(() => null) };
}

const references = (res) => (res.body?.items ?? []).map((r) => r.reference);

before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  errors = trackPageErrors(page);
});
after(async () => browser?.close());

test('a complaint about staff reaches managers only: 403 and absent everywhere for employees', async () => {
  await signIn('staff');
  await page.goto(url('/staff/new/'), { waitUntil: 'networkidle' });
  const $about = page.locator('[data-about-staff]');
  assert.equal(await $about.isVisible(), false, 'offered for complaints only');
  await page.locator('input[name="category"][value="complaint"]').check();
  assert.equal(await $about.isVisible(), true);
  await page.locator('#aboutStaff').check();
  await assertAccessible(assert, page, 'registering a complaint about staff');
  await page.locator('input[name="channel"][value="phone"]').check();
  const mobile = randomMobile();
  await page.locator('#name').fill('هند القرشي');
  await page.locator('#mobile').fill(mobile);
  await page.locator('#city').fill('مكة المكرمة');
  await page.locator('#description').fill('الموظف في الاستقبال رفع صوته عليّ.');
  await page.locator('input[name="preferredContact"][value="sms"]').check();
  await page.locator('#consent').check();
  const answer = page.waitForResponse((r) => r.url().endsWith('/staff/requests') && r.request().method() === 'POST');
  await page.locator('[data-staff-new] [type="submit"]').click();
  const created = await (await answer).json();
  assert.ok(created.reference, JSON.stringify(created));
  await page.locator('[data-confirmation]').waitFor();
  assert.equal(await page.locator('[data-confirmation] [data-slot="open"]').isVisible(), false,
    'an employee is not offered a page they may not open');

  const staffToken = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  const ref = created.reference;
  for (const [method, path, data] of [
    ['GET', `/staff/requests/${ref}`],
    ['POST', `/staff/requests/${ref}/notes`, { text: 'ملاحظة' }],
    ['POST', `/staff/requests/${ref}/replies`, { text: 'رد' }],
    ['POST', `/staff/requests/${ref}/status`, { status: 'in_review', version: 1 }],
    ['POST', `/staff/requests/${ref}/assignee`, { assignee: 'me' }],
    ['GET', `/staff/requests/${ref}/documents`],
  ]) {
    const res = await call(staffToken, method, path, data);
    assert.equal(res.status, 403, `${method} ${path}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body?.errors?.[0]?.code, 'forbidden', `${method} ${path}`);
  }
  for (const query of [`q=${ref}`, `q=${mobile}`, 'view=open', 'view=unassigned', 'view=mine', 'status=received']) {
    assert.ok(!references(await call(staffToken, 'GET', `/staff/requests?${query}`)).includes(ref), query);
  }
  for (const prefix of ['', '/en']) {
    await page.goto(url(`${prefix}/staff/request/?ref=${ref}`), { waitUntil: 'networkidle' });
    const $problem = page.locator('[data-problem]');
    await $problem.waitFor();
    assert.match(await $problem.textContent(), prefix ? /only managers/ : /المديرون/);
    await assertAccessible(assert, page, `an employee refused a complaint about staff (${prefix || '/'})`);
  }

  const managerToken = await signIn('manager');
  assert.ok(references(await call(managerToken, 'GET', `/staff/requests?q=${ref}`)).includes(ref));
  for (const prefix of ['', '/en']) {
    await page.goto(url(`${prefix}/staff/request/?ref=${ref}`), { waitUntil: 'networkidle' });
    await page.locator('[data-slot="name"]').waitFor();
    assert.match(await page.locator('[data-slot="name"]').textContent(), /هند القرشي/);
    assert.match(await page.locator('[data-slot="name"]').textContent(), prefix ? /managers only/ : /للمديرين فقط/);
    await assertAccessible(assert, page, `a manager opens a complaint about staff (${prefix || '/'})`);
  }
  assert.deepEqual(errors, []);
});

test('on an ordinary complaint, the complainant is known to managers and the assignee only', async () => {
  const managerToken = await signIn('manager');
  const created = await call(managerToken, 'POST', '/staff/requests', complaint());
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const ref = created.body.reference;

  const staffToken = await signIn('staff');
  const before = await call(staffToken, 'GET', `/staff/requests/${ref}`);
  assert.equal(before.status, 200);
  assert.equal(before.body.name, '');
  assert.equal(before.body.identityHidden, true);
  assert.equal(before.body.mobile, undefined);
  await page.goto(url(`/staff/request/?ref=${ref}`), { waitUntil: 'networkidle' });
  await page.locator('[data-slot="name"]').waitFor();
  assert.match(await page.locator('[data-slot="name"]').textContent(), /سرّية/);
  await assertAccessible(assert, page, 'a confidential complainant, not yet assigned');

  assert.equal((await call(staffToken, 'POST', `/staff/requests/${ref}/assignee`, { assignee: 'me' })).status, 200);
  const after = await call(staffToken, 'GET', `/staff/requests/${ref}`);
  assert.equal(after.body.name, 'هند القرشي');
  assert.equal(after.body.identityHidden, false);
  assert.match(after.body.mobile, /^\+9665/);
  assert.deepEqual(errors, []);
});

test('the web form marks a complaint as about staff (only for complaints); employees cannot open it', async () => {
  for (const prefix of ['', '/en']) {
    await page.goto(url(`${prefix}/request/`), { waitUntil: 'networkidle' });
    const $about = page.locator('#aboutStaff');
    await page.locator('input[name="category"][value="suggestion"]').check();
    assert.equal(await $about.isVisible(), false, 'not offered for a suggestion');
    await page.locator('input[name="category"][value="complaint"]').check();
    await $about.check();
    await page.locator('#anonymous').check();
    await assertAccessible(assert, page, `web complaint about staff, anonymous (${prefix || '/'})`);
    await page.locator('#city').fill('جدة');
    await page.locator('#description').fill('أحد الموظفين عاملني بقسوة عند الاستقبال.');
    await page.locator('#consent').check();
    const answer = page.waitForResponse((r) => r.url().endsWith('/requests') && r.request().method() === 'POST');
    await page.locator('form[data-module="request-form"] [type="submit"]').click();
    const response = await answer;
    assert.equal(response.request().postDataJSON().aboutStaff, true);
    const created = await response.json();
    assert.ok(created.reference && created.trackingCode, JSON.stringify(created));

    const staffToken = await signIn('staff');
    assert.equal((await call(staffToken, 'GET', `/staff/requests/${created.reference}`)).status, 403);
    const managerToken = await signIn('manager');
    const seen = await call(managerToken, 'GET', `/staff/requests/${created.reference}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.aboutStaff, true);
    assert.equal(seen.body.anonymous, true);
  }
  assert.deepEqual(errors, []);
});
