// The display-settings component: text size, high contrast and keypad digits. First on its own (its
// module driven over detached buttons and a stand-in root, so the kiosk's own instance never sees the
// clicks), then on the kiosk page: each control's aria-pressed follows its state, and the end of a
// visit puts every setting back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch({ touch: true }); });
after(async () => { await browser?.close(); });

test('display-settings on its own: classes on the root, aria-pressed, onDigits, changed and reset', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(url('/kiosk/'), { waitUntil: 'networkidle' });
  const seen = await page.evaluate(async () => {
    const { createDisplaySettings } = await import('/assets/components/display-settings/display-settings.js');
    const $scope = document.createElement('div'); // detached: clicks bubble to it, not to the document
    $scope.innerHTML = '<button data-text-size="1"></button><button data-text-size="2"></button>'
      + '<button data-text-size="3"></button><button data-action="contrast"></button>'
      + '<button data-digits="arab"></button><button data-digits="latn"></button><button data-other></button>';
    const $root = document.createElement('div');
    const digits = [];
    const d = createDisplaySettings({ $scope, $root, defaultDigits: 'arab', onDigits: (s) => digits.push(s) });
    const click = (sel) => $scope.querySelector(sel).click();
    const pressed = () => [...$scope.querySelectorAll('[aria-pressed]')]
      .map(($b) => `${$b.dataset.textSize ?? $b.dataset.digits ?? 'contrast'}=${$b.getAttribute('aria-pressed')}`).join(' ');
    const steps = [];
    const note = (what) => steps.push({ what, classes: $root.className, pressed: pressed(), changed: d.changed });
    note('fresh');
    click('[data-other]');
    note('another button');
    click('[data-text-size="3"]');
    note('largest text');
    click('[data-action="contrast"]');
    note('contrast on');
    click('[data-digits="latn"]');
    note('latin digits');
    click('[data-text-size="2"]');
    click('[data-action="contrast"]');
    note('large text, contrast off');
    d.reset();
    note('reset');
    return { steps, digits, state: [d.textSize, d.contrast, d.digits] };
  });
  assert.deepEqual(seen.steps, [
    { what: 'fresh', classes: '', pressed: '', changed: false },
    { what: 'another button', classes: '', pressed: '', changed: false },
    { what: 'largest text', classes: 'mf-text-3', pressed: '1=false 2=false 3=true', changed: true },
    { what: 'contrast on', classes: 'mf-text-3 mf-contrast', pressed: '1=false 2=false 3=true contrast=true', changed: true },
    { what: 'latin digits', classes: 'mf-text-3 mf-contrast', pressed: '1=false 2=false 3=true contrast=true arab=false latn=true', changed: true },
    { what: 'large text, contrast off', classes: 'mf-text-2', pressed: '1=false 2=true 3=false contrast=false arab=false latn=true', changed: true },
    { what: 'reset', classes: '', pressed: '1=true 2=false 3=false contrast=false arab=true latn=false', changed: false },
  ]);
  assert.deepEqual(seen.digits, ['latn', 'arab'], 'the keypads are told every change of digits');
  assert.deepEqual(seen.state, [1, false, 'arab']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('display-settings on the kiosk: pressed states follow the taps, and Start over forgets them', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(url('/kiosk/'), { waitUntil: 'networkidle' });
  const pressed = (sel) => page.locator(sel).evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed')));
  const rootClasses = () => page.locator('html').evaluate((el) => [...el.classList].filter((c) => /^mf-(text|contrast)/.test(c)));

  await page.locator('[data-text-size="2"]').tap();
  await page.locator('[data-action="contrast"]').tap();
  assert.deepEqual(await pressed('[data-text-size]'), ['false', 'true', 'false']);
  assert.deepEqual(await pressed('[data-action="contrast"]'), ['true']);
  assert.deepEqual(await rootClasses(), ['mf-text-2', 'mf-contrast']);

  // The mobile screen's keypad follows the digits the visitor picks.
  await page.locator('[data-action="start"]').tap();
  await page.getByText('طلب خدمة', { exact: true }).tap();
  await page.locator('[data-step="category"] [data-action="next"]').tap();
  await page.getByText('لي أنا', { exact: true }).tap();
  await page.locator('[data-step="whom"] [data-action="next"]').tap();
  await page.locator('#name').fill('خالد');
  await page.locator('[data-step="name"] [data-action="next"]').tap();
  const keyOne = page.locator('[data-step="mobile"] [data-key="1"]');
  assert.equal((await keyOne.textContent()).trim(), '١');
  await page.locator('[data-step="mobile"] [data-digits="latn"]').tap();
  assert.equal((await keyOne.textContent()).trim(), '1');
  assert.deepEqual(await pressed('[data-step="mobile"] [data-digits]'), ['false', 'true']);

  // Start over with answers asks first; "yes" wipes the visit, display settings included.
  await page.locator('[data-step="mobile"] [data-action="restart"]').tap();
  await page.locator('[data-restart-dialog] [data-dialog="yes"]').tap();
  assert.equal(await page.locator('[data-step]:not([hidden])').getAttribute('data-step'), 'home');
  assert.deepEqual(await rootClasses(), []);
  assert.deepEqual(await pressed('[data-text-size]'), ['true', 'false', 'false']);
  assert.deepEqual(await pressed('[data-action="contrast"]'), ['false']);
  assert.deepEqual(await pressed('[data-step="mobile"] [data-digits]'), ['true', 'false']);
  assert.equal((await keyOne.textContent()).trim(), '١');
  assert.deepEqual(errors, []);
  await page.close();
});
