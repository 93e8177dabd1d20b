// Every kiosk screen, in Arabic and English: axe-core in normal and high contrast, touch targets
// ≥ 48 px, a 1280×800 screenshot for reviewers (docs/screenshots/), and the confirmation's QR code
// decoded back to the tracking link.
//
// The pages are loaded from a fixed origin (http://mustafeed.example, proxied to BASE_URL) and the
// reference in the real API's answer is replaced by a fixed one, so the committed screenshots (the
// QR code and its printed link included) do not change from one run to the next.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launch, BASE_URL, assertAccessible, trackPageErrors, SCREENSHOT_DIR, observeLayoutShift, layoutShift, LAYOUT_SHIFT_BUDGET } from './helpers.mjs';

const require = createRequire(import.meta.url);
const JSQR = fs.readFileSync(require.resolve('jsqr/dist/jsQR.js'), 'utf8');
const ORIGIN = 'http://mustafeed.example';
const FIXED_REF = 'MHF5-Q2N7';

let browser;
before(async () => {
  browser = await launch({ touch: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await browser.context.route(`${ORIGIN}/**`, async (route) => {
    const req = route.request();
    const u = new URL(req.url());
    const res = await route.fetch({ url: `${BASE_URL}${u.pathname}${u.search}` });
    if (req.method() === 'POST' && u.pathname === '/requests' && res.status() === 201) {
      const json = await res.json();
      await route.fulfill({ response: res, json: { ...json, reference: FIXED_REF } });
      return;
    }
    await route.fulfill({ response: res });
  });
});
after(async () => { await browser?.close(); });

const visible = (page) => page.locator('[data-step]:not([hidden])');
const current = (page) => visible(page).getAttribute('data-step');
const tapNext = (page) => page.locator('[data-step]:not([hidden]) [data-action="next"], [data-step]:not([hidden]) [data-action="send"]').tap();

async function assertTargets(page, state) {
  const small = await page.evaluate(() => [...document.querySelectorAll('[data-step]:not([hidden]) :is(button, input, textarea, a, summary, label:has(input)), .mf-kiosk__bar :is(button, a)')]
    .filter((el) => el.checkVisibility() && !(el.closest('label') && el.tagName !== 'LABEL') && el.type !== 'radio' && el.type !== 'checkbox')
    .map((el) => ({ el: el.id || el.textContent.trim().slice(0, 20), h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
    .filter((r) => r.h < 48 || r.w < 48));
  assert.deepEqual(small, [], `touch targets under 48px on ${state}`);
}

async function checkScreen(page, lang, n, name) {
  const state = `kiosk ${lang} ${name}`;
  await assertAccessible(assert, page, state);
  await assertTargets(page, state);
  // Nothing moves on its own: shifts right after a tap are the visitor's doing and do not count.
  const shift = await layoutShift(page);
  assert.ok(shift.total <= LAYOUT_SHIFT_BUDGET, `${state}: layout shifted ${shift.total.toFixed(4)} since the kiosk opened (budget ${LAYOUT_SHIFT_BUDGET}):\n  ${shift.shifts.join('\n  ')}`);
  await page.locator('[data-action="contrast"]').tap();
  assert.equal(await page.locator('html').evaluate((el) => el.classList.contains('mf-contrast')), true);
  await assertAccessible(assert, page, `${state} (high contrast)`);
  await page.locator('[data-action="contrast"]').tap();
  await page.mouse.move(0, 0); // no hover state in the picture
  await page.screenshot({ path: `${SCREENSHOT_DIR}/kiosk-${lang}-${String(n).padStart(2, '0')}-${name}.png` });
}

const DATA = {
  ar: { category: 'تسجيل مستفيد جديد', other: 'لشخص آخر أمثّله أو أرعاه', beneficiary: 'يوسف العتيبي', relationship: 'أم', name: 'سارة العتيبي', city: 'مكة المكرمة', description: 'أحتاج إلى كرسي متحرك لابني.', contact: 'البريد الإلكتروني' },
  en: { category: 'New beneficiary registration', other: 'For someone I represent or care for', beneficiary: 'Yousef Alotaibi', relationship: 'Mother', name: 'Sara Alotaibi', city: 'Makkah', description: 'I need a wheelchair for my son.', contact: 'Email' },
};

for (const lang of ['ar', 'en']) {
  test(`kiosk (${lang}): every screen passes axe in normal and high contrast, with ≥48px targets; screenshots`, async () => {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    const d = DATA[lang];
    await observeLayoutShift(page);
    await page.goto(`${ORIGIN}${lang === 'en' ? '/en' : ''}/kiosk/`, { waitUntil: 'networkidle' });
    let n = 1;
    await checkScreen(page, lang, n++, 'home');
    await page.locator('[data-action="start"]').tap();

    assert.equal(await current(page), 'category');
    await tapNext(page); // nothing chosen: the error state is checked too
    await assertAccessible(assert, page, `kiosk ${lang} category with error`);
    await visible(page).getByText(d.category, { exact: true }).tap();
    await checkScreen(page, lang, n++, 'category');
    await tapNext(page);

    assert.equal(await current(page), 'whom');
    await page.getByText(d.other, { exact: true }).tap();
    await page.locator('#beneficiaryName').fill(d.beneficiary);
    await page.locator('#relationship').fill(d.relationship);
    await checkScreen(page, lang, n++, 'whom');
    await tapNext(page);

    assert.equal(await current(page), 'name');
    await page.locator('#name').fill(d.name);
    await checkScreen(page, lang, n++, 'name');
    await tapNext(page);

    assert.equal(await current(page), 'mobile');
    assert.equal(await page.locator('#mobile').getAttribute('inputmode'), 'none', 'no system keyboard');
    for (const k of '0501234567') await page.locator(`[data-keypad="mobile"] [data-key="${k}"]`).tap();
    await checkScreen(page, lang, n++, 'mobile');
    await tapNext(page);

    assert.equal(await current(page), 'id', 'a new registration asks for the ID');
    assert.match(await visible(page).locator('[data-progress]').textContent(), lang === 'ar' ? /٥ من ٩/ : /5 of 9/);
    for (const k of '1526018153') await page.locator(`[data-keypad="nationalId"] [data-key="${k}"]`).tap();
    await checkScreen(page, lang, n++, 'id');
    await tapNext(page);

    assert.equal(await current(page), 'city');
    await page.locator('#city').fill(d.city);
    await checkScreen(page, lang, n++, 'city');
    await tapNext(page);

    assert.equal(await current(page), 'details');
    await page.locator('#description').fill(d.description);
    await checkScreen(page, lang, n++, 'details');
    await tapNext(page);

    assert.equal(await current(page), 'contact');
    await page.getByText(d.contact, { exact: true }).tap();
    await page.locator('#email').fill('sara@example.org');
    await checkScreen(page, lang, n++, 'contact');
    await tapNext(page);

    assert.equal(await current(page), 'review');
    await page.locator('#consent').check();
    await checkScreen(page, lang, n++, 'review');
    await tapNext(page);

    await page.locator('[data-step="done"] [data-reference]').waitFor();
    await page.locator('[data-slot="qr"] svg').waitFor();
    const link = `${ORIGIN}${lang === 'en' ? '/en' : ''}/track/?ref=${FIXED_REF}`;
    assert.equal(await page.locator('[data-slot="track-url"]').textContent(), link);
    await page.evaluate(JSQR); // not a <script>: the production CSP refuses inline ones
    const decoded = await page.evaluate(async () => {
      const $svg = document.querySelector('[data-slot="qr"] svg');
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString($svg))}`;
      await img.decode();
      const c = Object.assign(document.createElement('canvas'), { width: 400, height: 400 });
      const ctx = c.getContext('2d');
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, 0, 0, 400, 400);
      return window.jsQR(ctx.getImageData(0, 0, 400, 400).data, 400, 400)?.data ?? null;
    });
    assert.equal(decoded, link, 'the QR code decodes to the tracking link');
    const refPx = await page.locator('[data-reference]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(refPx >= 64, `reference is very large (${refPx}px)`);
    await checkScreen(page, lang, n++, 'done');

    // Two extra pictures: the largest text with high contrast, and the inactivity warning.
    await page.locator('[data-action="again"]').tap();
    assert.deepEqual(await page.locator('[data-review-field]').evaluateAll((els) => els.map((e) => e.textContent).filter(Boolean)), [], 'review emptied');
    await page.locator('[data-action="start"]').tap();
    await page.locator('[data-text-size="3"]').tap();
    await page.locator('[data-action="contrast"]').tap();
    await visible(page).getByText(d.category, { exact: true }).tap();
    await assertAccessible(assert, page, `kiosk ${lang} largest text, high contrast`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/kiosk-${lang}-${n}-largest-text-high-contrast.png` });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
