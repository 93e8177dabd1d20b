// The satisfaction survey page (/survey/?t=TOKEN, /en/survey/): one tap records the answer, the
// optional details follow, and every refusal is a friendly page; axe on every state in both languages.
//
// Tokens: against the local runner (`./run --port N`) a real one — sign in as staff, register a
// request, move it received → in_review → in_progress → completed, and read the survey link from the
// completion message in /dev/outbox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { launch, url, assertAccessible, assertFocusVisible, trackPageErrors } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Token helpers
async function call(method, path, body, bearer) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (method === 'POST' && path === '/staff/requests') headers['idempotency-key'] = crypto.randomUUID();
  const res = await fetch(url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  return { status: res.status, data };
}

const SURVEY_LINK = /\/survey\/\?t=([A-Za-z0-9._~%-]+)/g;
const linksIn = (messages) => new Set(messages.flatMap((m) => [...String(m.body ?? '').matchAll(SURVEY_LINK)].map((x) => decodeURIComponent(x[1]))));

/**
 * The real path: a request registered by staff and completed; resolves to the token in the survey
 * link of its completion message. A fresh mobile each time (the survey cooldown is per beneficiary;
 * numbers ending in 99 are "opted out" in moto).
 */
async function tokenFromOutbox({ language = 'ar' } = {}) {
  const login = await call('POST', '/dev/login', { role: 'staff' });
  assert.equal(login.status, 200, `dev login: ${JSON.stringify(login.data)}`);
  const staff = login.data.token;
  let mobile = `05${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`;
  if (mobile.endsWith('99')) mobile = `${mobile.slice(0, -1)}1`;
  const reg = await call('POST', '/staff/requests', { category: 'service', channel: 'interview',
    name: language === 'en' ? 'Sara Tester' : 'سارة المختبرة', mobile, city: 'مكة المكرمة',
    description: 'اختبار الاستبيان', preferredContact: 'sms', language, consent: true }, staff);
  assert.equal(reg.status, 201, `register: ${JSON.stringify(reg.data)}`);
  const ref = reg.data.reference;
  const before = linksIn((await call('GET', '/dev/outbox')).data || []);
  let { version } = (await call('GET', `/staff/requests/${ref}`, undefined, staff)).data;
  for (const status of ['in_review', 'in_progress', 'completed']) {
    const r = await call('POST', `/staff/requests/${ref}/status`, { status, version }, staff);
    assert.equal(r.status, 200, `${status}: ${JSON.stringify(r.data)}`);
    version = r.data.version;
  }
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const messages = (await call('GET', '/dev/outbox')).data || [];
    const mine = messages.filter((m) => String(m.body ?? '').includes(ref));
    const fresh = [...linksIn(mine.length ? mine : messages)].filter((t) => !before.has(t));
    if (fresh.length) return fresh[0];
    await sleep(250);
  }
  throw new Error(`no completion message with a /survey/?t= link for ${ref} in /dev/outbox within 20 s`);
}

/** Records the page's POSTs (method, path, JSON body). */
function recordPosts(page) {
  const posts = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.method() !== 'HEAD') posts.push({ method: r.method(), path: new URL(r.url()).pathname, body: r.postDataJSON() });
  });
  return posts;
}

const visibleState = (page) => page.locator('[data-state]:not([hidden])').getAttribute('data-state');
const waitState = (page, name) => page.locator(`[data-state="${name}"]`).waitFor({ state: 'visible', timeout: 10_000 });
const focusedId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
const tamper = (token) => `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;

// ---------------------------------------------------------------------------------------------
test('survey: the link shows the faces; one tap POSTs {"overall": n} and says thank you', async () => {
  const token = await tokenFromOutbox();
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const posts = recordPosts(page);
  await page.goto(url(`/survey/?t=${token}`));
  await waitState(page, 'survey');
  assert.equal(await page.evaluate(() => document.documentElement.lang + document.documentElement.dir), 'arrtl');
  const labels = await page.locator('[data-faces] [data-score]').allInnerTexts();
  assert.deepEqual(labels.map((s) => s.trim()), ['سيئ جدًا', 'سيئ', 'مقبول', 'جيد', 'ممتاز'], 'faces carry visible words');
  for (const box of await page.locator('[data-faces] [data-score]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
    assert.ok(box >= 48, `face button ${box}px tall`);
  }
  assert.notEqual(await page.locator('[data-slot="service"]').textContent(), '', 'the service is named');
  await assertAccessible(assert, page, 'survey loaded (ar)');
  assert.deepEqual(posts, [], 'nothing sent on load');

  await page.getByRole('button', { name: 'جيد', exact: true }).click();
  await waitState(page, 'thanks');
  assert.deepEqual(posts, [{ method: 'POST', path: `/surveys/${token}`, body: { overall: 4 } }], 'one complete answer, at once');
  assert.equal(await focusedId(page), 'h-thanks', 'focus on the thank-you heading');
  assert.match(await page.locator('[data-state="thanks"]').innerText(), /جيد/);
  await page.locator('[data-more-box]').waitFor();
  await assertAccessible(assert, page, 'survey thanks + follow-up (ar)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('survey: opening a link with &s=4 records nothing; only a tap does', async () => {
  const token = await tokenFromOutbox();
  const page = await browser.context.newPage();
  const posts = recordPosts(page);
  await page.goto(url(`/survey/?t=${token}&s=4`), { waitUntil: 'networkidle' });
  await waitState(page, 'survey');
  await sleep(1500); // anything scheduled after load would have run by now
  assert.deepEqual(posts, [], 'a link preview or mail scanner opening the page records no answer');
  const marked = page.locator('[data-score="4"]');
  assert.match(await marked.getAttribute('class'), /mf-face--marked/);
  assert.match(await marked.innerText(), /اختيارك في الرسالة/, 'the preselection is said in words, not colour only');
  assert.equal(await marked.getAttribute('aria-describedby'), 'preselect-note');
  assert.equal(await page.locator('#preselect-note').isVisible(), true);
  await assertAccessible(assert, page, 'survey with a preselected face');
  // Still unanswered: a different face is accepted as the first answer (a recorded 4 would make it 409).
  await page.getByRole('button', { name: 'مقبول' }).click();
  await waitState(page, 'thanks');
  assert.deepEqual(posts.map((p) => p.body), [{ overall: 3 }]);
  await page.close();
});

test('survey: the details POST again with the same overall; client errors first; then done', async () => {
  const token = await tokenFromOutbox();
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const posts = recordPosts(page);
  await page.goto(url(`/survey/?t=${token}`));
  await waitState(page, 'survey');
  await page.getByRole('button', { name: 'ممتاز' }).click();
  await page.locator('[data-more-box]').waitFor();

  const groups = await page.locator('[data-questions] fieldset legend').allInnerTexts();
  assert.equal(groups.length, 3, `speed, courtesy, clarity: ${groups}`);
  await page.locator('[data-questions] fieldset').nth(0).getByLabel('جيد').check();
  await page.locator('[data-questions] fieldset').nth(1).getByLabel('ممتاز').check();
  await page.getByLabel('نعم').check();
  await page.getByLabel('تعليق').fill('الموظفة كانت لطيفة جدًا.');
  await page.getByLabel(/أجب دون ذكر اسمي/).check();
  await page.getByLabel(/يمكنكم التواصل معي/).check();
  await page.getByRole('button', { name: 'أرسل' }).click();
  // anonymous + contact cannot both hold: summary focused, the field marked, nothing sent
  await page.locator('[data-errors]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute('data-errors')), true);
  assert.equal(await page.locator('#contactConsent').getAttribute('aria-invalid'), 'true');
  assert.equal(posts.length, 1);
  await assertAccessible(assert, page, 'survey follow-up with an error');
  await page.locator('[data-errors] a').click();
  assert.equal(await focusedId(page), 'contactConsent', 'the error link moves focus to the field');

  await page.getByLabel(/يمكنكم التواصل معي/).uncheck();
  await page.getByRole('button', { name: 'أرسل' }).click();
  await waitState(page, 'done');
  assert.equal(await focusedId(page), 'h-done');
  const details = posts[1];
  assert.equal(posts.length, 2);
  assert.deepEqual(details.body, { overall: 5, answers: { [await idOf(page, 0)]: 4, [await idOf(page, 1)]: 5, needMet: true },
    comment: 'الموظفة كانت لطيفة جدًا.', anonymous: true }, 'same overall, only what was answered');
  await assertAccessible(assert, page, 'survey done');
  assert.deepEqual(errors, []);
  await page.close();
});
const idOf = (page, i) => page.locator('[data-questions] fieldset').nth(i).locator('input').first().getAttribute('name');

test('survey: answered before → a friendly "already answered" page, on a reload and on a stale tap', async () => {
  const token = await tokenFromOutbox();
  const stale = await browser.context.newPage();
  await stale.goto(url(`/survey/?t=${token}`));
  await waitState(stale, 'survey');

  const page = await browser.context.newPage();
  await page.goto(url(`/survey/?t=${token}`));
  await waitState(page, 'survey');
  await page.getByRole('button', { name: 'سيئ', exact: true }).click();
  await waitState(page, 'thanks');

  await page.reload();
  await waitState(page, 'answered');
  assert.match(await page.locator('h1:visible').innerText(), /وصلنا رأيك من قبل/);
  assert.match(await page.title(), /وصلنا رأيك من قبل/, 'the title says it too');
  await assertAccessible(assert, page, 'survey already answered (ar)');

  await stale.getByRole('button', { name: 'ممتاز' }).click(); // a second tab, or a tap after the first answer
  await waitState(stale, 'answered');
  assert.equal(await focusedId(stale), 'h-answered');
  await page.close();
  await stale.close();
});

test('survey: expired, tampered and missing links → friendly pages in Arabic and English', async () => {
  const token = await tokenFromOutbox();
  for (const prefix of ['', '/en']) {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(url(`${prefix}/survey/?t=${tamper(token)}`));
    await waitState(page, 'notfound');
    await assertAccessible(assert, page, `survey not found ${prefix || '/'}`);
    // a number to call instead (filled from association.json, fallback in the HTML)
    assert.match(await page.locator('[data-state="notfound"] a[href^="tel:"]').innerText(), /\d/);

    const posts = recordPosts(page);
    await page.goto(url(`${prefix}/survey/`));
    await waitState(page, 'notfound');
    assert.deepEqual(posts, []);

    // Expired: the local runner cannot age a token by 14 days, so the page is given the contract's
    // 410 answer for a real token.
    const expired = token;
    await page.route(`**/surveys/${token}`, (route) => route.fulfill({ status: 410, contentType: 'application/json',
      body: JSON.stringify({ errors: [{ code: 'survey_expired', message: { ar: 'انتهت مدة الاستبيان', en: 'The survey has expired' } }] }) }));
    await page.goto(url(`${prefix}/survey/?t=${expired}&lang=${prefix ? 'en' : 'ar'}`));
    await waitState(page, 'expired');
    await assertAccessible(assert, page, `survey expired ${prefix || '/'}`);
    assert.equal(await page.locator('[data-state="expired"] h1').innerText(), prefix ? 'This survey has closed.' : 'انتهت مدة هذا الاستبيان.');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('survey: an English survey opens the English page; thanks, follow-up and answered in English', async () => {
  const token = await tokenFromOutbox({ language: 'en' });
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(url(`/survey/?t=${token}`)); // the SMS link is always /survey/
  await page.waitForURL(/\/en\/survey\/\?t=/);
  await waitState(page, 'survey');
  assert.equal(await page.evaluate(() => document.documentElement.lang + document.documentElement.dir), 'enltr');
  await assertAccessible(assert, page, 'survey loaded (en)');
  const twin = await page.locator('[data-twin]').getAttribute('href');
  assert.match(twin, new RegExp(`^/survey/\\?t=${token.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}&lang=ar$`), 'the Arabic link keeps the token');

  await page.getByRole('button', { name: 'Okay' }).click();
  await page.locator('[data-more-box]').waitFor();
  await assertAccessible(assert, page, 'survey thanks + follow-up (en)');
  await page.getByLabel('Comment').fill('x'.repeat(1001));
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('[data-errors]').waitFor();
  assert.match(await page.locator('#comment-error').textContent(), /^Error: The comment is longer than 1000/);
  await assertAccessible(assert, page, 'survey follow-up error (en)');
  await page.getByLabel('Comment').fill('Thank you.');
  await page.getByRole('button', { name: 'Send' }).click();
  await waitState(page, 'done');
  await assertAccessible(assert, page, 'survey done (en)');
  await page.reload();
  await waitState(page, 'answered');
  await assertAccessible(assert, page, 'survey already answered (en)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('survey: keyboard only — Tab to a face, Enter answers; radios by arrow keys; Send by Enter', async () => {
  const token = await tokenFromOutbox();
  const page = await browser.context.newPage();
  const posts = recordPosts(page);
  await page.goto(url(`/survey/?t=${token}`));
  await waitState(page, 'survey');
  const order = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.dataset.score || document.activeElement.textContent.trim()));
    if (order.at(-1) === '3') break;
  }
  assert.deepEqual(order, ['English', '1', '2', '3'], 'language link, then the faces in reading order');
  await assertFocusVisible(assert, page, 'face focused');
  await page.keyboard.press('Enter');
  await waitState(page, 'thanks');
  assert.deepEqual(posts.map((p) => p.body), [{ overall: 3 }]);
  await page.locator('[data-more-box]').waitFor();

  await page.keyboard.press('Tab'); // from the focused heading into the first question's group
  assert.equal(await page.evaluate(() => document.activeElement.type), 'radio');
  await page.keyboard.press('Space'); // picks the first choice
  await page.keyboard.press('ArrowLeft'); // RTL: left is the next choice
  await assertFocusVisible(assert, page, 'radio focused');
  assert.equal(posts.length, 1, 'moving through a radio group sends nothing (3.2.2)');
  const picked = await page.evaluate(() => document.activeElement.value);
  assert.equal(picked, '2');
  await page.locator('#comment').focus();
  await page.keyboard.type('جيد');
  await page.locator('button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await waitState(page, 'done');
  assert.equal(posts.length, 2);
  assert.equal(posts[1].body.overall, 3);
  assert.equal(Object.values(posts[1].body.answers)[0], 2);
  await page.close();
});

test('survey: a failed send says so calmly and the same tap works again', async () => {
  const token = await tokenFromOutbox();
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(url(`/survey/?t=${token}`));
  await waitState(page, 'survey');
  await page.route(`**/surveys/${token}`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
  await page.getByRole('button', { name: 'جيد', exact: true }).click();
  await page.locator('[data-send-status]').filter({ hasText: 'لم يصل رأيك' }).waitFor();
  assert.equal(await visibleState(page), 'survey', 'the faces stay');
  await assertAccessible(assert, page, 'survey send failed');
  await page.unroute(`**/surveys/${token}`);
  await page.getByRole('button', { name: 'جيد', exact: true }).click();
  await waitState(page, 'thanks');
  assert.deepEqual(errors, []);
  await page.close();
});

test('survey: the smallest page — ≤ 30 KB uncompressed on opening, no web font, nothing third-party', async (t) => {
  const token = await tokenFromOutbox();
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map();
  cdp.on('Network.responseReceived', (e) => seen.set(e.requestId, { url: e.response.url, type: e.type, raw: 0, wire: 0 }));
  cdp.on('Network.dataReceived', (e) => { const r = seen.get(e.requestId); if (r) r.raw += e.dataLength; });
  cdp.on('Network.loadingFinished', (e) => { const r = seen.get(e.requestId); if (r) r.wire = e.encodedDataLength; });
  await page.goto(url(`/survey/?t=${token}`), { waitUntil: 'networkidle' });
  await waitState(page, 'survey');
  const all = [...seen.values()];
  const raw = all.reduce((s, r) => s + r.raw, 0);
  const wire = all.reduce((s, r) => s + r.wire, 0);
  for (const r of all) t.diagnostic(`${r.raw}\t${r.wire}\t${r.url.replace(/t=[^&]+/, 't=…')}`);
  t.diagnostic(`survey page: ${(raw / 1024).toFixed(1)} KB uncompressed, ${(wire / 1024).toFixed(1)} KB on the wire, ${all.length} requests`);
  assert.ok(raw <= 30 * 1024, `uncompressed ${raw} bytes > 30 KB`);
  assert.deepEqual(all.filter((r) => r.type === 'Font').map((r) => r.url), [], 'system fonts only');
  const origin = new URL(url('/')).origin;
  assert.deepEqual(all.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:')).map((r) => r.url), [], 'nothing third-party');
  await page.close();
});

test('survey end to end: complete a request → link from /dev/outbox → tap → thanks; again → already answered', async () => {
  const token = await tokenFromOutbox();
  const page = await browser.context.newPage();
  await page.goto(url(`/survey/?t=${token}`));
  await waitState(page, 'survey');
  await page.getByRole('button', { name: 'ممتاز' }).click();
  await waitState(page, 'thanks');
  await page.goto(url(`/survey/?t=${token}`));
  await waitState(page, 'answered');
  await page.close();
});
