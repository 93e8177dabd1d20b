// What staff see of message delivery, against the local runner: a request whose status message did
// not reach the beneficiary is flagged "not reached" in the queue (visible, in the row header, and
// said with the results), its page shows the flag with the number to phone and lists every message
// with its state, and the service report has the delivery table by channel and provider. Axe on each
// state, in Arabic and English.
//
// How the failure is made: the request is registered and moved to "in review" through the API, so
// the real notifier sends both messages through the Unifonic stand-in. The mobile ends in 0002, the
// stand-in's "accepted, then undeliverable" number: it posts a delivery report saying Undeliverable to
// the receipts webhook, as Unifonic would, and the receipts function settles the leg, counts it and
// flags the request. The test waits for that, then reads what staff see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

let browser;
let page;
let token;
let reference;
let mobile;
let REASON;

const signIn = async (prefix = '') => {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator('input[name="role"][value="manager"]').check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
};
const api = async (method, path, data) => {
  const res = await page.request.fetch(url(path), { method, headers: { Authorization: `Bearer ${token}` }, data });
  return { status: res.status(), body: await res.json() };
};

/** The request as staff read it once the provider's report on version {@code version} has been applied. */
async function settledByTheProvider(version) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { body } = await api('GET', `/staff/requests/${reference}`);
    const legs = (body.deliveries ?? []).filter((d) => d.kind === 'status');
    if (body.notReached && legs.at(-1)?.state === 'failed') return body;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no failed delivery report for ${reference} v${version} within 20 s`);
}

let failedLeg;
let failedProviderLabel;
before(async () => {
  browser = await launch();
  page = await browser.context.newPage(); // one tab: the session lives in its sessionStorage
  await signIn();
  token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('mf-staff-session')).token);
  mobile = `05${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}0002`;
  const made = await api('POST', '/staff/requests', { category: 'service', channel: 'phone', name: 'نورة القحطاني', mobile,
    city: 'مكة المكرمة', description: 'تسأل عن موعد صرف المساعدة.', preferredContact: 'sms', language: 'ar', consent: true });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  reference = made.body.reference;
  const moved = await api('POST', `/staff/requests/${reference}/status`, { status: 'in_review', version: 1 });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  const settled = await settledByTheProvider(2);
  failedLeg = settled.deliveries.at(-1);
  REASON = failedLeg.reason;
  failedProviderLabel = failedLeg.providerLabel;
});
after(async () => { await browser?.close(); });

test('the API carries the deliveries and the flag (the contract the page reads)', async () => {
  const { status, body } = await api('GET', `/staff/requests/${reference}`);
  assert.equal(status, 200);
  assert.equal(body.notReached, true);
  assert.deepEqual(body.deliveries.map((d) => [d.kind, d.channel, d.state]), [['received', 'sms', body.deliveries[0].state], ['status', 'sms', 'failed']]);
  assert.equal(body.deliveries[1].provider, failedLeg.provider);
  assert.equal(body.deliveries[1].reason, REASON);
  for (const d of body.deliveries) assert.ok(d.at && d.kindLabel.ar && d.stateLabel.en && d.providerLabel.ar, JSON.stringify(d));
  const queue = await api('GET', '/staff/requests?status=in_review');
  assert.equal(queue.body.items.find((r) => r.reference === reference)?.notReached, true, 'flag on the queue row');
});

test('the queue flags the request "not reached", in its row header and in the announced results (ar, en)', async () => {
  const errors = trackPageErrors(page);
  for (const [prefix, flag, said] of [['', 'لم يصل إليه', /لم تصل إليه/], ['/en', 'Beneficiary not reached', /not reached by the latest message/]]) {
    await page.goto(url(`${prefix}/staff/queue/?status=in_review`), { waitUntil: 'networkidle' });
    const $row = page.locator(`[data-results] tbody tr[data-reference="${reference}"]`);
    await $row.waitFor();
    const $flag = $row.locator('th .mf-staff-flag--unreached');
    assert.equal((await $flag.textContent()).trim(), flag);
    assert.ok(await $flag.isVisible(), 'visible');
    // Not colour alone: the words are the flag; its border is solid where the duplicate flag's is dashed.
    assert.equal(await $flag.evaluate((el) => getComputedStyle(el).borderInlineStartStyle), 'solid');
    // The link keeps the reference as its name; the flag is part of the row header a screen reader repeats.
    assert.equal((await $row.getByRole('link').textContent()).trim(), reference);
    assert.match(await $row.locator('th').evaluate((th) => th.textContent), new RegExp(flag));
    await page.waitForFunction(() => document.querySelector('[data-live]').textContent.length > 0);
    assert.match(await page.locator('[data-live]').textContent(), said);
    await assertAccessible(assert, page, `queue with a not-reached request${prefix ? ' (en)' : ''}`);
  }
  assert.deepEqual(errors, []);
});

test('the request page shows the flag with the number to phone, and every message with its state (ar, en)', async () => {
  const errors = trackPageErrors(page);
  const e164 = `+966${mobile.slice(1)}`;
  for (const [prefix, words] of [['', { flag: 'لم يصل إليه', received: 'تأكيد استلام الطلب', status: 'تحديث حالة الطلب', failed: 'لم تصل', sms: 'رسالة نصية' }],
    ['/en', { flag: 'Beneficiary not reached', received: 'Confirmation of receipt', status: 'Status update', failed: 'Not delivered', sms: 'Text message' }]]) {
    await page.goto(url(`${prefix}/staff/request/?ref=${reference}`), { waitUntil: 'networkidle' });
    await page.locator('[data-detail]:not([hidden])').waitFor();
    const $box = page.locator('[data-slot="not-reached"]');
    assert.ok(await $box.isVisible(), 'the not-reached box is shown');
    assert.match(await $box.textContent(), new RegExp(words.flag));
    const $call = $box.getByRole('link');
    assert.equal(await $call.getAttribute('href'), `tel:${e164}`);
    // grouped as it is read aloud: +966 5x xxx xxxx
    assert.equal((await $call.textContent()).trim(), `+966 ${mobile.slice(1, 3)} ${mobile.slice(3, 6)} ${mobile.slice(6)}`);
    assert.equal(await $call.locator('bdi').getAttribute('dir'), 'ltr', 'the number reads left to right inside Arabic');

    const $table = page.locator('[data-slot="deliveries"] table');
    assert.ok(await $table.isVisible());
    assert.ok((await $table.locator('caption').textContent()).trim().length > 0, 'captioned');
    assert.equal(await $table.locator('thead th[scope="col"]').count(), 6);
    const rows = await $table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      header: tr.querySelector('th[scope="row"]')?.textContent.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
      time: tr.querySelector('time')?.getAttribute('datetime'),
    })));
    assert.deepEqual(rows.map((r) => r.header), [words.received, words.status], 'oldest first, by what each was for');
    const failed = rows[1];
    assert.equal(failed.cells[0], words.sms);
    assert.match(failed.cells[2], new RegExp(words.failed), 'the state in words');
    assert.ok(failed.cells[2].includes('✗'), 'and a glyph beside it, for sighted readers');
    assert.equal(failed.cells[4], REASON, 'the provider’s reason where it failed');
    // The confirmation went to the same undeliverable number: its reason shows only if it failed too.
    const [confirmation] = (await api('GET', `/staff/requests/${reference}`)).body.deliveries;
    if (confirmation.state === 'failed') assert.equal(rows[0].cells[4], confirmation.reason, 'its own reason');
    else assert.notEqual(rows[0].cells[4], REASON, 'no reason on a message that did not fail');
    assert.ok(failed.time, 'a machine-readable time');
    // Riyadh time (UTC+3), not the browser's zone or UTC: the shown time is the receipt's instant
    // formatted for Asia/Riyadh by the browser's own Intl, and it differs from the UTC wording.
    const shown = await $table.locator('tbody tr').nth(1).locator('time').textContent();
    const [inRiyadh, inUtc] = await page.evaluate((iso) => ['Asia/Riyadh', 'UTC'].map((timeZone) => new Intl.DateTimeFormat(
      `${document.documentElement.lang === 'en' ? 'en-GB' : 'ar-SA'}-u-ca-gregory`, { dateStyle: 'medium', timeStyle: 'short', timeZone })
      .format(new Date(iso))), failed.time);
    assert.equal(shown, inRiyadh);
    assert.notEqual(shown, inUtc);
    await assertAccessible(assert, page, `request page with a failed message${prefix ? ' (en)' : ''}`);
  }
  assert.deepEqual(errors, []);
});

test('the service report shows message delivery by channel and provider in a real table (ar, en)', async () => {
  const errors = trackPageErrors(page);
  for (const [prefix, caption, headers] of [
    ['', 'وصول الرسائل حسب القناة ومزوّد الخدمة', ['القناة', 'مزوّد الخدمة', 'أُرسلت', 'وصلت', 'لم تصل', 'نسبة الوصول']],
    ['/en', 'Message delivery by channel and provider', ['Channel', 'Provider', 'Sent', 'Delivered', 'Not delivered', 'Delivery rate']]]) {
    await page.goto(url(`${prefix}/staff/reports/`), { waitUntil: 'networkidle' });
    await page.locator('[data-reports]:not([hidden])').waitFor();
    const $section = page.getByRole('region', { name: prefix ? 'Message delivery' : 'وصول الرسائل' });
    const $table = $section.locator('table');
    assert.equal((await $table.locator('caption').textContent()).trim(), caption);
    assert.deepEqual(await $table.locator('thead th[scope="col"]').allTextContents(), headers);
    const rows = await $table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      headers: [...tr.querySelectorAll('th[scope="row"]')].map((th) => th.textContent.trim()),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    })));
    assert.ok(rows.length >= 1, 'a row per channel and provider that sent');
    assert.ok(rows.every((r) => r.headers.length === 2 && r.cells.length === 4), 'channel and provider head each row');
    const sms = rows.find((r) => r.headers[0] === (prefix ? 'Text message' : 'رسالة نصية')
      && r.headers[1] === failedProviderLabel[prefix ? 'en' : 'ar']);
    assert.ok(sms, `an SMS row: ${JSON.stringify(rows)}`);
    const digits = (t) => Number(t.replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d)).replace(/[^0-9]/g, ''));
    assert.ok(digits(sms.cells[0]) >= 2, `this test's two messages were sent: ${sms.cells[0]}`);
    assert.ok(digits(sms.cells[2]) >= 1, `and one failed: ${sms.cells[2]}`);
    assert.match(sms.cells[3], /%|٪/, 'the rate as a percentage');
    await assertAccessible(assert, page, `service report with message delivery${prefix ? ' (en)' : ''}`);
  }
  assert.deepEqual(errors, []);
});
