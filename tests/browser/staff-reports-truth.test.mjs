// Reports that tell the truth (issue 16 item 6), as a manager reads them: request surveys and the
// kiosk's exit taps counted apart, the response rate (answers ÷ links sent) overall and per channel,
// "too few answers to judge" instead of a percentage for a month of 8 answers, no raw code on the
// page in either language, and the CSV in the console's language with Riyadh times and Hijri dates.
// The two months under test (February and March 2003) are written as counters straight into moto:
// no route can put answers in a past month, and a month of its own keeps the figures exact on a
// server other tests share.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, url, assertAccessible, trackPageErrors, dynamoDb, requestsTable } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const n = (v) => ({ N: String(v) });
async function counters() {
  const table = await requestsTable();
  const put = (pk, sk, values) => dynamoDb('PutItem', {
    TableName: table,
    Item: { PK: { S: pk }, SK: { S: sk }, entity: { S: 'survey-tally' }, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, n(v)])) },
  });
  // February: 8 answers to request surveys (6 satisfied), 30 exit taps, 20 links sent, 8 answered.
  await put('SURVEYAGG#2003-02', 'Q#overall#CH#web#CAT#service', { s1: 1, s3: 1, s4: 3, s5: 3 });
  await put('SURVEYAGG#2003-02', 'Q#overall#CH#kiosk#CAT#none', { s4: 20, s5: 10 });
  await put('SURVEYAGG#2003-02', 'SENT#CH#web', { sent: 20, answered: 8 });
  // March: 12 answers (10 satisfied), 30 links sent by phone, 12 answered.
  await put('SURVEYAGG#2003-03', 'Q#overall#CH#phone#CAT#inquiry', { s2: 2, s4: 1, s5: 9 });
  await put('SURVEYAGG#2003-03', 'SENT#CH#phone', { sent: 30, answered: 12 });
}

async function signIn(page, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator('input[name="role"][value="manager"]').check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
}

async function showPeriod(page, from, to) {
  // the page loads the last year first; a submit while that load runs is ignored, so wait for it
  await page.locator('[data-reports]').waitFor();
  await page.locator('#from').fill(from);
  await page.locator('#to').fill(to);
  const loaded = page.waitForResponse((r) => r.url().includes(`/staff/reports/satisfaction?from=${from}&to=${to}`));
  await page.locator('[data-report-range] [type="submit"]').click();
  await loaded;
  await page.waitForFunction(() => document.querySelector('[data-report-range]').getAttribute('aria-busy') !== 'true'
    && !document.querySelector('[data-reports]').hidden);
}

// Intl's Arabic percent carries an Arabic letter mark (U+061C) for bidi; compare the visible text.
const plain = (t) => t.replace(/[\u061C\u200E\u200F]/g, '').trim();
const slot = async (page, name) => plain(await page.locator(`[data-slot="${name}"]`).innerText());
const rows = async (page, selector) => (await page.locator(`${selector} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent))))
  .map((r) => r.map(plain));
/** Everything the report wrote on the page from the API's data (figures, charts, tables). */
const reportText = (page) => page.evaluate(() => [...document.querySelectorAll('[data-slot]:not([data-slot="deliveries"]), [data-charts]')]
  .map((e) => e.textContent).join('\n'));

test('satisfaction: request surveys and kiosk taps apart, response rate, too few answers named as such', async () => {
  await counters();
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await signIn(page);
  await page.goto(url('/staff/reports/'), { waitUntil: 'networkidle' });
  await showPeriod(page, '2003-02-01', '2003-03-31');

  // The API's contract: responses are request-survey answers only; taps and rate beside them.
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('mf-staff-session')).token);
  const api = await (await page.request.get(url('/staff/reports/satisfaction?from=2003-02-01&to=2003-03-31'), { headers: { Authorization: `Bearer ${token}` } })).json();
  assert.equal(api.responses, 20);
  assert.equal(api.kioskResponses, 30);
  assert.equal(api.responseRate, 0.4);
  assert.deepEqual(api.byMonth.map((m) => [m.month, m.responses, m.enoughResponses, m.responseRate]),
    [['2003-02', 8, false, 0.4], ['2003-03', 12, true, 0.4]]);

  assert.equal(await slot(page, 'responses'), '٢٠');
  assert.equal(await slot(page, 'csat'), '٨٠٪');
  assert.match(await slot(page, 'responseRate'), /^٤٠٪/);
  assert.match(await slot(page, 'responseRate'), /من ٥٠ من روابط الاستبيان المرسلة/);
  assert.match(await slot(page, 'kiosk'), /^٣٠/, 'exit taps counted apart');

  // February's 8 answers: the notice, never "75 %"; March's 12: a percentage, and the only point drawn.
  const trend = await rows(page, '#chart-trend');
  assert.equal(trend.length, 2);
  assert.equal(trend[0][2], 'الإجابات أقل من أن يُحكم بها (٨ من ١٠ على الأقل)');
  assert.ok(!trend.flat().includes('٧٥٪'));
  assert.equal(trend[1][2], '٨٣٪');
  assert.deepEqual(trend.map((r) => r[4]), ['٤٠٪', '٤٠٪'], 'response rate per month');
  assert.equal(await page.locator('#chart-trend svg circle').count(), 1, 'only the month with enough answers is plotted');

  // Per channel: the web's 8 answers too few, with its rate; the kiosk's taps are not a channel row.
  const byChannel = await rows(page, '[data-slot="satByChannel"]');
  assert.deepEqual(byChannel.map((r) => r[0]), ['الموقع الإلكتروني', 'اتصال هاتفي']);
  assert.deepEqual(byChannel[0].slice(1), ['٨', 'الإجابات أقل من أن يُحكم بها (٨ من ١٠ على الأقل)', '٢٠', '٤٠٪']);
  assert.deepEqual(byChannel[1].slice(1), ['١٢', '٨٣٪', '٣٠', '٤٠٪']);

  // Charts take the width, the table beside them.
  await page.setViewportSize({ width: 1366, height: 768 });
  const [chart, table] = await page.locator('#chart-trend .mf-chart__body > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(Math.abs(chart.top - table.top) < 2, 'table beside the chart at 1366 px');
  assert.ok(chart.width > 600, `chart ${chart.width}px wide`);

  assert.deepEqual((await reportText(page)).match(/.{0,30}[A-Za-z_<>].{0,30}/g), null, 'no code or English word in the Arabic report');
  await assertAccessible(assert, page, 'reports with a small month (ar)');

  await page.goto(url('/en/staff/reports/'), { waitUntil: 'networkidle' });
  await showPeriod(page, '2003-02-01', '2003-03-31');
  const en = await rows(page, '#chart-trend');
  assert.equal(en[0][2], 'Too few answers to judge (8 of at least 10)');
  assert.match(await slot(page, 'responseRate'), /^40%/);
  assert.doesNotMatch(await reportText(page), /_|[<>]\s?\d|\d+-\d+h/, 'no raw code in the English report');
  await assertAccessible(assert, page, 'reports with a small month (en)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('every label translated on a period with completed requests; CSV headers in the console language', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await signIn(page);
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('mf-staff-session')).token);
  const auth = { Authorization: `Bearer ${token}` };
  // One request completed now, so the completion buckets have a row to name.
  const made = await page.request.post(url('/staff/requests'), { headers: auth,
    data: { category: 'inquiry', channel: 'phone', name: 'هند السلمي', mobile: '0551239876', city: 'جدة', description: 'استفسار عن مواعيد الدورات.', preferredContact: 'sms', language: 'ar', consent: true } });
  assert.equal(made.status(), 201);
  const { reference } = await made.json();
  let version = 1;
  for (const status of ['in_review', 'in_progress', 'completed']) {
    const moved = await page.request.post(url(`/staff/requests/${encodeURIComponent(reference)}/status`), { headers: auth, data: { status, version: version++ } });
    assert.equal(moved.status(), 200, await moved.text());
  }
  await page.goto(url('/staff/reports/'), { waitUntil: 'networkidle' });
  await page.locator('[data-reports]').waitFor();
  await page.locator('#chart-completion table').waitFor();
  const text = await reportText(page);
  assert.match(text, /أقل من ساعة/, 'the first completion bucket by its name');
  assert.deepEqual(text.match(/.{0,30}[A-Za-z_<>].{0,30}/g), null, 'no raw code (<1h, 16-24h, social_media…) in the Arabic report');

  const download = page.waitForEvent('download');
  const call = page.waitForRequest((r) => /\/staff\/exports\/requests\.csv/.test(r.url()));
  await page.getByRole('button', { name: 'تنزيل الطلبات (CSV)' }).click();
  assert.equal(new URL((await call).url()).searchParams.get('lang'), 'ar');
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
  assert.match(header, /^رقم الطلب,تاريخ الاستلام \(بتوقيت الرياض\),تاريخ الاستلام \(هجري\),نوع الطلب,/);
  const ours = lines.find((l) => l.includes(reference));
  assert.ok(ours, `${reference} in the CSV`);
  const riyadhNow = new Date(Date.now() + 3 * 3600e3).toISOString().slice(0, 10);
  assert.match(ours, new RegExp(`,${riyadhNow} \\d{2}:\\d{2},14\\d\\d-\\d\\d-\\d\\d,استفسار,اتصال هاتفي,مكتمل`), 'Riyadh time, Hijri date, Arabic names');

  await page.goto(url('/en/staff/reports/'), { waitUntil: 'networkidle' });
  await page.locator('#chart-completion table').waitFor();
  assert.doesNotMatch(await reportText(page), /_|[<>]\s?\d|\d+-\d+h/, 'no raw code in the English report');
  const enDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /survey answers/i }).click();
  const surveys = fs.readFileSync(await (await enDownload).path(), 'utf8');
  assert.match(surveys, /^\uFEFFMonth,Channel,Type of request,Question,/);
  await assertAccessible(assert, page, 'reports with completed requests (en)');
  assert.deepEqual(errors, []);
  await page.close();
});
