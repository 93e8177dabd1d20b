// Complaints and suggestions without a name (issue 17, item 1), in both languages, against the real
// API (./run): from the kiosk a complaint is sent without a name and gets a reference and a private
// tracking code; the tracking page opens it with them (a wrong code gets the ordinary not-found
// message), says no message will come, offers no contact change, and takes a message and a document
// with the code; the association's reply appears there. The web form's path too: the choice only for
// a complaint or suggestion, the identity fields hidden and not sent, the code shown once. axe on
// every state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors, stubSpeech } from './helpers.mjs';

let browser;
before(async () => { browser = await launch({ touch: true }); });
after(async () => { await browser?.close(); });

const IDENTITY = ['name', 'mobile', 'email', 'nationalId', 'onBehalf', 'preferredContact'];

const L = {
  ar: {
    root: '', complaint: 'شكوى', suggestion: 'اقتراح', service: 'طلب خدمة', without: 'دون ذكر اسمي',
    stepOfFive: /الخطوة ٣ من ٥/, chooseName: 'اختر هل تريد ذكر اسمك', notGiven: 'لم يُذكر: لا نستطيع التواصل معك',
    city: 'جدة', details: 'انتظرت ساعتين في الاستقبال دون أن يخبرني أحد بالسبب.',
    shownOnce: /لن يظهر (الرمز )?إلا هذه المرة/, notFound: /لم نجد طلبًا/, noMessage: /لن تصلك أي رسالة/,
    byCode: 'أرسلته دون ذكر اسمي (لديّ رمز متابعة من ٦ أرقام)', code: 'رمز المتابعة', showStatus: 'عرض حالة الطلب',
    message: 'رسالتك', sendMessage: 'إرسال الرسالة', messageSent: /وصلتنا رسالتك/, file: 'اختر ملفًا من جهازك',
    sendDoc: 'إرسال المستند', docSent: /وصلنا المستند/, reply: 'شكرًا لملاحظتك؛ رتّبنا موظفًا إضافيًا في الاستقبال صباحًا.',
    sendAnonymously: 'أرسلها دون ذكر اسمي', fullName: 'الاسم الكامل', cityLabel: 'المدينة أو المحافظة', detailsLabel: 'تفاصيل الطلب',
    consent: /أوافق على استخدام ما أكتبه/, send: 'إرسال الطلب', received: 'تم استلام طلبك', track: 'تابع هذا الطلب',
    digits: (code) => code.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]), // typed in Arabic-Indic digits
  },
  en: {
    root: '/en', complaint: 'Complaint', suggestion: 'Suggestion', service: 'Service request', without: 'Without my name',
    stepOfFive: /Step 3 of 5/, chooseName: 'Choose whether to give your name', notGiven: 'Not given: we cannot contact you',
    city: 'Jeddah', details: 'I waited two hours at reception and nobody told me why.',
    shownOnce: /shown only this once/, notFound: /We found no request/, noMessage: /no message will come to you/,
    byCode: 'I sent it without my name (I have a 6-digit tracking code)', code: 'Tracking code', showStatus: 'Show status',
    message: 'Your message', sendMessage: 'Send the message', messageSent: /We received your message/, file: 'Choose a file from your device',
    sendDoc: 'Send the document', docSent: /We received/, reply: 'Thank you; we now have a second receptionist in the mornings.',
    sendAnonymously: 'Send it without my name', fullName: 'Full name', cityLabel: 'City or governorate', detailsLabel: 'Details of your request',
    consent: /I agree to what I write/, send: 'Send request', received: 'We have received your request', track: 'Track this request',
    digits: (code) => `${code.slice(0, 3)} ${code.slice(3)}`, // as written down, in two groups
  },
};

/** A request body as the browser posted it. */
function postedBody(page) {
  return page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/requests').then((r) => r.postDataJSON());
}

/** A staff member's public reply, through the API as the console sends it. */
async function staffReply(reference, text) {
  const login = await fetch(url('/dev/login'), { method: 'POST', body: JSON.stringify({ role: 'staff' }) });
  const { token } = await login.json();
  const res = await fetch(url(`/staff/requests/${reference}/replies`), {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
  });
  assert.equal(res.status, 201, await res.text());
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

for (const lang of ['ar', 'en']) {
  const d = L[lang];

  test(`kiosk (${lang}): an anonymous complaint gets a reference and a tracking code, followed with them on /track/`, async () => {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    await stubSpeech(page, { voices: [{ name: 'Arabic', lang: 'ar-SA' }, { name: 'English', lang: 'en-GB' }] });
    await page.goto(url(`${d.root}/kiosk/`), { waitUntil: 'networkidle' });
    const step = (name) => page.locator(`[data-step="${name}"]`);
    await page.locator('[data-action="start"]').tap();
    await step('category').getByText(d.complaint, { exact: true }).tap();
    await step('category').locator('[data-action="next"]').tap();

    assert.equal(await step('anonymous').isVisible(), true, 'a complaint asks whether to give a name');
    await assertAccessible(assert, page, `kiosk ${lang} with-or-without-name screen`);
    await step('anonymous').locator('[data-action="next"]').tap();
    await page.locator('#anonymous-error').getByText(d.chooseName).waitFor();
    assert.equal(await page.locator('#anonymous').getAttribute('aria-invalid'), 'true');
    await assertAccessible(assert, page, `kiosk ${lang} with-or-without-name error`);
    const tile = await step('anonymous').locator('label.mf-kiosk__tile').first().boundingBox();
    assert.ok(tile.height >= 80, `large touch target (${tile.height}px)`);
    await step('anonymous').getByText(d.without, { exact: true }).tap();
    await step('anonymous').locator('[data-action="next"]').tap();

    // Straight to the city: no who-for, name, mobile or contact screens.
    assert.equal(await step('city').isVisible(), true);
    assert.match(await step('city').locator('h2').textContent(), d.stepOfFive);
    await page.locator('#city').fill(d.city);
    await step('city').locator('[data-action="next"]').tap();
    assert.equal(await page.locator('#description-anonymous-hint').isVisible(), true, 'warned not to name oneself');
    assert.match(await page.locator('#description').getAttribute('aria-describedby'), /description-anonymous-hint/);
    await assertAccessible(assert, page, `kiosk ${lang} details without a name`);
    await page.locator('#description').fill(d.details);
    await step('details').locator('[data-action="next"]').tap();

    assert.equal(await step('review').isVisible(), true);
    assert.equal(await page.locator('[data-review-field="name"]').textContent(), d.notGiven);
    for (const field of ['whom', 'mobile', 'preferredContact']) {
      assert.equal(await page.locator(`[data-review-field="${field}"]`).isVisible(), false, `${field} not on the review`);
    }
    await page.locator('#consent').check();
    await assertAccessible(assert, page, `kiosk ${lang} review without a name`);
    const sent = postedBody(page);
    await page.locator('[data-action="send"]').tap();
    const body = await sent;
    assert.equal(body.anonymous, true);
    assert.equal(body.category, 'complaint');
    assert.equal(body.channel, 'kiosk');
    for (const field of IDENTITY) assert.equal(field in body, false, `${field} not sent`);

    await page.locator('[data-step="done"] [data-tracking-code]').waitFor();
    const reference = await page.locator('[data-reference]').getAttribute('data-reference');
    const code = await page.locator('[data-tracking-code]').getAttribute('data-tracking-code');
    assert.match(reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.match(code, /^\d{6}$/);
    assert.equal(await page.locator('[data-tracking-code]').textContent(), `${code.slice(0, 3)} ${code.slice(3)}`, 'shown in two groups');
    assert.match(await step('done').textContent(), d.shownOnce);
    const link = await page.locator('[data-slot="track-url"]').textContent();
    assert.equal(link, url(`${d.root}/track/?ref=${reference}&by=code`));
    assert.ok(!link.includes(code), 'the code is never in the link or its QR code');
    await page.locator('[data-slot="qr"] svg').waitFor();
    await assertAccessible(assert, page, `kiosk ${lang} confirmation with the tracking code`);
    await page.locator('[data-action="contrast"]').tap();
    await assertAccessible(assert, page, `kiosk ${lang} confirmation with the tracking code, high contrast`);
    await page.locator('[data-action="contrast"]').tap();

    // Read aloud: the code only when asked for, digit by digit.
    await page.evaluate(() => window.__spoken.splice(0));
    await page.locator('[data-action="speak-reference"]').tap();
    let spoken = (await page.evaluate(() => window.__spoken.splice(0))).map((u) => u.text);
    assert.equal(spoken.length, 1 + reference.length + 1, 'the reference, then where the code is');
    await page.waitForFunction(() => !window.speechSynthesis.speaking);
    await page.locator('[data-action="speak-code"]').tap();
    spoken = (await page.evaluate(() => window.__spoken.splice(0))).map((u) => u.text);
    assert.equal(spoken.length, 1 + 6, 'the code, one digit per utterance');

    // Finished: nothing of it stays on the tablet.
    await page.locator('[data-action="again"]').tap();
    assert.equal(await page.locator('[data-tracking-code]').count(), 0, 'code gone');
    assert.equal(await page.locator('[data-step="done"] [data-if-code]').first().isHidden(), true);

    // ---- The visitor's phone opens the QR link.
    const phone = await browser.context.newPage();
    const phoneErrors = trackPageErrors(phone);
    await phone.goto(link, { waitUntil: 'networkidle' });
    await phone.waitForFunction(() => document.querySelector('#byCode')?.checked === true, null, { timeout: 10000 });
    assert.equal(await phone.getByLabel(d.byCode).isChecked(), true, 'by=code asks for the code');
    assert.equal(await phone.locator('#mobileLast4').isVisible(), false);
    await assertAccessible(assert, phone, `track ${lang} asking for the tracking code`);

    const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0');
    await phone.getByLabel(d.code, { exact: true }).fill(wrong);
    await phone.getByRole('button', { name: d.showStatus }).click();
    const $summary = phone.locator('[data-error-summary]');
    await $summary.waitFor();
    assert.match(await $summary.textContent(), d.notFound, 'a wrong code: the ordinary not-found message');
    assert.equal(await phone.locator('[data-result]').isHidden(), true);
    await assertAccessible(assert, phone, `track ${lang} wrong tracking code`);

    await phone.getByLabel(d.code, { exact: true }).fill(d.digits(code));
    await phone.getByRole('button', { name: d.showStatus }).click();
    await phone.locator('[data-result]:not([hidden])').waitFor();
    assert.equal(await phone.locator('[data-slot="reference"]').textContent(), reference);
    assert.match(await phone.locator('[data-anonymous-note]').textContent(), d.noMessage);
    assert.equal(await phone.locator('[data-anonymous-note]').isVisible(), true);
    assert.equal(await phone.locator('[data-module="track-contact"]').isHidden(), true, 'no contact to change');
    await phone.locator('[data-module="track-reply"]:not([hidden])').waitFor();
    await assertAccessible(assert, phone, `track ${lang} anonymous result`);

    // Replying with the code: a message and a document.
    const posts = [];
    phone.on('request', (r) => { if (r.method() === 'POST' && /\/requests\/[^/]+\/(messages|documents)/.test(r.url())) posts.push(r.postDataJSON()); });
    await phone.getByLabel(d.message).fill(d.details);
    await phone.getByRole('button', { name: d.sendMessage }).click();
    await phone.locator('[data-message-status]').getByText(d.messageSent).waitFor();
    await phone.locator('[data-slot="timeline"] li[data-type="message"]').waitFor();
    await phone.getByLabel(d.file).setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
    await phone.getByRole('button', { name: d.sendDoc }).click();
    await phone.locator('[data-upload-status]').getByText(d.docSent).waitFor({ timeout: 30000 });
    await phone.locator('[data-slot="documents"]').getByText('receipt.pdf').waitFor();
    assert.ok(posts.length >= 3, `message, upload slot and confirm posted (${posts.length})`);
    for (const p of posts) {
      assert.equal(p.trackingCode, code, 'each proved with the code');
      assert.equal('mobileLast4' in p, false);
    }
    await assertAccessible(assert, phone, `track ${lang} anonymous after a message and a document`);

    // The association answers; it appears here, the only place it can.
    await staffReply(reference, d.reply);
    await phone.getByRole('button', { name: d.showStatus }).click();
    await phone.locator('[data-slot="timeline"] li[data-type="reply"]').getByText(d.reply).waitFor();
    await assertAccessible(assert, phone, `track ${lang} anonymous with the association's reply`);
    assert.deepEqual(errors, []);
    assert.deepEqual(phoneErrors, []);
    await page.close();
    await phone.close();
  });

  test(`web form (${lang}): send a suggestion without a name; the code is shown once and follows it`, async () => {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(url(`${d.root}/request/`), { waitUntil: 'networkidle' });
    const $anonymous = page.getByLabel(d.sendAnonymously);
    assert.equal(await $anonymous.isVisible(), false, 'not offered before the category');
    const category = (value) => page.locator(`input[name="category"][value="${value}"]`);
    await category('service').check();
    assert.equal(await $anonymous.isVisible(), false, 'not offered for a service request');

    // Keyboard: the choice comes right after the category in the Tab order.
    await category('suggestion').check();
    await category('suggestion').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'anonymous');
    const described = await $anonymous.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
    assert.match(described, lang === 'ar' ? /لا نستطيع الاتصال بك/ : /cannot call you back/, 'what it costs is read with the checkbox');
    await assertAccessible(assert, page, `request ${lang} anonymity offered`);
    await page.keyboard.press('Space');
    assert.equal(await $anonymous.isChecked(), true);
    for (const id of ['name', 'mobile', 'email', 'nationalId', 'onBehalf', 'preferredContact']) {
      assert.equal(await page.locator(`#${id}`).isVisible(), false, `${id} hidden`);
    }
    assert.equal(await page.locator('#description-anonymous-hint').isVisible(), true);
    await page.getByLabel(d.consent).waitFor();
    await assertAccessible(assert, page, `request ${lang} without a name`);

    // Errors name only what an anonymous request needs.
    await page.getByRole('button', { name: d.send }).click();
    await page.locator('[data-error-summary]').waitFor();
    const linked = await page.locator('.mf-error-summary__list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(linked, ['#city', '#description', '#consent']);
    await assertAccessible(assert, page, `request ${lang} without a name, errors`);

    // A name typed before choosing is never sent.
    await $anonymous.uncheck();
    await page.getByLabel(d.fullName).fill('Sara');
    await $anonymous.check();
    await page.getByLabel(d.cityLabel).fill(d.city);
    await page.getByLabel(d.detailsLabel).fill(d.details);
    await page.getByLabel(d.consent).check();
    const sent = postedBody(page);
    await page.getByRole('button', { name: d.send }).click();
    const body = await sent;
    assert.equal(body.anonymous, true);
    assert.equal(body.category, 'suggestion');
    for (const field of IDENTITY) assert.equal(field in body, false, `${field} not sent`);

    const $heading = page.getByRole('heading', { name: d.received });
    await $heading.waitFor();
    assert.ok(await $heading.evaluate((el) => el === document.activeElement), 'focus on the confirmation');
    const reference = await page.locator('[data-reference]').getAttribute('data-reference');
    const code = await page.locator('[data-tracking-code]').getAttribute('data-tracking-code');
    assert.match(code, /^\d{6}$/);
    assert.match(await page.locator('#keep-code').textContent(), d.shownOnce);
    assert.equal(await page.getByRole('button', { name: lang === 'ar' ? 'نسخ رمز المتابعة' : 'Copy tracking code' }).isVisible(), true);
    const href = await page.getByRole('link', { name: d.track }).getAttribute('href');
    assert.ok(href.endsWith(`?ref=${reference}&by=code`) && !href.includes(code), href);
    await assertAccessible(assert, page, `request ${lang} confirmation with the tracking code`);

    await page.getByRole('link', { name: d.track }).click();
    await page.waitForURL(/\/track\/\?ref=/);
    await page.waitForFunction(() => document.querySelector('#byCode')?.checked === true, null, { timeout: 10000 });
    await page.getByLabel(d.code, { exact: true }).fill(code);
    await page.getByRole('button', { name: d.showStatus }).click();
    await page.locator('[data-result]:not([hidden])').waitFor();
    assert.equal(await page.locator('[data-anonymous-note]').isVisible(), true);
    assert.equal(await page.locator('[data-module="track-contact"]').isHidden(), true);
    await assertAccessible(assert, page, `track ${lang} anonymous suggestion`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
