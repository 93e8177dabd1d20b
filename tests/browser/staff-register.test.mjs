// Registering on someone's behalf, as an employee: look the beneficiary up first (by mobile, by
// national ID) and the form is prefilled from their latest request; a letter received yesterday
// starts its service clock yesterday; a received time in the future is refused in words meant for
// the employee, as is missing consent ("the beneficiary's consent", never "your consent"); the
// confirmation speaks to the employee and reads the reference aloud. Axe on every state, Arabic
// and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, assertAccessible, trackPageErrors } from './helpers.mjs';

const SESSION_KEY = 'mf-staff-session';
const DAY = 86_400_000;
const riyadhDay = (ms) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(new Date(ms));
let browser;
let page;
let token;
let known;
let knownId;
let earlier;

const api = async (method, path, data) => {
  const res = await page.request.fetch(url(path), { method, headers: { Authorization: `Bearer ${token}` }, data });
  return { status: res.status(), body: await res.json() };
};
const randomMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A valid national ID: 1 or 2, then digits, Luhn check digit last (as NationalIds checks). */
function randomNationalId() {
  const digits = [1, ...Array.from({ length: 8 }, () => Math.floor(Math.random() * 10))];
  const sum = digits.reduce((acc, d, i) => {
    if (i % 2 === 0) { const x = d * 2; return acc + (x > 9 ? x - 9 : x); }
    return acc + d;
  }, 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

async function signIn() {
  await page.goto(url('/staff/'), { waitUntil: 'networkidle' });
  await page.locator('input[name="role"][value="staff"]').check();
  await page.locator('[data-staff-signin] [type="submit"]').click();
  await page.waitForURL(/\/staff\/queue\/$/);
}

/** Fills the form for a letter, in either language, leaving the received-on date to the caller. */
async function fillLetter({ consent = true } = {}) {
  await page.locator('#channel-letter').check();
  await page.locator('#category-service').check();
  await page.locator('#name').fill('عبدالله الشمري');
  await page.locator('#mobile').fill(randomMobile());
  await page.locator('#city').fill('مكة المكرمة');
  await page.locator('#description').fill('خطاب يطلب كرسيًا متحركًا لوالده، وصل بالبريد أمس.');
  await page.locator('#preferredContact').check();
  if (consent) await page.locator('#consent').check();
}

before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  await signIn();
  token = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  known = randomMobile();
  knownId = randomNationalId();
  const res = await api('POST', '/staff/requests', { category: 'service', channel: 'interview', name: 'نوال القحطاني',
    mobile: known, email: 'nawal@example.org', nationalId: knownId, city: 'الطائف', description: 'تحتاج جلسات علاج طبيعي لابنها.',
    preferredContact: 'email', language: 'en', consent: true, onBehalf: { beneficiaryName: 'سعد القحطاني', relationship: 'أم' } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  earlier = res.body.reference;
});
after(async () => { await browser?.close(); });

test('the lookup API: found by mobile or ID with the latest contact; unknown is not found; the ID is never echoed', async () => {
  const byMobile = await api('POST', '/staff/beneficiaries/lookup', { mobile: known });
  assert.equal(byMobile.status, 200, JSON.stringify(byMobile.body));
  assert.equal(byMobile.body.found, true);
  assert.deepEqual(byMobile.body.references, [earlier]);
  assert.equal(byMobile.body.contact.name, 'نوال القحطاني');
  assert.equal(byMobile.body.contact.nationalIdLast4, knownId.slice(-4));
  assert.ok(!JSON.stringify(byMobile.body).includes(knownId), 'only the last four digits of the ID');
  assert.ok(!JSON.stringify(byMobile.body).includes('علاج'), 'no description');
  const byId = await api('POST', '/staff/beneficiaries/lookup', { nationalId: knownId });
  assert.deepEqual(byId.body.references, [earlier]);
  const unknown = await api('POST', '/staff/beneficiaries/lookup', { mobile: randomMobile() });
  assert.deepEqual(unknown.body, { found: false });
  const bad = await api('POST', '/staff/beneficiaries/lookup', { mobile: '12' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].code, 'invalid_mobile');
});

test('look up by mobile prefills the form; by ID too; an unknown or malformed number says so (ar, en)', async () => {
  const errors = trackPageErrors(page);
  await page.goto(url('/staff/new/'), { waitUntil: 'networkidle' });
  await assertAccessible(assert, page, 'new request, before the lookup');
  const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/staff\/beneficiaries\/lookup$/.test(r.url()));
  await page.getByLabel('جوال المستفيد أو رقم هويته').fill(known);
  await page.getByRole('button', { name: 'بحث', exact: true }).click();
  const sent = await posted;
  assert.ok(!sent.url().includes(known.slice(1)), 'the number is in the body, not the address');
  const $result = page.locator('[data-lookup-result]');
  await $result.getByText(/وجدنا «نوال القحطاني»/).waitFor();
  assert.equal(await $result.getAttribute('role'), 'status');
  assert.equal(await $result.getByRole('link', { name: earlier }).count(), 1);
  assert.match(await $result.textContent(), new RegExp(`ينتهي بـ ${knownId.slice(-4)}`));
  assert.equal(await page.locator('#name').inputValue(), 'نوال القحطاني');
  assert.equal(await page.locator('#mobile').inputValue(), `+966${known.slice(1)}`);
  assert.equal(await page.locator('#email').inputValue(), 'nawal@example.org');
  assert.equal(await page.locator('#city').inputValue(), 'الطائف');
  assert.ok(await page.locator('#preferredContact-email').isChecked());
  assert.ok(await page.locator('#language-en').isChecked());
  assert.ok(await page.locator('#onBehalf').isChecked());
  assert.ok(await page.locator('#beneficiaryName').isVisible());
  assert.equal(await page.locator('#beneficiaryName').inputValue(), 'سعد القحطاني');
  assert.equal(await page.locator('#description').inputValue(), '', 'the new request is described anew');
  await assertAccessible(assert, page, 'new request, prefilled from the lookup');

  await page.goto(url('/en/staff/new/'), { waitUntil: 'networkidle' });
  await page.getByLabel('Mobile or national ID number').fill(knownId);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await page.locator('[data-lookup-result]').getByText(/Found “نوال القحطاني”/).waitFor();
  assert.equal(await page.locator('#nationalId').inputValue(), knownId, 'the ID typed is kept for the new request');
  await assertAccessible(assert, page, 'en new request, prefilled by ID');
  await page.getByLabel('Mobile or national ID number').fill(randomMobile());
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await page.locator('[data-lookup-result]').getByText(/No earlier requests/).waitFor();
  await assertAccessible(assert, page, 'en lookup, not found');
  await page.getByLabel('Mobile or national ID number').fill('12');
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await page.locator('#lookup-error').getByText(/Enter a Saudi mobile/).waitFor();
  assert.equal(await page.locator('#lookup').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.locator('#lookup').evaluate((el) => el === document.activeElement), 'focus on the field');
  await assertAccessible(assert, page, 'en lookup, malformed number');
  assert.deepEqual(errors, []);
});

test('a future received date is refused, and missing consent, in words for the employee (ar, en)', async () => {
  const errors = trackPageErrors(page);
  const tomorrow = riyadhDay(Date.now() + DAY);
  for (const [prefix, future, consent, yours] of [
    ['', /وقت الاستلام في المستقبل/, /يلزم موافقة المستفيد/, /موافقتك|طلبك|بريدك/],
    ['/en', /received time is in the future/, /The beneficiary \(or the person acting for them\) must agree/, /your consent|your request/i],
  ]) {
    await page.goto(url(`${prefix}/staff/new/`), { waitUntil: 'networkidle' });
    await fillLetter({ consent: false });
    await page.locator('#receivedAt').fill(tomorrow);
    await page.locator('#receivedTime').fill('09:00');
    // Consent missing: refused by the page, worded for the employee.
    await page.locator('[data-staff-new] [type="submit"]').click();
    const $summary = page.locator('[data-error-summary]');
    await $summary.waitFor();
    assert.match(await $summary.textContent(), consent);
    assert.doesNotMatch(await $summary.textContent(), yours);
    await assertAccessible(assert, page, `letter without consent${prefix ? ' (en)' : ''}`);
    // With consent, the server refuses tomorrow: nothing is registered.
    await page.locator('#consent').check();
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/staff\/requests$/.test(r.url()));
    await page.locator('[data-staff-new] [type="submit"]').click();
    const res = await answered;
    assert.equal(res.status(), 400);
    assert.equal((await res.json()).errors[0].code, 'received_in_future');
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-error-summary]').textContent), future.source);
    assert.equal(await page.locator('.mf-error-summary__list a[href="#receivedAt"]').count(), 1, 'linked to the date');
    assert.equal(await page.locator('#receivedAt').getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator('[data-confirmation]').isHidden());
    await assertAccessible(assert, page, `letter received tomorrow${prefix ? ' (en)' : ''}`);
  }
  assert.deepEqual(errors, []);
});

test('a letter received yesterday starts its clock yesterday; the confirmation speaks to the employee (ar, en)', async () => {
  const errors = trackPageErrors(page);
  const yesterday = riyadhDay(Date.now() - DAY);
  for (const [prefix, next, spoken] of [['', /قائمة العمل/, /·/], ['/en', /work queue/, /·/]]) {
    await page.goto(url(`${prefix}/staff/new/`), { waitUntil: 'networkidle' });
    await fillLetter();
    await page.locator('#receivedAt').fill(yesterday);
    await page.locator('#receivedTime').fill('10:30');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/staff\/requests$/.test(r.url()));
    await page.locator('[data-staff-new] [type="submit"]').click();
    assert.equal((await posted).postDataJSON().receivedAt, `${yesterday}T10:30:00+03:00`);
    const $confirmation = page.locator('[data-confirmation]');
    await $confirmation.locator('h2').waitFor();
    assert.ok(await $confirmation.locator('h2').evaluate((el) => el === document.activeElement));
    const reference = await $confirmation.locator('[data-reference]').getAttribute('data-reference');
    const nextSteps = await $confirmation.locator('[data-slot="next-steps"]').textContent();
    assert.match(nextSteps, next);
    assert.doesNotMatch(nextSteps, /استلمنا طلبك|we received your request/i, 'not the beneficiary’s words');
    const said = await $confirmation.locator('[data-slot="spoken"]').textContent();
    assert.match(said, spoken);
    // Every character of the reference is spoken as a word, not left as a symbol.
    assert.equal(said.split(' · ').length, reference.length);
    assert.ok(said.split(' · ').every((w) => w.length > 1), said);
    await assertAccessible(assert, page, `letter registered${prefix ? ' (en)' : ''}`);

    const detail = await api('GET', `/staff/requests/${reference}`);
    assert.equal(detail.status, 200);
    const start = Date.parse(`${yesterday}T10:30:00+03:00`);
    assert.equal(Date.parse(detail.body.submittedAt), start, 'the clock starts when the letter arrived');
    assert.equal(Date.parse(detail.body.timeline[0].at), start, 'the first timeline entry too');
    assert.ok(Date.parse(detail.body.sla.dueAt) > start);
    assert.equal(detail.body.channel, 'letter');
  }
  assert.deepEqual(errors, []);
});
