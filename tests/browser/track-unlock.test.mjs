// The owner's way back in (issue 18, item 7), against the real API (./run): someone who knows a
// reference spends its five tries, and the owner who then types the right digits gets 429. The page
// says why and offers a code by SMS to the phone on file; the code comes through the stream and the
// notifier (read here from the development outbox), a wrong one is refused at its field, the right
// one (typed in Arabic-Indic digits) opens the request and the lookup works again. By keyboard, in
// Arabic (RTL) and English; an anonymous request is told it has no phone and must wait. axe on
// every state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const randomMobile = () => `05${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}3`;
const SIX_DIGITS = /(?<![0-9])[0-9]{6}(?![0-9])/;

const L = {
  ar: {
    root: '', language: 'ar', unlockTitle: /هل هذا طلبك/, send: 'أرسل لي رمزًا', sent: /فالرمز في الطريق إليه/,
    code: 'الرمز الذي وصلك برسالة نصية', open: 'افتح طلبي', rejected: /الرمز غير صحيح أو انتهت صلاحيته/,
    tooMany: /محاولات كثيرة/, noPhone: /لا جوال له/,
    digits: (code) => code.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]),
  },
  en: {
    root: '/en', language: 'en', unlockTitle: /Is this your request/, send: 'Send me a code', sent: /the code is on its way/,
    code: 'The code from the text message', open: 'Open my request', rejected: /This code is not right or has expired/,
    tooMany: /Too many attempts/, noPhone: /has no mobile to send a code to/,
    digits: (code) => `${code.slice(0, 3)} ${code.slice(3)}`,
  },
};

/** A named request through the API, as the web form sends it. */
async function submit(page, mobile, language) {
  const res = await page.request.post(url('/requests'), {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: {
      category: 'inquiry', channel: 'web', name: 'Noura Al-Qahtani', mobile, city: 'Makkah',
      description: 'What documents do I need?', preferredContact: 'sms', language, consent: true,
    },
  });
  assert.equal(res.status(), 201, await res.text());
  return (await res.json()).reference;
}

/** A stranger who knows the reference spends its tries (from any client: the lock is the reference's). */
async function lockByGuessing(page, reference, body) {
  for (let i = 0; i < 5; i++) {
    const res = await page.request.post(url('/requests/lookup'), { data: { reference, ...body } });
    assert.equal(res.status(), 404);
  }
}

/** The unlock SMS the outbox holds for this reference, once it arrives. */
async function codeSentTo(page, reference) {
  for (let i = 0; i < 50; i++) {
    const res = await page.request.get(url('/dev/outbox'));
    const sms = (await res.json()).find((m) => String(m.body ?? '').includes(reference) && SIX_DIGITS.test(String(m.body)));
    if (sms) return String(sms.body).match(SIX_DIGITS)[0];
    await page.waitForTimeout(100);
  }
  throw new Error(`no unlock code reached the outbox for ${reference}`);
}

for (const lang of ['ar', 'en']) {
  const l = L[lang];
  test(`${lang}: a lookup locked by a guesser is opened by its owner with the code sent to the phone on file, by keyboard`, async () => {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    const mobile = randomMobile();
    const reference = await submit(page, mobile, l.language);
    await lockByGuessing(page, reference, { mobileLast4: '0000' });

    await page.goto(url(`${l.root}/track/?ref=${reference}`), { waitUntil: 'networkidle' });
    await page.locator('#mobileLast4').focus();
    await page.keyboard.type(mobile.slice(-4));
    await page.keyboard.press('Enter');
    await page.locator('[data-error-summary]:not([hidden])').waitFor();
    assert.match(await page.locator('[data-error-summary]').textContent(), l.tooMany);
    const $unlock = page.locator('[data-unlock]');
    await $unlock.waitFor();
    assert.match(await $unlock.locator('h2').textContent(), l.unlockTitle);
    assert.equal(await $unlock.locator('[data-unlock-anonymous]').isHidden(), true);
    await assertAccessible(assert, page, `${lang} track: locked, the way back in offered`);

    // Keyboard only: from the error summary, Tab reaches "send me a code".
    const $send = page.getByRole('button', { name: l.send });
    for (let i = 0; i < 30 && !(await $send.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.equal(await $send.evaluate((b) => b === document.activeElement), true, 'the button is reachable by Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-unlock-form]:not([hidden])').waitFor();
    assert.match(await page.locator('[data-unlock-status]').textContent(), l.sent);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'code', 'focus moves to the code field');
    await assertAccessible(assert, page, `${lang} track: code asked for`);

    const code = await codeSentTo(page, reference);
    const wrong = code === '000000' ? '000001' : '000000';
    await page.keyboard.type(wrong);
    await page.keyboard.press('Enter');
    await page.locator('#code[aria-invalid="true"]').waitFor();
    assert.match(await page.locator('#code-error').textContent(), l.rejected);
    await assertAccessible(assert, page, `${lang} track: a wrong code refused at its field`);

    await page.getByLabel(l.code).fill(l.digits(code));
    await page.getByRole('button', { name: l.open }).press('Enter');
    await page.locator('[data-result]:not([hidden])').waitFor();
    assert.equal((await page.locator('[data-result] [data-slot="reference"]').textContent()).trim(), reference);
    assert.equal(await $unlock.isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'result-title', 'focus on the result');
    await assertAccessible(assert, page, `${lang} track: opened with the code`);

    // The lookup itself works again for the owner.
    const again = await page.request.post(url('/requests/lookup'), { data: { reference, mobileLast4: mobile.slice(-4) } });
    assert.equal(again.status(), 200);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('en: an anonymous request, locked, is told it has no phone for a code and how to get back in', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const res = await page.request.post(url('/requests'), {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: { category: 'complaint', channel: 'web', anonymous: true, city: 'Jeddah', description: 'Nobody answered the phone.', language: 'en', consent: true },
  });
  assert.equal(res.status(), 201, await res.text());
  const { reference } = await res.json();
  await lockByGuessing(page, reference, { trackingCode: '000000' });

  await page.goto(url(`/en/track/?ref=${reference}&by=code`), { waitUntil: 'networkidle' });
  await page.locator('#trackingCode').fill('123456');
  await page.locator('[data-module="track-form"] [type="submit"]').click();
  await page.locator('[data-unlock]:not([hidden])').waitFor();
  assert.match(await page.locator('[data-unlock-anonymous]').textContent(), L.en.noPhone);
  assert.equal(await page.getByRole('button', { name: L.en.send }).count(), 0, 'no code to send');
  await assertAccessible(assert, page, 'en track: anonymous, locked');
  assert.deepEqual(errors, []);
  await page.close();
});
