// Kiosk privacy and read-aloud: the inactivity reset (shortened with ?idle=2: warn after 2 s, wipe
// 2 s later), never while the keypad is in use or speech is playing; read-aloud with an Arabic voice
// and the visible fallback without one (speechSynthesis is replaced by a recorder: Chromium headless
// has no voices, and the test must not depend on the machine's).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, stubSpeech, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch({ touch: true }); });
after(async () => { await browser?.close(); });

const current = (page) => page.locator('[data-step]:not([hidden])').getAttribute('data-step');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const AR_VOICE = { name: 'Arabic (Saudi Arabia)', lang: 'ar-SA' };
const EN_VOICE = { name: 'English (UK)', lang: 'en-GB' };

async function toName(page) {
  await page.locator('[data-action="start"]').tap();
  await page.getByText('طلب خدمة', { exact: true }).tap();
  await page.locator('[data-step="category"] [data-action="next"]').tap();
  await page.getByText('لي أنا', { exact: true }).tap();
  await page.locator('[data-step="whom"] [data-action="next"]').tap();
  await page.locator('#name').fill('خالد');
}

test('idle: warns, "continue" keeps the answers, then silence wipes everything and returns home', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(url('/kiosk/?idle=2'), { waitUntil: 'networkidle' });
  await page.locator('[data-text-size="3"]').tap();
  await page.locator('[data-action="contrast"]').tap();
  await toName(page);

  const $dialog = page.locator('[data-idle-dialog]');
  await $dialog.waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await $dialog.textContent(), /ثانيتين|ثانية واحدة/, 'the countdown is shown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.idle), 'continue', 'one tap or Enter to stay');
  await assertAccessible(assert, page, 'kiosk idle warning');
  await page.getByRole('button', { name: 'نعم، أكمل طلبي' }).tap();
  assert.equal(await $dialog.isVisible(), false);
  assert.equal(await page.locator('#name').inputValue(), 'خالد', 'continue keeps the answers');

  await $dialog.waitFor({ state: 'visible', timeout: 5000 }); // silence again: warning, then wipe
  await page.waitForFunction(() => document.querySelector('[data-step="home"]').hidden === false, null, { timeout: 5000 });
  assert.equal(await $dialog.isVisible(), false);
  const state = await page.evaluate(() => ({
    filled: [...document.querySelector('form').elements].filter((el) => el.name && (el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value)).map((el) => el.name),
    classes: document.documentElement.className,
    storage: localStorage.length + sessionStorage.length + document.cookie.length,
    search: location.search,
  }));
  assert.deepEqual(state.filled, [], 'every field wiped');
  assert.doesNotMatch(state.classes, /mf-contrast|mf-text-/, 'display settings are forgotten too');
  assert.equal(state.storage, 0);
  assert.equal(state.search, '?idle=2', 'nothing added to the address');
  assert.deepEqual(errors, []);
  await page.close();
});

test('idle: never while the visitor is typing on the keypad', async () => {
  const page = await browser.context.newPage();
  await page.goto(url('/kiosk/?idle=2'), { waitUntil: 'networkidle' });
  await toName(page);
  await page.locator('[data-step="name"] [data-action="next"]').tap();
  for (const k of '05512345') { // one key every 1.2 s: 9.6 s in all, well past 2 s + 2 s
    await page.locator(`[data-keypad="mobile"] [data-key="${k}"]`).tap();
    await sleep(1200);
    assert.equal(await page.locator('[data-idle-dialog]').isVisible(), false, 'no warning while typing');
  }
  assert.equal(await page.locator('#mobile').inputValue(), '٠٥٥١٢٣٤٥');
  assert.equal(await current(page), 'mobile');
  await page.close();
});

test('idle: never while read-aloud is speaking', async () => {
  const page = await browser.context.newPage();
  await stubSpeech(page, { voices: [AR_VOICE], speakMs: 1500 }); // the screen takes > 6 s to read
  await page.goto(url('/kiosk/?idle=2'), { waitUntil: 'networkidle' });
  await toName(page);
  await page.locator('[data-action="speak"]').tap();
  const started = Date.now();
  while (await page.evaluate(() => window.speechSynthesis.speaking)) {
    assert.equal(await page.locator('[data-idle-dialog]').isVisible(), false, 'no warning while listening');
    await sleep(300);
  }
  assert.ok(Date.now() - started > 4000, 'speech lasted longer than the idle period');
  assert.equal(await page.locator('#name').inputValue(), 'خالد');
  await page.locator('[data-idle-dialog]').waitFor({ state: 'visible', timeout: 5000 }); // then the timer resumes
  await page.close();
});

test('read aloud: every screen is spoken with the Arabic voice; the reference character by character', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await stubSpeech(page, { voices: [EN_VOICE, AR_VOICE] });
  await page.goto(url('/kiosk/'), { waitUntil: 'networkidle' });
  const spoken = () => page.evaluate(() => window.__spoken.splice(0));
  await page.locator('[data-action="speak"]').tap();
  let s = await spoken();
  assert.ok(s.length >= 4);
  assert.ok(s.every((u) => u.voice === AR_VOICE.name && u.lang === 'ar-SA'), 'the Arabic voice, never the English one');
  assert.match(s[0].text, /أهلًا بك/);
  assert.ok(s.some((u) => /موظف الاستقبال/.test(u.text)));
  assert.equal(await page.locator('[data-speech-notice]').textContent(), '', 'no fallback message');

  await page.locator('[data-action="start"]').tap();
  await page.getByText('شكوى', { exact: true }).tap();
  await page.locator('[data-action="speak"]').tap();
  s = (await spoken()).map((u) => u.text);
  assert.match(s[0], /الخطوة ١ من ٩/, 'a complaint adds the "with or without my name" screen');
  assert.match(s[0], /ما نوع طلبك؟/);
  assert.ok(s.includes('شكوى — مختار'), 'the chosen answer is said to be chosen');
  assert.ok(!s.some((u) => /^التالي$|^رجوع$/.test(u)), 'navigation buttons are not read as content');

  // Having used read-aloud, the keypad speaks each key
  await page.locator('[data-step="category"] [data-action="next"]').tap();
  await page.getByText('مع ذكر اسمي', { exact: true }).tap();
  await page.locator('[data-step="anonymous"] [data-action="next"]').tap();
  await page.getByText('لي أنا', { exact: true }).tap();
  await page.locator('[data-step="whom"] [data-action="next"]').tap();
  await page.locator('#name').fill('نورة');
  await page.locator('[data-step="name"] [data-action="next"]').tap();
  await spoken();
  await page.locator('[data-keypad="mobile"] [data-key="5"]').tap();
  assert.deepEqual((await spoken()).map((u) => u.text), ['٥']);
  for (const k of '501234567'.slice(1)) await page.locator(`[data-keypad="mobile"] [data-key="${k}"]`).tap();
  await page.locator('[data-keypad="mobile"] [data-key="clear"]').tap();
  for (const k of '0501234567') await page.locator(`[data-keypad="mobile"] [data-key="${k}"]`).tap();
  await page.locator('[data-step="mobile"] [data-action="next"]').tap();
  await page.locator('#city').fill('مكة');
  await page.locator('[data-step="city"] [data-action="next"]').tap();
  await page.locator('#description').fill('شكوى عن موعد تأخر.');
  await page.locator('[data-step="details"] [data-action="next"]').tap();
  await page.getByText('رسالة نصية', { exact: true }).tap();
  await page.locator('[data-step="contact"] [data-action="next"]').tap();
  await page.locator('#consent').check();
  await spoken();
  await page.locator('[data-action="send"]').tap();
  const ref = await page.locator('[data-reference]').getAttribute('data-reference');
  await page.waitForFunction(() => window.__spoken.length >= 10);
  s = (await spoken()).map((u) => u.text);
  // Arrival on the confirmation: "your reference is", then one utterance per character
  const DIGITS = ['صفر', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
  assert.equal(s[0], 'رقمك المرجعي هو');
  assert.equal(s.length, 1 + ref.length);
  [...ref].forEach((ch, i) => {
    if (/\d/.test(ch)) assert.equal(s[i + 1], DIGITS[ch]);
    else if (ch === '-') assert.equal(s[i + 1], 'شَرطة');
    else assert.ok(s[i + 1].length >= 2 && !/[A-Z]/.test(s[i + 1]), `${ch} → its Arabic letter name (${s[i + 1]})`);
  });
  await page.getByRole('button', { name: 'اقرأ الرقم حرفًا حرفًا' }).tap();
  assert.equal((await spoken()).length, 1 + ref.length, 'the button spells it again');
  await page.waitForFunction(() => !window.speechSynthesis.speaking);
  await page.locator('[data-action="speak"]').tap(); // the whole confirmation screen
  s = (await spoken()).map((u) => u.text);
  const at = s.indexOf('رقمك المرجعي');
  assert.ok(at >= 0, 'the label is read');
  assert.deepEqual(s.slice(at + 1, at + 1 + ref.length), [...ref].map((ch) => (/\d/.test(ch) ? DIGITS[ch] : s[s.indexOf('رقمك المرجعي') + 1 + ref.indexOf(ch)])), 'then the reference spelled');
  assert.ok(!s.some((u) => u.includes(ref)), 'the code is never read as one word');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [lang, path, voices] of [['ar', '/kiosk/', [EN_VOICE]], ['en', '/en/kiosk/', []]]) {
  test(`read aloud (${lang}): without a voice for the language, a clear visible message instead`, async () => {
    const page = await browser.context.newPage();
    await stubSpeech(page, { voices });
    await page.goto(url(path), { waitUntil: 'networkidle' });
    await page.locator('[data-action="speak"]').tap();
    const $notice = page.locator('[data-speech-notice]');
    await page.waitForFunction(() => document.querySelector('[data-speech-notice]').textContent !== '');
    assert.match(await $notice.textContent(), lang === 'ar' ? /لا يتوفر .* صوت عربي/ : /no English voice/);
    assert.equal(await $notice.getAttribute('role'), 'status', 'announced politely');
    assert.ok(await $notice.isVisible());
    assert.deepEqual(await page.evaluate(() => window.__spoken), [], 'nothing spoken in the wrong language');
    await assertAccessible(assert, page, `kiosk ${lang} no-voice message`);
    await page.locator('[data-action="start"]').tap();
    assert.equal(await $notice.textContent(), '', 'cleared on the next screen');
    await page.close();
  });
}
