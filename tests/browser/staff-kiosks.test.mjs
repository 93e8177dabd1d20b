// Lobby kiosks in the staff console (/staff/tablets/, managers; the API is /staff/kiosks), both languages: a manager registers
// the reception's tablet by keyboard, reads its address, opens it as the tablet would, taps a face
// and the satisfaction report counts that tap once; retiring it (two steps) stops the counting and
// keeps it listed as retired; an employee is told the page is for managers and the API refuses them.
// Axe on every state. Runs against the local runner (./run, BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { launch, url, assertAccessible, assertFocusVisible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch({ touch: true }); });
after(async () => { await browser?.close(); });

const SESSION_KEY = 'mf-staff-session';

async function signIn(page, role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
}
const tokenOf = (page) => page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);

async function kioskTaps(page) {
  const res = await page.request.get(url('/staff/reports/satisfaction'), { headers: { Authorization: `Bearer ${await tokenOf(page)}` } });
  assert.equal(res.status(), 200);
  return (await res.json()).kioskResponses;
}

const TEXT = {
  ar: { nav: 'أجهزة الاستقبال', field: 'مكان الجهاز', register: 'سجّل الجهاز', registered: /سُجّل الجهاز/, active: 'قيد الاستخدام',
    retire: (l) => `إيقاف «${l}»`, confirm: (l) => `تأكيد: إيقاف «${l}»؛ لن تُحتسب إجاباته`, retiredTag: 'موقوف', required: /./, forbidden: /للمديرين/ },
  en: { nav: 'Lobby kiosks', field: 'Where the tablet stands', register: 'Register the tablet', registered: /registered/, active: 'In use',
    retire: (l) => `Retire “${l}”`, confirm: (l) => `Confirm: retire “${l}”; its answers stop counting`, retiredTag: 'Retired', required: /./, forbidden: /managers/ },
};

for (const lang of ['ar', 'en']) {
  const prefix = lang === 'en' ? '/en' : '';
  const t = TEXT[lang];
  test(`${lang}: a manager registers a tablet, its address counts one tap per tap, retiring it stops the counting (axe)`, async () => {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    await signIn(page, 'manager', prefix);
    await page.getByRole('link', { name: t.nav }).click();
    await page.waitForURL(/\/staff\/tablets\/$/);
    await page.locator('[data-kiosks-body]:not([hidden])').waitFor();
    await assertAccessible(assert, page, `${lang} kiosks page`);

    // Nothing typed: the error summary takes focus and links to the field.
    await page.getByRole('button', { name: t.register }).click();
    await page.locator('[data-error-summary]:not([hidden])').waitFor();
    assert.ok(await page.locator('[data-error-summary]').evaluate((e) => e === document.activeElement), 'summary focused');
    assert.equal(await page.locator('#label').getAttribute('aria-invalid'), 'true');
    await assertAccessible(assert, page, `${lang} kiosks: label missing`);

    // By keyboard: type the place, Enter registers. The label is shown as typed (text, never markup).
    const label = `Reception <b>${crypto.randomBytes(2).toString('hex')}</b>`;
    await page.getByLabel(t.field).focus();
    await assertFocusVisible(assert, page, `${lang} kiosk label field`);
    await page.keyboard.type(label);
    await page.keyboard.press('Enter');
    const $message = page.locator('[data-message]:not([hidden])');
    await $message.waitFor();
    assert.match(await $message.innerText(), t.registered);
    const address = (await $message.locator('bdi').innerText()).trim();
    const expected = new RegExp(`^${url(prefix).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/kiosk/feedback/\\?kiosk=[A-Za-z0-9_-]{22}$`);
    assert.match(address, expected, 'the exact address to open on the tablet, in this language');
    const $item = page.locator('[data-slot="list"] li', { hasText: label });
    assert.equal(await $item.locator('h3').innerText(), label);
    assert.equal(await $item.locator('h3 b').count(), 0, 'typed text, not markup');
    assert.equal(await $item.locator('.mf-staff-tag').innerText(), t.active);
    assert.deepEqual(await $item.locator('code').allInnerTexts(), [address.replace('/en/kiosk/', '/kiosk/'), address.replace(/\/(en\/)?kiosk\//, '/en/kiosk/')]);
    await assertAccessible(assert, page, `${lang} kiosks: registered`);

    // The tablet opens the address: faces, a tap, the glad thank-you; the report counts it once.
    const before = await kioskTaps(page);
    const tablet = await browser.context.newPage();
    await tablet.goto(address, { waitUntil: 'networkidle' });
    await tablet.locator('[data-screen="ask"]').waitFor();
    const answered = tablet.waitForResponse((r) => new URL(r.url()).pathname === '/feedback');
    await tablet.locator('[data-score="4"]').tap();
    assert.equal((await answered).status(), 202);
    await tablet.locator('[data-screen="thanks"][data-tone="glad"]').waitFor();
    assert.equal(await kioskTaps(page), before + 1, 'one tap, counted once');

    // Retire in two steps; listed as retired, no address, no button.
    await page.getByRole('button', { name: t.retire(label) }).click();
    await page.getByRole('button', { name: t.confirm(label) }).click();
    await page.locator('[data-message]:not([hidden])').waitFor();
    const $retired = page.locator('[data-slot="list"] li[data-active="false"]', { hasText: label });
    await $retired.waitFor();
    assert.equal(await $retired.locator('.mf-staff-tag').innerText(), t.retiredTag);
    assert.equal(await $retired.locator('code, button').count(), 0);
    await assertAccessible(assert, page, `${lang} kiosks: retired`);

    // The tablet's next tap is refused and not counted; it says it is not set up.
    await tablet.waitForTimeout(5200); // past the thank-you and the mashing window
    const refused = tablet.waitForResponse((r) => new URL(r.url()).pathname === '/feedback');
    await tablet.locator('[data-score="1"]').tap();
    assert.equal((await refused).status(), 404);
    await tablet.locator('[data-screen="not-set-up"]:not([hidden])').waitFor();
    await assertAccessible(assert, tablet, `${lang} retired tablet`);
    assert.equal(await kioskTaps(page), before + 1);
    assert.deepEqual(errors, []);
    await tablet.close();
    await page.close();
  });
}

test('an employee is told the kiosks page is for managers; the API refuses them (403)', async () => {
  const page = await browser.context.newPage();
  await signIn(page, 'staff');
  assert.equal(await page.getByRole('link', { name: 'أجهزة الاستقبال' }).count(), 0, 'no link for employees');
  await page.goto(url('/staff/tablets/'), { waitUntil: 'networkidle' });
  const $problem = page.locator('[data-problem]:not([hidden])');
  await $problem.waitFor();
  assert.match(await $problem.innerText(), TEXT.ar.forbidden);
  assert.equal(await page.locator('[data-kiosks-body]').isHidden(), true);
  await assertAccessible(assert, page, 'kiosks page as an employee');
  const headers = { Authorization: `Bearer ${await tokenOf(page)}` };
  assert.equal((await page.request.get(url('/staff/kiosks'), { headers })).status(), 403);
  assert.equal((await page.request.post(url('/staff/kiosks'), { headers, data: { label: 'Mine' } })).status(), 403);
  await page.close();
});
