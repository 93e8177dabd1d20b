// Manager reports: the authorization matrix as the console meets it (no token 401, staff 403,
// manager 200), the staff view of the page (a clear refusal, no link), and the manager's view —
// three accessible SVG charts, each named by its heading and summary and paired with a real table,
// and CSV downloads fetched with the token and saved through a Blob URL (UTF-8 with a BOM).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SESSION_KEY = 'mf-staff-session';
async function signIn(page, role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
}
const tokenOf = (page) => page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
const MANAGER_ROUTES = ['/staff/reports/satisfaction', '/staff/reports/service', '/staff/exports/requests.csv', '/staff/exports/surveys.csv'];

test('reports and exports: 401 without a token, 403 for staff; staff see a clear refusal and no link', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  for (const route of [...MANAGER_ROUTES, '/staff/requests']) {
    const res = await page.request.get(url(route));
    assert.equal(res.status(), 401, `${route} without a token`);
    assert.equal((await res.json()).errors[0].code, 'unauthorized');
  }
  await signIn(page, 'staff');
  const token = await tokenOf(page);
  for (const route of MANAGER_ROUTES) {
    const res = await page.request.get(url(route), { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status(), 403, `${route} as staff`);
    assert.equal((await res.json()).errors[0].code, 'forbidden');
  }
  assert.equal((await page.request.get(url('/staff/requests'), { headers: { Authorization: `Bearer ${token}` } })).status(), 200);

  assert.ok((await page.locator('nav [data-role="manager"]').evaluateAll((els) => els.every((e) => e.hidden))), 'no manager links for staff');
  await page.goto(url('/staff/reports/'), { waitUntil: 'networkidle' });
  const $problem = page.locator('[data-problem]');
  await $problem.getByText('هذه الصفحة للمديرين فقط').waitFor();
  assert.ok(await $problem.evaluate((el) => el === document.activeElement), 'refusal focused');
  assert.equal(await page.locator('svg[role="img"]').count(), 0, 'no charts for staff');
  assert.ok(await page.locator('[data-reports]').isHidden());
  // the date form's display:flex once beat the hidden attribute and showed under the refusal
  assert.ok(await page.locator('[data-report-range]').isHidden(), 'no date form for staff');
  await assertAccessible(assert, page, 'reports refused to staff');
  assert.deepEqual(errors, []);
  await page.close();
});

async function checkCharts(page, state) {
  await page.locator('[data-reports]').waitFor();
  const charts = await page.locator('[data-charts] > section').evaluateAll((sections) => sections.map((s) => {
    const svg = s.querySelector('svg');
    const name = (svg?.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent.trim() ?? null);
    return {
      id: s.id,
      empty: Boolean(s.querySelector('.mf-chart__empty')),
      role: svg?.getAttribute('role') ?? null,
      name,
      bars: svg ? svg.querySelectorAll('rect, circle').length : 0,
      tableRows: s.querySelectorAll('table tbody tr').length,
      caption: s.querySelector('table caption')?.textContent.trim() ?? '',
      headers: [...s.querySelectorAll('table th[scope]')].length,
    };
  }));
  assert.deepEqual(charts.map((c) => c.id), ['chart-trend', 'chart-channels', 'chart-completion'], state);
  for (const c of charts) {
    if (c.empty) continue;
    // A trend whose every month has under 10 answers draws no line: the table and the notice stay.
    if (c.id === 'chart-trend' && c.role === null) {
      assert.ok(c.tableRows > 0 && c.caption, 'months too small to judge still have their table');
      continue;
    }
    assert.equal(c.role, 'img', `${c.id} is one image to assistive technology`);
    assert.equal(c.name.length, 2, `${c.id} named by heading + summary`);
    assert.ok(c.name.every((t) => t && t.length > 3), `${c.id} name resolves: ${c.name}`);
    assert.ok(c.tableRows > 0 && c.caption && c.headers > 0, `${c.id} has a data table`);
    assert.equal(c.bars, c.tableRows, `${c.id}: one mark per table row`);
  }
  const channels = charts.find((c) => c.id === 'chart-channels');
  assert.ok(!channels.empty, 'requests exist, so the channel mix is drawn');
  return charts;
}

test('manager: charts with data tables in Arabic and English, CSV downloads carry the token', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await signIn(page, 'manager');
  const token = await tokenOf(page);
  // At least one request in the period on any server.
  const made = await page.request.post(url('/staff/requests'), { headers: { Authorization: `Bearer ${token}` },
    data: { category: 'inquiry', channel: 'social_media', name: 'ريم السلمي', mobile: '0551234567', city: 'الطائف', description: 'استفسار عن مواعيد الدورات.', preferredContact: 'sms', language: 'ar', consent: true } });
  assert.equal(made.status(), 201);

  const $link = page.getByRole('link', { name: 'التقارير' });
  assert.ok(await $link.isVisible(), 'reports link shown to managers');
  await $link.click();
  await page.waitForURL(/\/staff\/reports\/$/);
  await checkCharts(page, 'ar');
  await page.waitForFunction(() => document.querySelector('[data-live]').textContent.length > 0); // "reports updated" announced
  assert.notEqual(await page.locator('[data-slot="requests"]').textContent(), '—');
  await assertAccessible(assert, page, 'manager reports (ar)');

  // CSV: fetched with the Authorization header, saved through a Blob URL, announced.
  const exportCall = page.waitForRequest((r) => /\/staff\/exports\/requests\.csv/.test(r.url()));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تنزيل الطلبات (CSV)' }).click();
  const [req, file] = await Promise.all([exportCall, download]);
  assert.match(req.headers().authorization ?? '', /^Bearer \S+$/);
  assert.match(new URL(req.url()).search, /from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  assert.match(file.suggestedFilename(), /\.csv$/);
  assert.match(file.url(), /^blob:/);
  const bytes = fs.readFileSync(await file.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM, so Excel shows Arabic');
  assert.ok(bytes.toString('utf8').startsWith('\uFEFFرقم الطلب,'), 'Arabic headers in the Arabic console');
  await page.locator('[data-download-status]').getByText(/تم تنزيل الملف/).waitFor();
  const surveys = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تنزيل إجابات الاستبيان (CSV)' }).click();
  const surveyBytes = fs.readFileSync(await (await surveys).path());
  assert.deepEqual([...surveyBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

  // A period with nothing in it: empty states, not broken charts.
  await page.getByLabel('من تاريخ').fill('2001-01-01');
  await page.getByLabel('إلى تاريخ').fill('2001-01-31');
  await page.getByRole('button', { name: 'تحديث التقارير' }).click();
  await page.locator('#chart-channels .mf-chart__empty').waitFor();
  assert.equal(await page.locator('[data-charts] svg').count(), 0);
  await assertAccessible(assert, page, 'manager reports, empty period');

  // A reversed period is refused before asking the server.
  await page.getByLabel('من تاريخ').fill('2026-12-31');
  await page.getByLabel('إلى تاريخ').fill('2026-01-01');
  await page.getByRole('button', { name: 'تحديث التقارير' }).click();
  await page.locator('[data-error-summary]').waitFor();
  await assertAccessible(assert, page, 'reports with a reversed period');

  // English twin, same tab (same session): charts mirror to left-to-right.
  await page.goto(url('/en/staff/reports/'), { waitUntil: 'networkidle' });
  await checkCharts(page, 'en');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  await assertAccessible(assert, page, 'manager reports (en)');
  assert.deepEqual(errors, []);
  await page.close();
});
