// Complaints handled as complaints, end to end against the local runner: the manager records the
// outcome on the staff case page (keyboard, errors first); the named complainant reads it on the
// tracking page with the reference and mobile digits and rates the handling; the anonymous
// complainant does the same with the reference and tracking code, in English; the staff case page
// then shows the rating. axe on every state, both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function call(method, path, body, bearer) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (method === 'POST' && (path === '/staff/requests' || path === '/requests')) headers['idempotency-key'] = crypto.randomUUID();
  const res = await fetch(url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  return { status: res.status, data };
}

async function signIn(page, role, prefix = '') {
  await page.goto(url(`${prefix}/staff/`), { waitUntil: 'networkidle' });
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/(queue|reports)\/$/);
}

/**
 * A letter of complaint registered as received 20 days ago: past its respond-by time without an
 * outcome, so it is escalated to managers (the queue's "escalated" view and the case's warning).
 */
test('an overdue complaint without an outcome is escalated to managers, in the queue and on the case', async () => {
  const manager = (await call('POST', '/dev/login', { role: 'manager' })).data.token;
  const staff = (await call('POST', '/dev/login', { role: 'staff' })).data.token;
  const receivedAt = new Date(Date.now() - 20 * 86400e3).toISOString().replace(/\.\d+Z$/, '+03:00').replace(/T\d\d/, 'T10');
  const reg = await call('POST', '/staff/requests', { category: 'complaint', channel: 'letter', name: 'سارة المختبرة',
    mobile: '0561112223', city: 'الطائف', description: 'رسالة شكوى عن التأخر', preferredContact: 'sms', language: 'ar',
    consent: true, receivedAt }, manager);
  assert.equal(reg.status, 201, JSON.stringify(reg.data));
  const ref = reg.data.reference;
  assert.equal((await call('GET', '/staff/requests?view=escalated', undefined, staff)).status, 403, 'managers only');

  for (const prefix of ['', '/en']) {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    await signIn(page, 'manager', prefix);
    await page.goto(url(`${prefix}/staff/queue/?view=escalated`));
    const $row = page.locator(`tr[data-reference="${ref}"]`);
    await $row.waitFor();
    assert.match(await $row.innerText(), prefix ? /Escalated/ : /مصعّدة/);
    assert.equal(await page.locator('[data-view="escalated"]').getAttribute('aria-current'), 'page');
    await assertAccessible(assert, page, `escalated view (${prefix ? 'en' : 'ar'})`);
    await page.goto(url(`${prefix}/staff/request/?ref=${ref}`));
    await page.locator('[data-slot="complaint-escalated"]:not([hidden])').waitFor();
    await assertAccessible(assert, page, `escalated complaint case (${prefix ? 'en' : 'ar'})`);
    await page.close();
    assert.deepEqual(errors, []);
  }
  // An outcome ends the escalation.
  const done = await call('POST', `/staff/requests/${ref}/outcome`, { result: 'upheld', actionTaken: 'اعتذرنا وسرّعنا الرد' }, manager);
  assert.equal(done.status, 201);
  assert.equal(done.data.onTime, false, 'recorded after respond-by');
  const after = await call('GET', '/staff/requests?view=escalated', undefined, manager);
  assert.equal(after.data.items.some((r) => r.reference === ref), false);
});

/** The manager records the outcome on the case page, by keyboard, after trying without one. */
async function recordOutcome(page, ref, { prefix, result, action, states }) {
  await page.goto(url(`${prefix}/staff/request/?ref=${ref}`));
  const $form = page.locator('[data-outcome-form]');
  await $form.waitFor({ state: 'visible' });
  await assertAccessible(assert, page, states.open);
  await $form.locator('[type="submit"]').click();
  await page.locator('[data-outcome-summary]:not([hidden])').waitFor();
  assert.equal(await page.locator('#result').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#actionTaken').getAttribute('aria-invalid'), 'true');
  await assertAccessible(assert, page, states.missing);
  await $form.getByLabel(result, { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.locator('#actionTaken').fill(action);
  await page.locator('#actionTaken').press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('[data-message]:not([hidden])').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-message')), true, 'the confirmation takes focus');
  await page.locator('[data-complaint] [data-slot="outcome"]:not([hidden])').waitFor();
  assert.equal(await $form.isHidden(), true, 'recorded once: the form goes');
  assert.match(await page.locator('[data-slot="outcome-action"]').innerText(), new RegExp(action.slice(0, 10)));
  await assertAccessible(assert, page, states.recorded);
}

/** The complainant looks the request up, reads the outcome and rates the handling. */
async function rateOnTrackingPage(page, { prefix, ref, proof, expect, answer, states }) {
  await page.goto(url(`${prefix}/track/`));
  await page.locator('#reference').fill(ref);
  if (proof.trackingCode) {
    await page.locator('#byCode').check();
    await page.locator('#trackingCode').fill(proof.trackingCode);
  } else {
    await page.locator('#mobileLast4').fill(proof.mobileLast4);
  }
  await page.locator('form[data-module="track-form"] [type="submit"]').click();
  const $outcome = page.locator('[data-module="track-outcome"]');
  await $outcome.waitFor({ state: 'visible' });
  assert.match(await $outcome.locator('[data-slot="outcome-result"]').innerText(), expect.result);
  assert.match(await $outcome.locator('[data-slot="outcome-action"]').innerText(), expect.action);
  // The reply on the timeline says the same in the complainant's language.
  assert.match(await page.locator('[data-slot="timeline"]').innerText(), expect.reply);
  await assertAccessible(assert, page, states.outcome);
  await $outcome.locator('[data-rating] [type="submit"]').click();
  await page.waitForFunction(() => document.querySelector('[data-rating-error]')?.textContent.trim().length > 0);
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'answer', 'focus on the question');
  await assertAccessible(assert, page, states.missing);
  await $outcome.getByLabel(answer, { exact: true }).check();
  await $outcome.locator('textarea[name="comment"]').fill(expect.comment);
  await $outcome.locator('[data-rating] [type="submit"]').click();
  await $outcome.locator('[data-rated]:not([hidden])').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-rated')), true, 'the thank-you takes focus');
  assert.equal(await $outcome.locator('[data-rating]').isHidden(), true);
  await assertAccessible(assert, page, states.rated);
  // Looked up again, the page no longer asks.
  await page.locator('form[data-module="track-form"] [type="submit"]').click();
  await page.waitForResponse((r) => r.url().endsWith('/requests/lookup'));
  await $outcome.locator('[data-rated]:not([hidden])').waitFor();
}

test('a manager records a complaint outcome; named and anonymous complainants read it and rate the handling; the case shows the rating', async () => {
  const mobile = `05${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`.replace(/99$/, '91');
  const named = await call('POST', '/requests', { category: 'complaint', channel: 'web', name: 'نورة المختبرة', mobile,
    city: 'الطائف', description: 'انتظرت ثلاث ساعات في الاستقبال', preferredContact: 'sms', language: 'ar', consent: true });
  assert.equal(named.status, 201, JSON.stringify(named.data));
  const anonymous = await call('POST', '/requests', { category: 'complaint', anonymous: true, channel: 'web',
    city: 'Taif', description: 'Nobody answered the phone for a week', language: 'en', consent: true });
  assert.equal(anonymous.status, 201, JSON.stringify(anonymous.data));
  assert.match(anonymous.data.trackingCode, /^\d{6}$/);

  const staffPage = await browser.context.newPage();
  const staffErrors = trackPageErrors(staffPage);
  await signIn(staffPage, 'manager');
  await recordOutcome(staffPage, named.data.reference, {
    prefix: '', result: 'شكوى مقبولة جزئيًا', action: 'رتّبنا دور الانتظار في الاستقبال',
    states: { open: 'complaint case (ar)', missing: 'outcome missing (ar)', recorded: 'outcome recorded (ar)' },
  });
  await recordOutcome(staffPage, anonymous.data.reference, {
    prefix: '/en', result: 'Not upheld', action: 'We checked the call records for that week.',
    states: { open: 'complaint case (en)', missing: 'outcome missing (en)', recorded: 'outcome recorded (en)' },
  });

  const track = await browser.context.newPage();
  const trackErrors = trackPageErrors(track);
  await rateOnTrackingPage(track, {
    prefix: '', ref: named.data.reference, proof: { mobileLast4: mobile.slice(-4) }, answer: 'راضٍ إلى حدٍّ ما',
    expect: { result: /شكوى مقبولة جزئيًا/, action: /رتّبنا دور الانتظار/, reply: /نتيجة شكواك: شكوى مقبولة جزئيًا/, comment: 'كان الرد سريعًا' },
    states: { outcome: 'tracking: outcome (ar)', missing: 'tracking: rating missing (ar)', rated: 'tracking: rated (ar)' },
  });
  await rateOnTrackingPage(track, {
    prefix: '/en', ref: anonymous.data.reference, proof: { trackingCode: anonymous.data.trackingCode }, answer: 'Not satisfied',
    expect: { result: /Not upheld/, action: /call records/, reply: /The outcome of your complaint: Not upheld/, comment: 'Too slow' },
    states: { outcome: 'tracking: outcome (en)', missing: 'tracking: rating missing (en)', rated: 'tracking: rated (en)' },
  });
  await track.close();

  // Back on the case: the rating has arrived, in both languages.
  await staffPage.goto(url(`/staff/request/?ref=${named.data.reference}`));
  await staffPage.locator('[data-complaint] [data-slot="rating"]').filter({ hasText: 'راضٍ إلى حدٍّ ما' }).waitFor();
  assert.match(await staffPage.locator('[data-complaint] [data-slot="rating"]').innerText(), /كان الرد سريعًا/);
  await assertAccessible(assert, staffPage, 'complaint case with rating (ar)');
  await staffPage.goto(url(`/en/staff/request/?ref=${anonymous.data.reference}`));
  await staffPage.locator('[data-complaint] [data-slot="rating"]').filter({ hasText: 'Not satisfied' }).waitFor();
  await assertAccessible(assert, staffPage, 'complaint case with rating (en)');
  // The report counts them: received, outcomes by result, on time, handling satisfaction (too few to share).
  await staffPage.goto(url('/en/staff/reports/'));
  await staffPage.locator('[data-slot="complaintsReceived"]').filter({ hasText: /upheld/ }).waitFor();
  assert.match(await staffPage.locator('[data-slot="complaintHandling"]').innerText(), /Too few answers|%/);
  await assertAccessible(assert, staffPage, 'report with complaint figures (en)');
  await staffPage.close();
  assert.deepEqual(staffErrors, []);
  assert.deepEqual(trackErrors, []);
});
