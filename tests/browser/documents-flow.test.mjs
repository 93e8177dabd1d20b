// Documents and replies, the whole loop against ./run (the local runner with moto's S3): staff ask
// for a document and write a public reply → the beneficiary finds the request on /track/, uploads the
// document (the bytes go from the browser straight to the emulator's S3 through the presigned URL,
// with a real progress bar under a throttled upload) and sends a message → the request is back in the
// employee's queue, and staff open the file and get exactly the bytes that were sent. axe on every
// new state. Runs against the local runner (./run --port N).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SESSION_KEY = 'mf-staff-session';
const tokenOf = (page) => page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);

/** A small but real PDF (header, one object, EOF) padded to `size` bytes. */
function pdf(size) {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ');
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(size - head.length - tail.length, 0x41);
  return Buffer.concat([head, body, tail]);
}

test('staff ask for a document → the beneficiary uploads it from /track/ with a progress bar → staff open it', async () => {
  const mobile = `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const last4 = mobile.slice(-4);
  const file = pdf(1_500_000);

  // ---- Staff: sign in, register the request, ask for the document.
  const staff = await browser.context.newPage();
  const staffErrors = trackPageErrors(staff);
  await staff.goto(url('/staff/'), { waitUntil: 'networkidle' });
  await staff.locator('input[name="role"][value="staff"]').check();
  await staff.locator('[data-staff-signin] [type="submit"]').click();
  await staff.waitForURL(/\/staff\/queue\/$/);
  const token = await tokenOf(staff);
  const created = await staff.request.post(url('/staff/requests'), {
    headers: { Authorization: `Bearer ${token}` },
    data: { category: 'service', channel: 'interview', name: 'سارة العتيبي', mobile, city: 'مكة المكرمة',
      description: 'تحتاج كرسيًا متحركًا.', preferredContact: 'sms', language: 'ar', consent: true },
  });
  assert.equal(created.status(), 201, await created.text());
  const reference = (await created.json()).reference;

  await staff.goto(url(`/staff/request/?ref=${reference}`), { waitUntil: 'networkidle' });
  await staff.locator('[data-detail]').waitFor();
  await staff.locator('[data-slot="documents"] li').first().waitFor();
  assert.match(await staff.locator('[data-slot="documents"]').textContent(), /لا توجد مستندات/);
  await assertAccessible(assert, staff, 'request detail with the reply and documents panels');
  for (const status of ['قيد المراجعة', 'بانتظار استكمال من المستفيد']) {
    await staff.getByLabel(status).check();
    await staff.getByRole('button', { name: 'حفظ الحالة' }).click();
    await staff.locator('[data-message]').getByText(`تم تغيير الحالة إلى «${status}»`).waitFor();
  }
  assert.equal(await staff.locator('[data-slot="status"]').getAttribute('data-status'), 'waiting_for_beneficiary');

  // A public reply, distinct from the internal note.
  const replyText = 'نحتاج صورة التقرير الطبي الحديث. أرسلها من صفحة متابعة الطلب.';
  await staff.getByRole('button', { name: 'إرسال الرد إلى المستفيد' }).click();
  await staff.locator('[data-composer-summary]:not([hidden])').waitFor();
  await assertAccessible(assert, staff, 'empty reply refused');
  await staff.getByLabel('نص الرد على المستفيد').fill(replyText);
  await staff.getByRole('button', { name: 'إرسال الرد إلى المستفيد' }).click();
  await staff.locator('[data-message]').getByText(/حُفظ الرد العلني/).waitFor();
  const $reply = staff.locator('[data-slot="timeline"] li[data-type="reply"]');
  assert.equal(await $reply.count(), 1);
  assert.match(await $reply.textContent(), /يراه المستفيد/);
  await assertAccessible(assert, staff, 'after the public reply');

  // ---- Beneficiary: find the request, read the reply, upload the document.
  const visitor = await browser.context.newPage();
  const visitorErrors = trackPageErrors(visitor);
  await visitor.goto(url(`/track/?ref=${reference}`), { waitUntil: 'networkidle' });
  await visitor.getByLabel('آخر ٤ أرقام من رقم الجوال').fill(last4);
  await visitor.getByRole('button', { name: 'عرض حالة الطلب' }).click();
  await visitor.locator('[data-result]').waitFor();
  const $section = visitor.locator('[data-module="track-reply"]');
  await $section.waitFor();
  const $publicReply = visitor.locator('[data-slot="timeline"] li[data-type="reply"]');
  assert.match(await $publicReply.textContent(), /نحتاج صورة التقرير الطبي الحديث/, 'the reply is in the public timeline');
  assert.equal(await visitor.locator('[data-slot="timeline"]').getByText('ملاحظة').count(), 0, 'no internal note leaks');
  assert.match(await visitor.locator('[data-slot="documents"]').textContent(), /لم ترسل مستندات بعد/);
  const $camera = visitor.getByLabel('أو صوّر المستند بكاميرا الجوال');
  assert.equal(await $camera.getAttribute('capture'), 'environment');
  assert.equal(await visitor.getByLabel('اختر ملفًا من جهازك').getAttribute('accept'), 'application/pdf,image/jpeg,image/png');
  await assertAccessible(assert, visitor, 'tracking result with the reply form');

  // Nothing chosen: a clear refusal, focus on the file control.
  await visitor.getByRole('button', { name: 'إرسال المستند' }).click();
  await visitor.locator('[data-upload-error]').getByText('اختر ملفًا أو صوّر المستند أولًا.').waitFor();
  await assertAccessible(assert, visitor, 'upload without a file');

  // A slow connection (≈ 400 KB/s up), so the progress bar has something to show.
  const cdp = await visitor.context().newCDPSession(visitor);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
  await visitor.evaluate(() => {
    window.__progress = [];
    window.__announced = [];
    const $bar = document.querySelector('#doc-progress');
    new MutationObserver(() => window.__progress.push(Number($bar.value))).observe($bar, { attributes: true });
    const $status = document.querySelector('[data-upload-status]');
    new MutationObserver(() => window.__announced.push($status.textContent)).observe($status, { childList: true, characterData: true, subtree: true });
  });
  await visitor.getByLabel('اختر ملفًا من جهازك').setInputFiles({ name: 'تقرير طبي.pdf', mimeType: 'application/pdf', buffer: file });
  const put = visitor.waitForRequest((r) => r.method() === 'PUT');
  await visitor.getByRole('button', { name: 'إرسال المستند' }).click();
  const putRequest = await put;
  assert.notEqual(new URL(putRequest.url()).origin, new URL(url('/')).origin, 'the bytes go to the store, not the site or API');
  assert.match(new URL(putRequest.url()).pathname, new RegExp(`/requests/${reference.replace('-', '')}/[0-9a-f]{32}$`));
  await visitor.locator('[data-progress]').waitFor();
  await assertAccessible(assert, visitor, 'upload in progress');
  await visitor.locator('[data-upload-status]').getByText('وصلنا المستند تقرير طبي.pdf. شكرًا لك.').waitFor({ timeout: 30000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const progress = await visitor.evaluate(() => window.__progress);
  assert.ok(progress.some((v) => v > 0 && v < 100), `the bar moved through intermediate values: ${progress}`);
  assert.equal(await visitor.locator('#doc-progress').evaluate((el) => el.value), 100);
  const announced = await visitor.evaluate(() => window.__announced);
  assert.ok(announced.some((t) => /جارٍ رفع تقرير طبي\.pdf/.test(t)), `progress announced: ${announced}`);
  await visitor.locator('[data-slot="documents"]').getByText('تقرير طبي.pdf').waitFor();
  await visitor.locator('[data-slot="timeline"] li[data-type="document"]').waitFor();
  await assertAccessible(assert, visitor, 'document received');

  // And a message to the employee.
  await visitor.getByLabel('رسالتك').fill('أرسلت التقرير، وأستطيع إرسال صورة الهوية إن لزم.');
  await visitor.getByRole('button', { name: 'إرسال الرسالة' }).click();
  await visitor.locator('[data-message-status]').getByText(/وصلتنا رسالتك/).waitFor();
  await visitor.locator('[data-slot="timeline"] li[data-type="message"]').waitFor();
  await assertAccessible(assert, visitor, 'message sent');

  // ---- Staff: the request is back in the queue; open the document and get its bytes.
  await staff.reload({ waitUntil: 'networkidle' });
  await staff.locator('[data-detail]').waitFor();
  assert.equal(await staff.locator('[data-slot="status"]').getAttribute('data-status'), 'in_review', 'back to the employee');
  assert.equal(await staff.locator('[data-slot="timeline"] li[data-type="message"]').count(), 1);
  const $open = staff.getByRole('button', { name: 'فتح تقرير طبي.pdf' });
  await $open.waitFor();
  await assertAccessible(assert, staff, 'request detail with the document');
  await $open.click();
  const $link = staff.getByRole('link', { name: /تنزيل تقرير طبي\.pdf/ });
  await $link.waitFor();
  assert.ok(await $link.evaluate((el) => el === document.activeElement), 'focus on the new link');
  const href = await $link.getAttribute('href');
  assert.match(href, /X-Amz-Expires=300/);
  const download = await staff.request.get(href);
  assert.equal(download.status(), 200);
  assert.ok(Buffer.compare(await download.body(), file) === 0, 'staff get exactly the bytes the beneficiary sent');
  await assertAccessible(assert, staff, 'document link ready');

  // Another reference's number cannot open it.
  const other = await staff.request.post(url('/staff/requests'), {
    headers: { Authorization: `Bearer ${token}` },
    data: { category: 'inquiry', channel: 'phone', name: 'محمد الغامدي', mobile: `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      city: 'جدة', description: 'استفسار.', preferredContact: 'sms', language: 'ar', consent: true },
  });
  const otherRef = (await other.json()).reference;
  const documentId = await staff.locator('[data-slot="documents"] li[data-document-id]').getAttribute('data-document-id');
  const borrowed = await staff.request.get(url(`/staff/requests/${otherRef}/documents/${documentId}`), { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(borrowed.status(), 404);

  // The English tracking page shows the same conversation, in English, and passes axe too.
  await visitor.goto(url(`/en/track/?ref=${reference}`), { waitUntil: 'networkidle' });
  await visitor.getByLabel('Last 4 digits of the mobile number').fill(last4);
  await visitor.getByRole('button', { name: 'Show status' }).click();
  await visitor.locator('[data-module="track-reply"]').waitFor();
  assert.match(await visitor.locator('[data-slot="timeline"] li[data-type="reply"]').textContent(), /Reply from the association/);
  await visitor.getByRole('heading', { name: 'Documents you sent' }).waitFor();
  await visitor.locator('[data-slot="documents"]').getByText('تقرير طبي.pdf').waitFor();
  await assertAccessible(assert, visitor, 'English tracking result with the reply form');

  assert.deepEqual(staffErrors, []);
  assert.deepEqual(visitorErrors, []);
  await staff.close();
  await visitor.close();
});
