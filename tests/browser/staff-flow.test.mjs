// Staff console, the daily flow in Arabic: development sign-in → register a request that came by
// phone → find it in the queue → open it → received → in review → the timeline shows it; an internal
// note; a stale edit (409) explained and reloaded; an invalid session sent back to sign-in; all by
// keyboard where it matters, axe on every state. Runs against the local runner (./run, BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, assertFocusVisible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SESSION_KEY = 'mf-staff-session';
const randomMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function signIn(page, role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
}
const tokenOf = (page) => page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);

/** Registers a request through the API (as the page would), so a test owns its data on any server. */
async function createRequest(page, overrides = {}) {
  const token = await tokenOf(page);
  const res = await page.request.post(url('/staff/requests'), {
    headers: { Authorization: `Bearer ${token}` },
    data: { category: 'service', channel: 'interview', name: 'سارة العتيبي', mobile: randomMobile(), city: 'مكة المكرمة',
      description: 'تحتاج كرسيًا متحركًا.', preferredContact: 'sms', language: 'ar', consent: true, ...overrides },
  });
  assert.equal(res.status(), 201, await res.text());
  return (await res.json()).reference;
}

test('sign in as staff, register a phone request, find it, move it to in review, the timeline shows it', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });

  // A console page without a session goes to sign-in and comes back afterwards.
  await page.goto(url('/staff/queue/'), { waitUntil: 'networkidle' });
  await page.waitForURL(/\/staff\/\?/);
  assert.match(await page.locator('.mf-staff-banner').textContent(), /للتطوير والتجربة فقط/, 'development-only banner');
  await assertAccessible(assert, page, 'sign-in');

  await page.getByRole('button', { name: 'دخول (تطوير)' }).click();
  const $summary = page.locator('[data-error-summary]');
  await $summary.waitFor();
  assert.ok(await $summary.evaluate((el) => el === document.activeElement), 'no role chosen: summary focused');
  await assertAccessible(assert, page, 'sign-in without a role');

  await page.getByLabel('موظف خدمة المستفيدين').check();
  await page.getByRole('button', { name: 'دخول (تطوير)' }).click();
  await page.waitForURL(/\/staff\/queue\/$/);
  const stored = await page.evaluate((k) => ({ session: sessionStorage.getItem(k), local: localStorage.length, cookies: document.cookie }), SESSION_KEY);
  assert.ok(JSON.parse(stored.session).token, 'token in sessionStorage');
  assert.equal(stored.local, 0, 'nothing in localStorage');
  assert.equal(stored.cookies, '', 'no cookies');
  // A fresh system has an empty queue: wait for the listing to finish, not for a row.
  await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false');
  assert.match(await page.locator('[data-staff-user]').textContent(), /موظف خدمة المستفيدين/);
  assert.ok(await page.locator('[data-role="manager"]').evaluateAll((els) => els.length > 0 && els.every((e) => e.hidden)),
    'manager-only links (reports, saved replies) hidden for staff');
  await assertAccessible(assert, page, 'queue');

  // Register a request that came by phone.
  await page.getByRole('link', { name: 'تسجيل طلب' }).click();
  await page.waitForURL(/\/staff\/new\/$/);
  await page.getByRole('button', { name: 'تسجيل الطلب' }).click();
  await $summary.waitFor();
  assert.ok(await page.locator('.mf-error-summary__list a[href="#channel"]').count(), 'channel is required');
  await assertAccessible(assert, page, 'new request with errors');
  await page.getByLabel('اتصال هاتفي').check();
  await page.getByLabel('طلب خدمة أو دعم').check();
  await page.getByLabel('الاسم الكامل لمقدّم الطلب').fill('محمد الغامدي');
  await page.getByLabel('رقم الجوال').fill(randomMobile());
  await page.getByLabel('المدينة أو المحافظة').fill('جدة');
  await page.getByLabel('تفاصيل الطلب').fill('يسأل عن موعد جلسة العلاج الطبيعي.\nاتصل مرتين.');
  await page.getByLabel('رسالة نصية على الجوال').check();
  await page.getByLabel('العربية', { exact: true }).check();
  await page.getByLabel(/وافق المستفيد/).check();
  const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/staff\/requests$/.test(r.url()));
  await page.getByRole('button', { name: 'تسجيل الطلب' }).click();
  const sent = await posted;
  assert.equal(sent.postDataJSON().channel, 'phone');
  assert.match(sent.headers().authorization, /^Bearer \S+$/);
  const $done = page.getByRole('heading', { name: 'تم تسجيل الطلب' });
  await $done.waitFor();
  assert.ok(await $done.evaluate((el) => el === document.activeElement), 'focus on the confirmation');
  const reference = await page.locator('[data-reference]').getAttribute('data-reference');
  assert.match(reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await assertAccessible(assert, page, 'new request confirmation');

  // Find it in the queue by its reference, open it.
  await page.getByRole('link', { name: 'الطلبات', exact: true }).click();
  await page.waitForURL(/\/staff\/queue\/$/);
  await page.getByRole('searchbox', { name: 'بحث' }).fill(reference);
  // The queue's first page may already list the new request: wait for the search's own answer.
  const searched = page.waitForResponse((r) => /\/staff\/requests\?.*q=/.test(r.url()));
  await page.getByRole('button', { name: 'عرض النتائج' }).click();
  await searched;
  await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false');
  const $row = page.locator(`[data-results] tbody tr[data-reference="${reference}"]`);
  await $row.waitFor();
  assert.equal(await page.locator('[data-results] tbody tr').count(), 1);
  assert.equal(await $row.getAttribute('data-status'), 'received');
  assert.ok(!new URL(page.url()).search.includes(reference), 'the search text stays out of the address');
  await page.waitForFunction(() => /طلب/.test(document.querySelector('[data-live]').textContent)); // result count announced
  await $row.getByRole('link').click();
  await page.waitForURL(/\/staff\/request\/\?ref=/);
  await page.locator('[data-detail]').waitFor();
  assert.match(await page.locator('h1').textContent(), new RegExp(reference));
  assert.equal(await page.locator('[data-slot="status"]').getAttribute('data-status'), 'received');
  assert.equal(await page.locator('[data-slot="channel"]').textContent(), 'اتصال هاتفي');
  assert.ok(await page.locator('[data-slot="submitted"] .mf-staff-date__hijri').count(), 'Hijri date beside the Gregorian');
  await assertAccessible(assert, page, 'request detail');

  // Only the allowed transitions are offered; change status by keyboard.
  const offered = await page.locator('[data-slot="transitions"] input').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(offered.includes('in_review') && !offered.includes('received') && !offered.includes('completed'), `offered: ${offered}`);
  await page.getByLabel('قيد المراجعة').focus();
  await page.keyboard.press('Space');
  await assertFocusVisible(assert, page, 'status radio');
  await page.getByLabel(/ملاحظة على التغيير/).fill('راجعت البيانات مع المستفيد.');
  await page.getByRole('button', { name: 'حفظ الحالة' }).focus();
  await assertFocusVisible(assert, page, 'save status button');
  await page.keyboard.press('Enter');
  const $message = page.locator('[data-message]');
  await $message.getByText('تم تغيير الحالة إلى «قيد المراجعة»').waitFor();
  assert.ok(await $message.evaluate((el) => el === document.activeElement), 'outcome focused');
  assert.equal(await page.locator('[data-slot="status"]').getAttribute('data-status'), 'in_review');
  // Newest first: the change just made heads the conversation's status entries.
  const $last = page.locator('[data-slot="timeline"] li[data-type="status"]').first();
  assert.equal(await $last.getAttribute('data-status'), 'in_review', 'timeline shows the change');
  assert.match(await $last.textContent(), /قيد المراجعة/);
  assert.ok(await $last.locator('.mf-staff-date__hijri').count(), 'timeline entry has its Hijri date');
  await assertAccessible(assert, page, 'after status change');

  // An internal note: the composer's switch first.
  await page.getByLabel('ملاحظة داخلية', { exact: true }).check();
  await page.getByLabel('نص الملاحظة الداخلية').fill('سيُتصل بالمستفيد يوم الأحد.');
  await page.getByRole('button', { name: 'حفظ الملاحظة الداخلية' }).click();
  await $message.getByText('تمت إضافة الملاحظة الداخلية.').waitFor();
  const $note = page.locator('[data-slot="timeline"] li[data-type="note"]', { hasText: 'سيُتصل بالمستفيد يوم الأحد.' });
  assert.equal(await $note.count(), 1);
  assert.match(await $note.textContent(), /ملاحظة داخلية/);
  await assertAccessible(assert, page, 'after note');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a stale edit (409 version_conflict) is explained, the request reloaded, the typed note kept', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await signIn(page, 'staff');
  const reference = await createRequest(page);
  await page.goto(url(`/staff/request/?ref=${reference}`), { waitUntil: 'networkidle' });
  await page.locator('[data-detail]').waitFor();

  // A colleague moves it to "in review" meanwhile.
  const token = await tokenOf(page);
  const detail = await (await page.request.get(url(`/staff/requests/${reference}`), { headers: { Authorization: `Bearer ${token}` } })).json();
  const moved = await page.request.post(url(`/staff/requests/${reference}/status`), { headers: { Authorization: `Bearer ${token}` }, data: { status: 'in_review', version: detail.version } });
  assert.equal(moved.status(), 200);

  await page.getByLabel('معتذر عنه').check();
  await page.getByLabel(/ملاحظة على التغيير/).fill('نص كتبته قبل التعارض');
  const answered = page.waitForResponse((r) => r.url().endsWith(`/staff/requests/${reference}/status`));
  await page.getByRole('button', { name: 'حفظ الحالة' }).click();
  assert.equal((await answered).status(), 409);
  const $message = page.locator('[data-message]');
  await $message.getByText(/عدّل شخص آخر هذا الطلب/).waitFor();
  assert.ok(await $message.evaluate((el) => el === document.activeElement), 'conflict message focused');
  assert.equal(await page.locator('[data-slot="status"]').getAttribute('data-status'), 'in_review', 'reloaded with the latest status');
  assert.equal(await page.getByLabel(/ملاحظة على التغيير/).inputValue(), 'نص كتبته قبل التعارض', 'typed note kept');
  await assertAccessible(assert, page, 'version conflict');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an invalid token sends the employee back to sign-in, then to the page they were on', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/staff/'), { waitUntil: 'networkidle' });
  await page.evaluate((k) => sessionStorage.setItem(k, JSON.stringify({ token: 'not-a-valid-token', role: 'staff', name: 'x', expiresAt: new Date(Date.now() + 3600e3).toISOString() })), SESSION_KEY);
  await page.goto(url('/staff/queue/?status=received'));
  await page.waitForURL(/reason=expired/);
  const $notice = page.locator('[data-signin-notice]');
  await $notice.waitFor();
  assert.match(await $notice.textContent(), /انتهت جلستك/);
  assert.ok(await $notice.evaluate((el) => el === document.activeElement), 'reason focused');
  assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY), null, 'the bad token is forgotten');
  await assertAccessible(assert, page, 'sign-in after 401');
  await page.getByLabel('موظف خدمة المستفيدين').check();
  await page.getByRole('button', { name: 'دخول (تطوير)' }).click();
  await page.waitForURL(/\/staff\/queue\/\?status=received$/);
  await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false');
  assert.equal(await page.getByLabel('الحالة', { exact: true }).inputValue(), 'received', 'filters restored from the address');

  // Sign out: the token is gone and the console asks for sign-in again.
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await page.waitForURL(/reason=signedout/);
  assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY), null);
  await page.close();
});

test('the queue pages with a cursor, filters by status and orders oldest first', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await signIn(page, 'staff');
  // Enough requests for a second page (the API pages by 25).
  for (let i = 0; i < 3; i++) await createRequest(page, { channel: 'letter' });
  for (let i = 0; i < 23; i++) await createRequest(page, { channel: 'interview' });
  await page.getByLabel('القناة').selectOption('letter');
  await page.getByLabel('الترتيب').selectOption('oldest');
  const listed = page.waitForRequest((r) => /\/staff\/requests\?/.test(r.url()));
  await page.getByRole('button', { name: 'عرض النتائج' }).click();
  const q = new URL((await listed).url()).searchParams;
  assert.equal(q.get('channel'), 'letter');
  assert.equal(q.get('order'), 'oldest');
  await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false');
  const dates = await page.locator('[data-results] tbody td:nth-child(7) time').evaluateAll((els) => els.map((e) => e.dateTime));
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');
  const channels = await page.locator('[data-results] tbody td:nth-child(5)').allTextContents();
  assert.ok(channels.every((c) => c === 'خطاب'), `only letters: ${channels}`);
  assert.match(page.url(), /channel=letter/, 'filters kept in the address');

  await page.getByRole('button', { name: 'مسح التصفية' }).click();
  await page.waitForFunction(() => !location.search);
  const $next = page.getByRole('button', { name: 'الصفحة التالية' });
  await $next.waitFor();
  const firstPage = await page.locator('[data-results] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.reference));
  const paged = page.waitForRequest((r) => /cursor=/.test(r.url()));
  await $next.click();
  await paged;
  await page.getByRole('button', { name: 'الصفحة السابقة' }).waitFor();
  assert.ok(await page.locator('#results-title').evaluate((el) => el === document.activeElement), 'focus on the results heading');
  const secondPage = await page.locator('[data-results] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.reference));
  assert.ok(secondPage.length > 0 && secondPage.every((r) => !firstPage.includes(r)), 'a different page');
  await assertAccessible(assert, page, 'queue page 2');
  await page.getByRole('button', { name: 'الصفحة السابقة' }).click();
  await page.waitForFunction((first) => document.querySelector('[data-results] tbody tr')?.dataset.reference === first, firstPage[0]);
  assert.deepEqual(errors, []);
  await page.close();
});

// The policy's promise: the beneficiary hears of every change without asking. The status change an
// employee makes in the console reaches the beneficiary's phone (the local outbox shows what SNS got).
test('a status change made in the console sends the beneficiary an SMS', async () => {
  const page = await browser.context.newPage();
  const probe = await page.request.get(url('/dev/outbox'));
  assert.equal(probe.status(), 200, "the local runner's /dev/outbox shows what SNS was given");
  await signIn(page, 'staff');
  const reference = await createRequest(page, { channel: 'phone', mobile: '0550001122' });
  await page.goto(url(`/staff/request/?ref=${reference}`), { waitUntil: 'networkidle' });
  await page.locator('[data-detail]').waitFor();
  await page.getByLabel('قيد المراجعة').check();
  await page.getByRole('button', { name: 'حفظ الحالة' }).click();
  await page.locator('[data-message]').getByText('تم تغيير الحالة إلى «قيد المراجعة»').waitFor();

  const deadline = Date.now() + 5000;
  let messages = [];
  while (Date.now() < deadline) {
    const outbox = await (await page.request.get(url('/dev/outbox'))).json();
    messages = outbox.filter((m) => m.body.includes(reference));
    if (messages.length >= 2) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  assert.equal(messages.length, 2, `confirmation and status change: ${JSON.stringify(messages)}`);
  assert.equal(messages[1].channel, 'sms');
  assert.equal(messages[1].to, '+9665••••••22', 'masked in the outbox');
  assert.match(messages[1].body, /قيد المراجعة/);
  await page.close();
});
