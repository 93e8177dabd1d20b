// Service recovery end to end, against the local runner: a survey answer of 2 with "you may contact
// me" becomes a follow-up due in 2 working days (the service-levels file's setting and calendar); an
// anonymous answer of 1 creates none; the employee records the call on /staff/callbacks/ and it
// leaves the list; the manager's report shows the follow-up rate and the median time; the managers'
// feedback page shows the anonymous comment without a request. axe on every state, both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { launch, url, assertAccessible, trackPageErrors, dynamoDb, requestsTable } from './helpers.mjs';

const SESSION_KEY = 'mf-staff-session';
const LEVELS = JSON.parse(fs.readFileSync(new URL('../../functions/http-api/src/main/resources/service-levels.json', import.meta.url), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(method, path, body, bearer) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (method === 'POST' && path === '/staff/requests') headers['idempotency-key'] = crypto.randomUUID();
  const res = await fetch(url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  return { status: res.status, data };
}
const login = async (role) => (await call('POST', '/dev/login', { role })).data.token;

const SURVEY_LINK = /\/survey\/\?t=([A-Za-z0-9._~%-]+)/g;
const linksIn = (messages) => new Set(messages.flatMap((m) => [...String(m.body ?? '').matchAll(SURVEY_LINK)].map((x) => decodeURIComponent(x[1]))));

/** A request registered and completed by staff; its reference and the token of its survey link (from /dev/outbox). */
async function completedRequest(staff) {
  let mobile = `05${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`;
  if (mobile.endsWith('99')) mobile = `${mobile.slice(0, -1)}1`; // moto's "opted out" numbers
  const reg = await call('POST', '/staff/requests', { category: 'service', channel: 'phone', name: 'سارة المختبرة',
    mobile, city: 'مكة المكرمة', description: 'اختبار المتابعة', preferredContact: 'sms', language: 'ar', consent: true }, staff);
  assert.equal(reg.status, 201, `register: ${JSON.stringify(reg.data)}`);
  const ref = reg.data.reference;
  const seen = linksIn((await call('GET', '/dev/outbox')).data || []);
  let { version } = (await call('GET', `/staff/requests/${ref}`, undefined, staff)).data;
  for (const status of ['in_review', 'in_progress', 'completed']) {
    const r = await call('POST', `/staff/requests/${ref}/status`, { status, version }, staff);
    assert.equal(r.status, 200, `${status}: ${JSON.stringify(r.data)}`);
    version = r.data.version;
  }
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const mine = ((await call('GET', '/dev/outbox')).data || []).filter((m) => String(m.body ?? '').includes(ref));
    const fresh = [...linksIn(mine)].filter((t) => !seen.has(t));
    if (fresh.length) return { ref, token: fresh[0] };
    await sleep(250);
  }
  throw new Error(`no survey link for ${ref} in /dev/outbox within 20 s`);
}

// The association's calendar, read from the same file the functions read (one source): working
// days, hours, Ramadan hours, holidays; Riyadh is UTC+3 all year.
const RIYADH = 3 * 3600e3;
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const dayOf = (ms) => new Date(ms + RIYADH).toISOString().slice(0, 10);
const nextDay = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400e3).toISOString().slice(0, 10);
const working = (d) => LEVELS.workingDays.includes(DAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]) && !LEVELS.holidays.includes(d);
const ramadan = (d) => (LEVELS.ramadan ?? []).some((p) => d >= p.first && d <= p.last);
const at = (d, hhmm) => Date.parse(`${d}T${hhmm}:00Z`) - RIYADH;
const opens = (d) => at(d, ramadan(d) ? LEVELS.ramadanOpens : LEVELS.opens);
const closes = (d) => at(d, ramadan(d) ? LEVELS.ramadanCloses : LEVELS.closes);
/** The same point of the working day n working days later (WorkingCalendar.addWorkingDays). */
function addWorkingDays(iso, n) {
  let t = Date.parse(iso);
  let d = dayOf(t);
  for (;;) {
    if (working(d) && Math.max(t, opens(d)) < closes(d)) { t = Math.max(t, opens(d)); break; }
    d = nextDay(d);
    t = at(d, '00:00');
  }
  // whole minutes into the working day, as WorkingCalendar counts them (a due has no seconds)
  const offset = Math.floor((t - opens(d)) / 60_000) * 60_000;
  for (let left = n; left > 0;) { d = nextDay(d); if (working(d)) left -= 1; }
  return opens(d) + Math.min(offset, closes(d) - opens(d));
}

async function answerSurvey(page, token, { face, check, comment }) {
  await page.goto(url(`/survey/?t=${token}`));
  await page.locator('[data-state="survey"]').waitFor({ state: 'visible', timeout: 10_000 });
  await page.getByRole('button', { name: face, exact: true }).click();
  await page.locator('[data-more-box]').waitFor();
  if (comment) await page.getByLabel('تعليق').fill(comment);
  await page.getByLabel(check).check();
  await page.getByRole('button', { name: 'أرسل' }).click();
  await page.locator('[data-state="done"]').waitFor({ state: 'visible', timeout: 10_000 });
}

async function signIn(page, role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/(queue|reports)\/$/);
}

test('service recovery: 2 + contact → a follow-up due in 2 working days; anonymous 1 → none; the call recorded; the report and feedback show it', async () => {
  const staff = await login('staff');
  const unhappy = await completedRequest(staff);
  const anonymous = await completedRequest(staff);
  const comment = `لم يتصل بي أحد ${crypto.randomUUID().slice(0, 6)}`;

  const survey = await browser.context.newPage();
  const started = Date.now();
  await answerSurvey(survey, unhappy.token, { face: 'سيئ', check: /يمكنكم التواصل معي/ });
  await answerSurvey(survey, anonymous.token, { face: 'سيئ جدًا', check: /أجب دون ذكر اسمي/, comment });
  const finished = Date.now();
  await survey.close();

  // The contract: open follow-ups with reference and due, ordered by due.
  const open = await call('GET', '/staff/follow-ups', undefined, staff);
  assert.equal(open.status, 200);
  const dues = open.data.items.map((f) => Date.parse(f.due));
  assert.deepEqual(dues, [...dues].sort((a, b) => a - b), 'ordered by due');
  const mine = open.data.items.find((f) => f.reference === unhappy.ref);
  assert.ok(mine, `${unhappy.ref} is a follow-up: ${JSON.stringify(open.data.items)}`);
  const created = Date.parse(mine.createdAt);
  assert.ok(created >= started - 1000 && created <= finished + 1000, 'created when the answer came');
  assert.equal(Date.parse(mine.due), addWorkingDays(mine.createdAt, LEVELS.followUpWorkingDays), `due ${mine.due}: ${LEVELS.followUpWorkingDays} working days after ${mine.createdAt}`);
  assert.deepEqual(mine.reasons, ['low_score', 'contact_requested']);
  assert.equal(mine.score, 2);
  assert.equal(mine.channel, 'phone');
  assert.equal(mine.overdue, false);
  assert.equal(open.data.items.some((f) => f.reference === anonymous.ref), false, 'an anonymous answer creates no follow-up');
  assert.equal(JSON.stringify(open.data).includes(anonymous.ref), false);
  // Not merely held out of the list: the tap's follow-up was withdrawn when the details said
  // anonymous, so nothing under the request links it to the answer (and the tap's follow-up of the
  // other request is there, settled by its details).
  const followUpsOf = async (ref) => (await dynamoDb('Query', { TableName: await requestsTable(),
    KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: `FOLLOWUP#${ref.replace('-', '')}` } } })).Items;
  assert.deepEqual(await followUpsOf(anonymous.ref), []);
  assert.equal((await followUpsOf(unhappy.ref)).length, 1);

  // The console's follow-up view: the employee records the call by keyboard.
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await signIn(page, 'staff');
  await page.goto(url('/staff/callbacks/'));
  const $item = page.locator(`[data-reference="${unhappy.ref}"]`);
  await $item.waitFor();
  assert.match(await $item.innerText(), /تقييم منخفض/);
  assert.match(await $item.innerText(), /طلب التواصل معه/);
  await assertAccessible(assert, page, 'follow-ups (ar)');
  // Recording without an outcome says so at the radios, sends nothing.
  await $item.getByRole('button', { name: 'سجّل الاتصال' }).click();
  assert.match(await $item.locator('.mf-form__error').innerText(), /اختر نتيجة الاتصال/);
  assert.equal(await $item.getByLabel('تواصلنا وحُلّت').getAttribute('aria-invalid'), 'true');
  await assertAccessible(assert, page, 'follow-ups, outcome missing (ar)');
  await $item.getByLabel('تواصلنا وحُلّت').focus();
  await page.keyboard.press('Space');
  await $item.getByLabel('ملاحظة (اختيارية)').fill('اعتذرنا، وحُدّد موعد جديد.');
  await $item.getByLabel('ملاحظة (اختيارية)').press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('[data-message]:not([hidden])').waitFor();
  assert.match(await page.locator('[data-message]').innerText(), new RegExp(unhappy.ref));
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-message')), true, 'the outcome takes focus');
  assert.equal(await page.locator(`[data-reference="${unhappy.ref}"]`).count(), 0, 'a recorded follow-up leaves the list');
  await assertAccessible(assert, page, 'follow-ups, call recorded (ar)');
  const again = await call('POST', `/staff/follow-ups/${unhappy.ref}`, { outcome: 'not_reached' }, staff);
  assert.equal(again.status, 409);
  assert.equal(again.data.errors[0].code, 'follow_up_already_recorded');
  const unknown = await call('POST', `/staff/follow-ups/${anonymous.ref}`, { outcome: 'not_reached' }, staff);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.data.errors[0].code, 'follow_up_not_found');

  await page.goto(url('/en/staff/callbacks/'));
  await page.locator('[data-follow-ups-body]:not([hidden])').waitFor();
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  await assertAccessible(assert, page, 'follow-ups (en)');

  // Comments are managers' only.
  assert.equal((await call('GET', '/staff/feedback', undefined, staff)).status, 403);
  await page.goto(url('/staff/comments/'));
  await page.locator('[data-problem]:not([hidden])').waitFor();
  await assertAccessible(assert, page, 'feedback refused to staff (ar)');
  await page.close();

  // The manager: the report's follow-up figures, and the anonymous comment without its request.
  const manager = await browser.context.newPage();
  const managerErrors = trackPageErrors(manager);
  await signIn(manager, 'manager');
  const mToken = await manager.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  const today = new Date().toISOString().slice(0, 10);
  const report = await call('GET', `/staff/reports/satisfaction?from=${today.slice(0, 8)}01&to=${today}`, undefined, mToken);
  assert.equal(report.status, 200);
  const fu = report.data.followUps;
  assert.ok(fu.created >= 1 && fu.recorded >= 1, JSON.stringify(fu));
  assert.equal(fu.rate, Math.min(1, fu.recorded / fu.created));
  assert.equal(typeof fu.medianWorkingHours, 'number');
  await manager.goto(url('/staff/reports/'));
  await manager.locator('[data-slot="followUpRate"]').filter({ hasText: /٪|%/ }).waitFor();
  assert.notEqual((await manager.locator('[data-slot="followUpTime"]').innerText()).trim(), '—');
  await assertAccessible(assert, manager, 'report with follow-up figures (ar)');

  await manager.goto(url('/staff/comments/'));
  await manager.locator('[data-feedback-body]:not([hidden])').waitFor();
  await manager.locator('#score').selectOption('1');
  await manager.locator('#hasComment').selectOption('true');
  await manager.getByRole('button', { name: 'اعرض التقييمات' }).click();
  const $row = manager.locator('[data-slot="table"] tbody tr', { hasText: comment });
  await $row.waitFor();
  assert.match(await $row.innerText(), /بلا هوية/);
  assert.equal((await manager.locator('main').innerText()).includes(anonymous.ref), false, 'no reference for an anonymous answer');
  assert.match(manager.url(), /score=1&hasComment=true/);
  await assertAccessible(assert, manager, 'feedback filtered (ar)');
  await manager.goto(url('/en/staff/comments/?score=1&hasComment=true'));
  await manager.locator('[data-slot="table"] tbody tr', { hasText: comment }).waitFor();
  assert.match(await manager.locator('[data-slot="table"] tbody tr', { hasText: comment }).innerText(), /Anonymous/);
  await assertAccessible(assert, manager, 'feedback filtered (en)');
  assert.deepEqual([...errors, ...managerErrors], []);
  await manager.close();
});
