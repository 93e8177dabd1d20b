// Lobby exit feedback (/kiosk/feedback/?kiosk=ID): five labelled faces, one tap → POST /feedback
// {"kioskId", "score"} → 202 → a thank-you that matches the score → back to the faces in ≈ 4 s;
// button mashing (429 too_many_feedback) shows the same calm thank-you; a tablet nobody registered
// (or one retired) says it is not set up and counts nothing; keyboard operable; axe on every screen
// in both languages; nothing personal sent or kept. Runs against ./run --port N; each test registers
// its own kiosk (its own rate-limit bucket).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { launch, url, assertAccessible, assertFocusVisible, trackPageErrors, registerKiosk } from './helpers.mjs';

let browser;
before(async () => { browser = await launch({ touch: true }); });
after(async () => { await browser?.close(); });

const kioskId = async () => (await registerKiosk(`Lobby ${crypto.randomBytes(3).toString('hex')}`)).id;
const screen = (page) => page.locator('[data-screen]:not([hidden])').getAttribute('data-screen');
const waitScreen = (page, name, timeout = 6000) => page.locator(`[data-screen="${name}"]`).waitFor({ state: 'visible', timeout });

/** The page's POSTs to /feedback with the answer each got. */
function recordFeedback(page) {
  const posts = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/feedback') posts.push({ body: r.request().postDataJSON(), status: r.status() });
  });
  return posts;
}

test('kiosk feedback: tap → 202 → thank-you → back to the faces after about 4 s (ar and en, axe)', async () => {
  for (const [prefix, labels, thanks] of [
    ['', ['سيئ جدًا', 'سيئ', 'مقبول', 'جيد', 'ممتاز'], 'شكرًا لك!'],
    ['/en', ['Very bad', 'Bad', 'Okay', 'Good', 'Excellent'], 'Thank you!'],
  ]) {
    const id = await kioskId();
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    const posts = recordFeedback(page);
    await page.goto(url(`${prefix}/kiosk/feedback/?kiosk=${id}`), { waitUntil: 'networkidle' });
    const faces = page.locator('[data-screen="ask"] [data-score]');
    assert.deepEqual((await faces.allInnerTexts()).map((s) => s.trim()), labels, 'every face has a visible word');
    for (const size of await faces.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return Math.min(r.width, r.height); }))) {
      assert.ok(size >= 96, `face ${size}px < 96px`);
    }
    await assertAccessible(assert, page, `kiosk feedback faces ${prefix || '/'}`);

    await faces.nth(3).tap();
    const shownAt = Date.now();
    await waitScreen(page, 'thanks');
    assert.equal(await page.locator('[data-screen="thanks"] h2').innerText(), thanks);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'h-thanks', 'the thank-you is focused, so it is announced');
    await assertAccessible(assert, page, `kiosk feedback thanks ${prefix || '/'}`);
    await page.waitForFunction(() => document.querySelector('[data-screen="ask"]').hidden === false, null, { timeout: 7000 });
    const after = Date.now() - shownAt;
    assert.ok(after >= 3000 && after <= 6000, `reset after ${after} ms (≈ 4 s)`);
    assert.deepEqual(posts, [{ body: { kioskId: id, score: 4 }, status: 202 }], 'the id and the score, nothing else');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('kiosk feedback: keyboard — Tab to a face, Enter answers, focus is visible', async () => {
  const page = await browser.context.newPage();
  const posts = recordFeedback(page);
  await page.goto(url(`/kiosk/feedback/?kiosk=${await kioskId()}&reset=0.5`), { waitUntil: 'networkidle' });
  await page.keyboard.press('Tab'); // the language link
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.score), '1');
  await assertFocusVisible(assert, page, 'kiosk face');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitScreen(page, 'thanks');
  await waitScreen(page, 'ask');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'h-ask', 'back at the question, ready for the next visitor');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await waitScreen(page, 'thanks');
  await page.waitForTimeout(300);
  assert.deepEqual(posts.map((p) => p.body.score), [3, 1]);
  await page.close();
});

test('kiosk feedback: button mashing — the server answers 429 and the screen says the same thank-you', async () => {
  const id = await kioskId();
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const posts = recordFeedback(page);
  await page.goto(url(`/kiosk/feedback/?kiosk=${id}&reset=0.2`), { waitUntil: 'networkidle' });
  const thanks = [];
  for (let i = 0; i < 12; i++) {
    await waitScreen(page, 'ask');
    await page.locator('[data-score="5"]').tap();
    thanks.push(await page.evaluate(() => {
      document.querySelector('[data-score="1"]').click(); // a second finger while the thank-you shows: ignored
      const $thanks = document.querySelector('[data-screen="thanks"]');
      return $thanks.hidden ? 'not shown' : $thanks.querySelector('h2').textContent;
    }));
  }
  await page.waitForTimeout(500);
  const statuses = posts.map((p) => p.status);
  assert.ok(statuses.includes(429), `12 taps in a few seconds must meet the per-device limit; got ${statuses}`);
  assert.ok(statuses.every((s) => s === 202 || s === 429), `${statuses}`);
  assert.ok(posts.every((p) => p.body.score === 5), 'taps while the thank-you shows are ignored');
  assert.deepEqual([...new Set(thanks)], ['شكرًا لك!'], 'the same calm thank-you, recorded or not');
  assert.deepEqual(errors, []);
  await page.close();
});

test('kiosk feedback: a 429 answer shows the thank-you and no error', async () => {
  const page = await browser.context.newPage();
  const errors = trackPageErrors(page);
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logged.push(m.text()); });
  await page.route('**/feedback', (route) => route.fulfill({ status: 429, contentType: 'application/json', headers: { 'Retry-After': '10' },
    body: JSON.stringify({ errors: [{ code: 'too_many_feedback', message: { ar: 'شكرًا لك', en: 'Thank you' } }] }) }));
  await page.goto(url(`/kiosk/feedback/?kiosk=${await kioskId()}`), { waitUntil: 'networkidle' });
  await page.locator('[data-score="2"]').tap();
  await waitScreen(page, 'thanks');
  await page.waitForTimeout(300);
  assert.equal(await screen(page), 'thanks');
  await assertAccessible(assert, page, 'kiosk feedback thanks after 429');
  assert.deepEqual(logged.filter((m) => !/429/.test(m)), [], 'nothing alarming');
  assert.deepEqual(errors, []);
  await page.close();
});

test('kiosk feedback: offline — thanks anyway, the score is kept in memory and sent when the network is back', async () => {
  const id = await kioskId();
  const page = await browser.context.newPage();
  const posts = recordFeedback(page);
  await page.goto(url(`/kiosk/feedback/?kiosk=${id}&reset=0.5`), { waitUntil: 'networkidle' });
  await page.route('**/feedback', (route) => route.abort('internetdisconnected'));
  await page.locator('[data-score="4"]').tap();
  await waitScreen(page, 'thanks');
  await page.waitForTimeout(300);
  await page.unroute('**/feedback');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(800);
  assert.deepEqual(posts, [{ body: { kioskId: id, score: 4 }, status: 202 }]);
  const kept = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
  assert.equal(kept, 0, 'memory only: nothing in storage or cookies');
  await page.close();
});

test('kiosk feedback: the thank-you matches the answer — sorry for 1–2, plain for 3, glad for 4–5 (ar and en, axe)', async () => {
  const words = {
    '': { sorry: 'شكرًا لأنك أخبرتنا.', neutral: 'شكرًا لك.', glad: 'شكرًا لك!', sorryLead: /نأسف.*ستستفيد الجمعية من رأيك/ },
    '/en': { sorry: 'Thank you for telling us.', neutral: 'Thank you.', glad: 'Thank you!', sorryLead: /sorry.*use your answer to improve/ },
  };
  for (const prefix of ['', '/en']) {
    const page = await browser.context.newPage();
    const errors = trackPageErrors(page);
    const posts = recordFeedback(page);
    // The full 4 s reset, not a shortened one: every check below reads the thank-you screen
    // while it is still up (a 0.3 s reset raced them on a slow machine).
    await page.goto(url(`${prefix}/kiosk/feedback/?kiosk=${await kioskId()}`), { waitUntil: 'networkidle' });
    for (const score of [1, 2, 3, 4, 5]) {
      await waitScreen(page, 'ask');
      await page.locator(`[data-score="${score}"]`).tap();
      await waitScreen(page, 'thanks');
      // One snapshot, taken at once, so the screen cannot change between the checks.
      const seen = await page.evaluate(() => {
        const thanks = document.querySelector('[data-screen="thanks"]');
        const icon = thanks.querySelector('[data-slot="thanks-icon"]');
        return {
          up: !thanks.hidden,
          tone: thanks.dataset.tone,
          title: document.getElementById('h-thanks').innerText,
          lead: thanks.querySelector('[data-slot="thanks-lead"]').innerText,
          icon: !thanks.hidden && icon.getClientRects().length > 0,
          focused: document.activeElement.id,
        };
      });
      const tone = score <= 2 ? 'sorry' : score === 3 ? 'neutral' : 'glad';
      assert.ok(seen.up, `the thank-you is still up for score ${score}`);
      assert.equal(seen.tone, tone, `score ${score}`);
      assert.equal(seen.title, words[prefix][tone], `score ${score} ${prefix}`);
      if (tone === 'sorry') assert.match(seen.lead, words[prefix].sorryLead);
      assert.equal(seen.icon, tone === 'glad', `a smile only after a good visit (score ${score})`);
      assert.equal(seen.focused, 'h-thanks');
      await assertAccessible(assert, page, `kiosk thanks score ${score} ${prefix || '/'}`);
    }
    await page.waitForTimeout(300);
    assert.deepEqual(posts.map((p) => [p.body.score, p.status]), [[1, 202], [2, 202], [3, 202], [4, 202], [5, 202]]);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('kiosk feedback: a tablet nobody registered says it is not set up, and sends nothing (ar and en, axe)', async () => {
  for (const [prefix, heading] of [['', 'هذا الجهاز غير مُهيّأ بعد'], ['/en', 'This tablet is not set up yet']]) {
    for (const query of ['', '?kiosk=lobby-1', '?kiosk=سارة%20العتيبي', '?kiosk=a@b.c']) {
      const page = await browser.context.newPage();
      const errors = trackPageErrors(page);
      const posts = recordFeedback(page);
      await page.goto(url(`${prefix}/kiosk/feedback/${query}`), { waitUntil: 'networkidle' });
      await waitScreen(page, 'not-set-up');
      assert.equal(await screen(page), 'not-set-up', query);
      assert.equal(await page.locator('#h-not-set-up').innerText(), heading);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'h-not-set-up', 'announced');
      assert.equal(await page.locator('[data-score]').first().isVisible(), false, 'no faces to tap');
      if (query === '?kiosk=lobby-1') await assertAccessible(assert, page, `kiosk not set up ${prefix || '/'}`);
      assert.deepEqual(posts, [], `${query}: nothing sent`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});

test('kiosk feedback: a tablet retired while its page is open stops at its next tap, and that tap is not counted', async () => {
  const kiosk = await registerKiosk('Retired while open');
  const page = await browser.context.newPage();
  const posts = recordFeedback(page);
  await page.goto(url(`/kiosk/feedback/?kiosk=${kiosk.id}`), { waitUntil: 'networkidle' });
  await waitScreen(page, 'ask');
  const login = await page.request.post(url('/dev/login'), { data: { role: 'manager' } });
  const { token } = await login.json();
  const retired = await page.request.post(url(`/staff/kiosks/${kiosk.id}/retire`), { headers: { Authorization: `Bearer ${token}` }, data: {} });
  assert.equal(retired.status(), 200);
  await page.locator('[data-score="5"]').tap();
  await waitScreen(page, 'not-set-up');
  assert.deepEqual(posts.map((p) => p.status), [404]);
  await page.waitForTimeout(4500);
  assert.equal(await screen(page), 'not-set-up', 'it stays: the next visitor is not thanked for nothing');
  await page.close();
});

test('kiosk feedback: the kiosk id sent is the one in ?kiosk=, and nothing else', async () => {
  const id = await kioskId();
  const page = await browser.context.newPage();
  await page.goto(url(`/kiosk/feedback/?kiosk=${id}`), { waitUntil: 'networkidle' });
  const requests = [];
  page.on('request', (r) => r.method() === 'POST' && requests.push(r.postDataJSON()));
  await page.locator('[data-score="3"]').tap();
  await waitScreen(page, 'thanks');
  await page.waitForTimeout(200);
  assert.deepEqual(requests, [{ kioskId: id, score: 3 }]);
  assert.equal(await page.locator('[data-twin]').getAttribute('href'), `/en/kiosk/feedback/?kiosk=${id}`, 'the language link keeps the tablet');
  await page.close();
});
