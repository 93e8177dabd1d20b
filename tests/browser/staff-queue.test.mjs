// The work queue as an employee uses it, against the local runner: the first row is the most
// overdue request with the working time it is over in words; "assign to me" puts it under "mine";
// a beneficiary's message from /track/ marks its row until the employee opens the request; Back
// and refresh keep the view and filters; the list is on the first screen at 1366×768. Axe on every
// state, in Arabic and English.
//
// How a request is made overdue: it is registered through the API (so its due time is the real
// one), then its submission time and its place in the open-work index (GSI5SK) are moved back in
// the emulator, as if it had arrived ten days ago. No public route can age a request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors, dynamoDb, requestsTable } from './helpers.mjs';

const SESSION_KEY = 'mf-staff-session';
const DAY = 86_400_000;
let browser;
let page;
let token;
let mostOverdue;
let overdue;
let fresh;
let mobile;

const api = async (method, path, data) => {
  const res = await page.request.fetch(url(path), { method, headers: { Authorization: `Bearer ${token}` }, data });
  return { status: res.status(), body: await res.json() };
};
const randomMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function register(category, m = randomMobile()) {
  const res = await api('POST', '/staff/requests', { category, channel: 'phone', name: 'هيفاء الزهراني', mobile: m,
    city: 'الطائف', description: 'تسأل عن موعد الزيارة المنزلية.', preferredContact: 'sms', language: 'ar', consent: true });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.reference;
}

/**
 * Moves a request's arrival and due time back, as if it had come in days ago and fallen due at
 * {@code due}: its submission three days before that.
 */
async function age(reference, due) {
  const table = await requestsTable();
  const value = reference.replace('-', '');
  const submitted = new Date(due.getTime() - 3 * DAY).toISOString();
  await dynamoDb('UpdateItem', {
    TableName: table,
    Key: { PK: { S: `REQ#${value}` }, SK: { S: 'META' } },
    UpdateExpression: 'SET submittedAt = :s, GSI5SK = :k',
    ExpressionAttributeValues: { ':s': { S: submitted }, ':k': { S: `${due.toISOString()}#${value}` } },
  });
}

async function signIn(prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator('input[name="role"][value="staff"]').check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
}
const listed = () => page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false'
  && document.querySelector('[data-live]')?.textContent.length > 0);
const firstRow = () => page.locator('[data-results] tbody tr').first();

before(async () => {
  browser = await launch();
  page = await browser.context.newPage(); // one tab: the session lives in its sessionStorage
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn();
  token = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  mobile = randomMobile();
  mostOverdue = await register('complaint', mobile);
  overdue = await register('inquiry');
  fresh = await register('service');
  // Due before whatever is first in the queue now (another test, or an earlier run, may have left
  // overdue work open): the most overdue a day before it, the other an hour before it.
  const { Items: [first] } = await dynamoDb('Query', {
    TableName: await requestsTable(),
    IndexName: 'GSI5',
    KeyConditionExpression: 'GSI5PK = :open',
    ExpressionAttributeValues: { ':open': { S: 'OPEN' } },
    Limit: 1,
  });
  const earliest = Math.min(Date.now() - 20 * DAY, first ? Date.parse(first.GSI5SK.S.split('#')[0]) : Infinity);
  await age(mostOverdue, new Date(earliest - DAY));
  await age(overdue, new Date(earliest - 3600_000));
});
after(async () => { await browser?.close(); });

test('the API: the open view is due first with counts; assign to me; mine lists it; the entry is internal', async () => {
  const open = await api('GET', '/staff/requests?view=open');
  assert.equal(open.status, 200, JSON.stringify(open.body));
  assert.equal(open.body.items[0].reference, mostOverdue);
  assert.equal(open.body.items[1].reference, overdue);
  assert.equal(open.body.items[0].sla.state, 'overdue');
  assert.ok(open.body.counts.open >= 3 && open.body.counts.unassigned >= 3, JSON.stringify(open.body.counts));
  assert.ok(open.body.counts.byStatus.received >= 3);
  const refused = await api('POST', `/staff/requests/${fresh}/assignee`, { assignee: 'nobody-in-the-directory' });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.errors[0].field, 'assignee');
  const none = await api('POST', `/staff/requests/${fresh}/assignee`, { assignee: null });
  assert.equal(none.status, 200);
  assert.equal(none.body.assignee ?? null, null, 'nobody owns it');
  const staffDetail = await api('GET', `/staff/requests/${fresh}`);
  const entry = staffDetail.body.timeline.find((e) => e.type === 'assignment');
  assert.ok(entry, 'the assignment is in the staff history');
  assert.equal(entry.public, false, 'never public');
});

test('the first row is the most overdue, with the time over in working hours; the list is on the first screen (ar, en)', async () => {
  const errors = trackPageErrors(page);
  for (const [prefix, over] of [['', /^متأخر .*(ساعة|ساعات|ساعتا)/], ['/en', /working hours? over$/]]) {
    await page.goto(url(`${prefix}/staff/queue/`), { waitUntil: 'networkidle' });
    await listed();
    assert.equal(await firstRow().getAttribute('data-reference'), mostOverdue);
    assert.match((await firstRow().locator('[data-slot="sla-words"]').textContent()).trim(), over);
    assert.equal(await page.locator('[data-view="open"]').getAttribute('aria-current'), 'page');
    assert.match(await page.locator('[data-count="open"]').textContent(), /\(.+\)/, 'the tab shows its count');
    assert.ok(await page.locator('[data-status-counts] a').count() >= 2, 'counts per status');
    // 1366×768: the first rows are on the first screen, under the compact filters.
    const box = await firstRow().boundingBox();
    assert.ok(box && box.y + box.height <= 768, `first row at ${JSON.stringify(box)} is on the first screen`);
    assert.ok(await firstRow().locator('th a').isVisible());
    await assertAccessible(assert, page, `open work, due first${prefix ? ' (en)' : ''}`);
  }
  assert.deepEqual(errors, []);
});

test('assign to me from the row: the owner says so, focus stays on the row, and it is under "mine" (ar, en)', async () => {
  const errors = trackPageErrors(page);
  await page.goto(url('/staff/queue/'), { waitUntil: 'networkidle' });
  await listed();
  const $row = page.locator(`[data-results] tbody tr[data-reference="${mostOverdue}"]`);
  await $row.getByRole('button', { name: `إسناده إليّ: ${mostOverdue}` }).click();
  await page.waitForFunction((ref) => document.querySelector(`tr[data-reference="${ref}"] .mf-staff-owner`)?.textContent.includes('أنت'), mostOverdue);
  assert.equal(await $row.getByRole('button').count(), 0, 'no "assign to me" on my own row');
  assert.ok(await $row.getByRole('link').evaluate((a) => a === document.activeElement), 'focus back on the row');
  await page.waitForFunction(() => /أصبح الطلب مسندًا/.test(document.querySelector('[data-live]').textContent));
  await assertAccessible(assert, page, 'after assign to me');

  await page.getByRole('link', { name: /طلباتي/ }).click();
  await page.waitForURL(/view=mine/);
  await listed();
  const mine = await page.locator('[data-results] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.reference));
  assert.ok(mine.includes(mostOverdue), `mine: ${mine}`);
  assert.ok(!mine.includes(fresh), 'only mine');
  assert.equal(await page.locator('[data-view="mine"]').getAttribute('aria-current'), 'page');
  await assertAccessible(assert, page, 'my requests');
  await page.goto(url('/en/staff/queue/?view=mine'), { waitUntil: 'networkidle' });
  await listed();
  assert.match(await page.locator(`tr[data-reference="${mostOverdue}"] .mf-staff-owner`).textContent(), /You/);
  await assertAccessible(assert, page, 'my requests (en)');
  const viaApi = await api('GET', '/staff/requests?view=mine');
  assert.ok(viaApi.body.items.some((r) => r.reference === mostOverdue && r.assignee === viaApi.body.me && r.assigneeName));
  assert.deepEqual(errors, []);
});

test('a message from /track/ marks the row; opening the request clears it; "back to the requests" keeps the view', async () => {
  const errors = trackPageErrors(page);
  const visitor = await browser.context.newPage();
  const visitorErrors = trackPageErrors(visitor);
  await visitor.goto(url(`/track/?ref=${mostOverdue}`), { waitUntil: 'networkidle' });
  await visitor.getByLabel('آخر ٤ أرقام من رقم الجوال').fill(mobile.slice(-4));
  await visitor.getByRole('button', { name: 'عرض حالة الطلب' }).click();
  await visitor.locator('[data-module="track-reply"]').waitFor();
  await visitor.getByLabel('رسالتك').fill('ما زلت أنتظر الرد على الشكوى.');
  await visitor.getByRole('button', { name: 'إرسال الرسالة' }).click();
  await visitor.locator('[data-message-status]').getByText(/وصلتنا رسالتك/).waitFor();
  await visitor.close();
  assert.deepEqual(visitorErrors, []);

  for (const [prefix, flag, said] of [['/en', 'Beneficiary replied', /news from the beneficiary/], ['', 'ردّ المستفيد', /جديد من المستفيد/]]) {
    await page.goto(url(`${prefix}/staff/queue/?view=mine`), { waitUntil: 'networkidle' });
    await listed();
    const $th = page.locator(`tr[data-reference="${mostOverdue}"] th`);
    assert.equal((await $th.locator('.mf-staff-flag--news').textContent()).trim(), flag);
    assert.match(await page.locator('[data-live]').textContent(), said, 'said with the results');
    await assertAccessible(assert, page, `row marked "beneficiary replied"${prefix ? ' (en)' : ''}`);
  }

  // Open it (Arabic): the owner is on the page; the mark goes.
  await page.locator(`tr[data-reference="${mostOverdue}"] th a`).click();
  await page.waitForURL(/\/staff\/request\/\?ref=/);
  const $owner = page.locator('[data-assignee-slot]:not([hidden])');
  await $owner.waitFor();
  assert.match(await $owner.textContent(), /هيفاء|أمل|موظف|\S/);
  await assertAccessible(assert, page, 'request page with its owner');
  const $back = page.getByRole('link', { name: 'العودة إلى قائمة الطلبات' });
  assert.match(await $back.getAttribute('href'), /\/staff\/queue\/\?view=mine$/);
  await $back.click();
  await page.waitForURL(/\/staff\/queue\/\?view=mine$/);
  await listed();
  assert.equal(await page.locator(`tr[data-reference="${mostOverdue}"] th .mf-staff-flag--news`).count(), 0, 'cleared once opened');
  assert.equal(await page.locator('[data-view="mine"]').getAttribute('aria-current'), 'page');
  await assertAccessible(assert, page, 'mine after opening the request');
  assert.deepEqual(errors, []);
});

test('Back and refresh keep the view and the filters; refresh keeps focus (ar, en)', async () => {
  const errors = trackPageErrors(page);
  for (const prefix of ['', '/en']) {
    await page.goto(url(`${prefix}/staff/queue/?view=unassigned`), { waitUntil: 'networkidle' });
    await listed();
    await page.locator('#status').selectOption('received');
    await page.locator('[data-staff-filters] [type="submit"]').click();
    await page.waitForURL(/view=unassigned&status=received$/);
    await listed();
    const rows = await page.locator('[data-results] tbody tr').evaluateAll((trs) => trs.map((r) => r.dataset.status));
    assert.ok(rows.length > 0 && rows.every((st) => st === 'received'), `received only: ${rows}`);
    await assertAccessible(assert, page, `unassigned, received${prefix ? ' (en)' : ''}`);

    await firstRow().locator('th a').click();
    await page.waitForURL(/\/staff\/request\/\?ref=/);
    await page.goBack();
    await page.waitForURL(/view=unassigned&status=received$/);
    await listed();
    assert.equal(await page.locator('#status').inputValue(), 'received', 'filter back after Back');
    assert.equal(await page.locator('[data-view="unassigned"]').getAttribute('aria-current'), 'page');

    const $refresh = page.locator('[data-action="refresh"]');
    await $refresh.focus();
    const reloaded = page.waitForResponse((r) => /\/staff\/requests\?/.test(r.url()));
    await $refresh.click();
    await reloaded;
    await listed();
    assert.ok(await $refresh.evaluate((b) => b === document.activeElement), 'focus kept on refresh');
    await page.reload({ waitUntil: 'networkidle' });
    await listed();
    assert.equal(await page.locator('#status').inputValue(), 'received', 'filter back after reload');
    await assertAccessible(assert, page, `after refresh${prefix ? ' (en)' : ''}`);
  }
  assert.deepEqual(errors, []);
});
