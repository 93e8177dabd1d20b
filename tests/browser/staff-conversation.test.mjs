// The request page built around the conversation, against the local runner: a manager writes a
// saved reply (both languages, with {reference} and {name}); an employee opens a request, finds the
// newest activity on top, phones the beneficiary from a tel: link, adds an internal note through the
// composer's switch (another colour and label), then uses the saved reply — filled with the
// reference and name in the beneficiary's language — and sends it. The note never reaches
// /dev/outbox nor the public tracking page; the reply reaches both. Axe on every state, Arabic and
// English; an employee is told the saved-replies page is for managers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

const SESSION_KEY = 'mf-staff-session';
const run = Date.now().toString(36);
const TITLE_AR = `ترحيب ${run}`;
const TITLE_EN = `Welcome ${run}`;
const NOTE = `اتصلت ولم يرد؛ أعاود غدًا ${run}`;
let browser;
let manager;
let staff;

const randomMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function signIn(page, role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
}

async function register(page, overrides) {
  const token = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  const res = await page.request.post(url('/staff/requests'), {
    headers: { Authorization: `Bearer ${token}` },
    data: { category: 'inquiry', channel: 'phone', name: 'ريم القحطاني', mobile: randomMobile(), city: 'مكة المكرمة',
      description: 'تسأل عن مواعيد جلسات النطق.', preferredContact: 'sms', language: 'ar', consent: true, ...overrides },
  });
  assert.equal(res.status(), 201, await res.text());
  return (await res.json()).reference;
}

const outbox = async (page) => (await page.request.get(url('/dev/outbox'))).json();

before(async () => {
  browser = await launch();
  manager = await browser.context.newPage();
  await signIn(manager, 'manager');
});
after(async () => { await browser?.close(); });

test('a manager adds and edits a saved reply in both languages; the link is in the managers\' menu', async () => {
  const errors = trackPageErrors(manager);
  const $nav = manager.getByRole('link', { name: 'الردود الجاهزة' });
  // The header shows manager links once the console's script has the session (after the page loads).
  await $nav.waitFor({ state: 'visible', timeout: 10_000 });
  await $nav.click();
  await manager.waitForURL(/\/staff\/replies\/$/);
  await manager.locator('[data-replies-body]:not([hidden])').waitFor();
  await assertAccessible(assert, manager, 'saved replies');

  await manager.getByRole('button', { name: 'حفظ الرد الجاهز' }).click();
  await manager.locator('[data-error-summary]:not([hidden])').waitFor();
  assert.equal(await manager.locator('[data-error-summary] li').count(), 4, 'each of the four fields is required');
  await assertAccessible(assert, manager, 'saved reply with errors');

  await manager.getByLabel('العنوان بالعربية').fill(TITLE_AR);
  await manager.getByLabel('نص الرد بالعربية').fill('مرحبًا {name}، استلمنا طلبك {الرقم}.');
  await manager.getByLabel('العنوان بالإنجليزية').fill(TITLE_EN);
  await manager.getByLabel('نص الرد بالإنجليزية').fill('Hello {name}, we have your request {reference}.');
  await manager.getByRole('button', { name: 'حفظ الرد الجاهز' }).click();
  // A misspelt placeholder is refused by the server, on its field.
  await manager.locator('#textAr-error').getByText(/\{reference\}/).waitFor();
  await assertAccessible(assert, manager, 'saved reply with an unknown placeholder');

  await manager.getByLabel('نص الرد بالعربية').fill('مرحبًا {name}، استلمنا طلبك {reference} وسنتواصل معك قريبًا.');
  await manager.getByRole('button', { name: 'حفظ الرد الجاهز' }).click();
  await manager.locator('[data-message]').getByText(`حُفظ الرد الجاهز «${TITLE_AR}».`).waitFor();
  const $item = manager.locator('.mf-staff-replies__item', { hasText: TITLE_AR });
  assert.equal(await $item.count(), 1);
  await assertAccessible(assert, manager, 'saved reply added');

  // Edit it: the form takes its texts; saving replaces it (still one).
  await $item.getByRole('button', { name: `تعديل «${TITLE_AR}»` }).click();
  assert.equal(await manager.getByLabel('العنوان بالإنجليزية').inputValue(), TITLE_EN);
  await manager.getByLabel('نص الرد بالإنجليزية').fill('Hello {name}, we have your request {reference} and will call you soon.');
  await assertAccessible(assert, manager, 'editing a saved reply');
  await manager.getByRole('button', { name: 'حفظ الرد الجاهز' }).click();
  await manager.locator('[data-message]').getByText(`حُفظ الرد الجاهز «${TITLE_AR}».`).waitFor();
  assert.equal(await manager.locator('.mf-staff-replies__item', { hasText: TITLE_AR }).count(), 1, 'replaced, not duplicated');

  await manager.goto(url('/en/staff/replies/'), { waitUntil: 'networkidle' });
  await manager.locator('.mf-staff-replies__item', { hasText: TITLE_EN }).waitFor();
  assert.match(await manager.locator('.mf-staff-replies__item', { hasText: TITLE_EN }).textContent(), /will call you soon/);
  await assertAccessible(assert, manager, 'saved replies (en)');
  assert.deepEqual(errors, []);
});

test('an employee: conversation first, tel: link, an internal note, then a saved reply, filled and sent', async () => {
  staff = await browser.context.newPage();
  const errors = trackPageErrors(staff);
  await signIn(staff, 'staff');
  await staff.locator('[data-staff-user]:not([hidden])').waitFor(); // the header is filled in
  assert.ok(await staff.getByRole('link', { name: 'الردود الجاهزة' }).isHidden(), 'not in an employee\'s menu');
  const mobile = randomMobile();
  const reference = await register(staff, { mobile });
  await staff.goto(url(`/staff/request/?ref=${reference}`), { waitUntil: 'networkidle' });
  await staff.locator('[data-detail]:not([hidden])').waitFor();

  // The conversation comes before the forms, and says its order.
  const order = await staff.evaluate(() => ['#timeline-title', '#composer-title', '#facts-title', '#status-title']
    .map((s) => document.querySelector(s)).map((e, i, all) => (i === 0 ? 0 : all[i - 1].compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)));
  assert.ok(order.slice(1).every(Boolean), 'conversation, composer, then facts and status');
  assert.match(await staff.locator('#timeline-hint').textContent(), /الأحدث في الأعلى/);

  // The mobile, grouped as read aloud, is a tel: link.
  const e164 = `+966${mobile.slice(1)}`;
  const $tel = staff.locator('[data-slot="mobile"] a');
  assert.equal(await $tel.getAttribute('href'), `tel:${e164}`);
  assert.equal((await $tel.textContent()).trim(), `+966 ${mobile.slice(1, 3)} ${mobile.slice(3, 6)} ${mobile.slice(6)}`);
  // The reply option says how it will travel.
  assert.match(await staff.locator('#kind-reply-hint').textContent(), /برسالة نصية/);
  assert.match(await staff.locator('#kind-reply-hint').textContent(), new RegExp(`\\+966 ${mobile.slice(1, 3)}`));
  assert.equal(await staff.locator('[data-composer]').getAttribute('data-kind'), 'reply');
  await assertAccessible(assert, staff, 'request page, reply selected');

  // An internal note: the switch changes colour, label and button; saved replies step aside.
  await staff.getByLabel('ملاحظة داخلية', { exact: true }).check();
  assert.equal(await staff.locator('[data-composer]').getAttribute('data-kind'), 'note');
  const fills = await staff.locator('[data-composer]').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(fills, 'rgb(238, 244, 243)', 'the note has its own colour');
  assert.ok(await staff.locator('[data-saved-replies]').isHidden());
  await staff.getByRole('button', { name: 'حفظ الملاحظة الداخلية' }).click();
  await staff.locator('[data-composer-summary]:not([hidden])').waitFor();
  await assertAccessible(assert, staff, 'empty note refused');
  await staff.getByLabel('نص الملاحظة الداخلية').fill(NOTE);
  await staff.getByRole('button', { name: 'حفظ الملاحظة الداخلية' }).click();
  await staff.locator('[data-message]').getByText('تمت إضافة الملاحظة الداخلية.').waitFor();
  const $first = staff.locator('[data-slot="timeline"] li').first();
  assert.equal(await $first.getAttribute('data-type'), 'note', 'the newest entry is on top');
  assert.match(await $first.textContent(), /ملاحظة داخلية/);
  assert.ok(!(await $first.textContent()).includes('ملاحظة داخلي '), 'the adjective agrees with the noun');
  await assertAccessible(assert, staff, 'after the note');

  // The saved reply, in the beneficiary's language, filled with the reference and their name.
  await staff.getByLabel('رد على المستفيد', { exact: true }).check();
  await staff.locator('#saved-reply').selectOption({ label: TITLE_AR });
  await staff.getByRole('button', { name: 'استخدام الرد' }).click();
  const text = await staff.locator('#text').inputValue();
  assert.equal(text, `مرحبًا ريم القحطاني، استلمنا طلبك ${reference} وسنتواصل معك قريبًا.`);
  assert.ok(await staff.locator('#text').evaluate((e) => e === document.activeElement), 'focus on the text to read it');
  await assertAccessible(assert, staff, 'saved reply inserted');
  const before = (await outbox(staff)).length;
  await staff.getByRole('button', { name: 'إرسال الرد إلى المستفيد' }).click();
  await staff.locator('[data-message]').getByText(/حُفظ الرد العلني/).waitFor();
  assert.equal(await staff.locator('[data-slot="timeline"] li').first().getAttribute('data-type'), 'reply');
  await assertAccessible(assert, staff, 'after the reply');

  // The outbox: the reply goes out; the note never does.
  const deadline = Date.now() + 8000;
  let sent = [];
  while (Date.now() < deadline) {
    sent = await outbox(staff);
    if (sent.length > before && sent.some((m) => String(m.body).includes(reference) && m.message !== undefined)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(sent.length > before, 'the reply was sent');
  assert.ok(sent.every((m) => !String(m.body).includes(NOTE) && !JSON.stringify(m).includes(NOTE)), 'no note in the outbox');

  // The public tracking page: the reply, never the note.
  const visitor = await browser.context.newPage();
  await visitor.goto(url(`/track/?ref=${reference}`), { waitUntil: 'networkidle' });
  await visitor.getByLabel('آخر ٤ أرقام من رقم الجوال').fill(mobile.slice(-4));
  await visitor.getByRole('button', { name: 'عرض حالة الطلب' }).click();
  await visitor.locator('[data-slot="timeline"] li[data-type="reply"]').waitFor();
  const publicText = await visitor.locator('main').textContent();
  assert.ok(publicText.includes('استلمنا طلبك'), 'the reply is public');
  assert.ok(!publicText.includes(NOTE), 'the note is not');
  await visitor.close();
  assert.deepEqual(errors, []);
});

test('in English: the composer in both modes, a saved reply in the beneficiary\'s English, the tel: link', async () => {
  const errors = trackPageErrors(staff);
  const reference = await register(staff, { name: 'Sara Ahmed', language: 'en', preferredContact: 'whatsapp' });
  await staff.goto(url(`/en/staff/request/?ref=${reference}`), { waitUntil: 'networkidle' });
  await staff.locator('[data-detail]:not([hidden])').waitFor();
  assert.match(await staff.locator('#timeline-hint').textContent(), /Newest first/);
  assert.match(await staff.locator('#kind-reply-hint').textContent(), /on WhatsApp/);
  assert.match(await staff.locator('[data-slot="mobile"] a').getAttribute('href'), /^tel:\+9665\d{8}$/);
  await assertAccessible(assert, staff, 'request page, reply selected (en)');
  await staff.locator('#saved-reply').selectOption({ label: TITLE_EN });
  await staff.getByRole('button', { name: 'Use this reply' }).click();
  assert.equal(await staff.locator('#text').inputValue(), `Hello Sara Ahmed, we have your request ${reference} and will call you soon.`);
  await staff.getByLabel('Internal note', { exact: true }).check();
  assert.equal(await staff.getByLabel('Internal note', { exact: true }).count(), 1);
  assert.equal((await staff.locator('[data-slot="composer-submit"]').textContent()).trim(), 'Save the internal note');
  await assertAccessible(assert, staff, 'request page, note selected (en)');
  assert.deepEqual(errors, []);
});

test('an employee who opens the saved-replies page is told it is for managers; the manager deletes the reply', async () => {
  const errors = trackPageErrors(staff);
  for (const prefix of ['', '/en']) {
    await staff.goto(url(`${prefix}/staff/replies/`), { waitUntil: 'networkidle' });
    await staff.locator('[data-problem]:not([hidden])').waitFor();
    assert.ok(await staff.locator('[data-replies-body]').isHidden());
    await assertAccessible(assert, staff, `saved replies as an employee${prefix ? ' (en)' : ''}`);
  }
  assert.deepEqual(errors, []);

  await manager.goto(url('/staff/replies/'), { waitUntil: 'networkidle' });
  const $item = manager.locator('.mf-staff-replies__item', { hasText: TITLE_AR });
  await $item.waitFor();
  await $item.getByRole('button', { name: `حذف «${TITLE_AR}»` }).click();
  await $item.getByRole('button', { name: `تأكيد حذف «${TITLE_AR}»` }).click();
  await manager.locator('[data-message]').getByText(`حُذف الرد الجاهز «${TITLE_AR}».`).waitFor();
  assert.equal(await manager.locator('.mf-staff-replies__item', { hasText: TITLE_AR }).count(), 0);
  await assertAccessible(assert, manager, 'saved reply deleted');
});
