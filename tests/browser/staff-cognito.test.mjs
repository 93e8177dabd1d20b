// The deployed staff sign-in: with a user pool named in runtime.json the console signs in through
// Cognito's hosted page (authorization code + PKCE). Cognito is played here by intercepted requests:
// the test checks what a real user pool checks (S256 challenge matches the verifier, state, redirect).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { launch, url, assertAccessible } from './helpers.mjs';

const CLIENT = 'client-abc123';
let browser;
// The user pool's domain as the site's CSP names it (the template's policy, served by the runner):
// a console that fetched tokens from any other host would be refused in production, so here too.
let DOMAIN;
before(async () => {
  browser = await launch();
  const csp = (await fetch(url('/staff/'))).headers.get('content-security-policy') ?? '';
  DOMAIN = /https:\/\/([\w.-]+\.amazoncognito\.com)/.exec(csp)?.[1];
  assert.ok(DOMAIN, `the site's CSP names the sign-in domain: ${csp}`);
});
after(async () => { await browser?.close(); });

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const fakeIdToken = (claims) => `${b64url(JSON.stringify({ alg: 'RS256', kid: 'k' }))}.${b64url(JSON.stringify(claims))}.c2ln`;

async function cognitoPage({ groups = ['staff'], tamperState = false } = {}) {
  const page = await browser.context.newPage();
  const seen = {};
  await page.route('**/config/runtime.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ apiBaseUrl: '', staffSignIn: { domain: DOMAIN, clientId: CLIENT } }),
  }));
  await page.route(`https://${DOMAIN}/oauth2/authorize?**`, (route) => {
    const q = new URL(route.request().url()).searchParams;
    seen.authorize = Object.fromEntries(q);
    const state = tamperState ? 'not-the-state' : q.get('state');
    route.fulfill({ status: 302, headers: { location: `${q.get('redirect_uri')}?code=the-code&state=${state}` } });
  });
  await page.route(`https://${DOMAIN}/oauth2/token`, (route) => {
    const form = new URLSearchParams(route.request().postData());
    seen.token = Object.fromEntries(form);
    const challenge = createHash('sha256').update(form.get('code_verifier')).digest('base64url');
    if (challenge !== seen.authorize.code_challenge || form.get('code') !== 'the-code') {
      route.fulfill({ status: 400, contentType: 'application/json', body: '{"error":"invalid_grant"}' });
      return;
    }
    route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify({
      id_token: fakeIdToken({ sub: 'u-1', name: 'أمل الحربي', 'cognito:groups': groups, aud: CLIENT }),
      access_token: 'a', expires_in: 3600, token_type: 'Bearer' }) });
  });
  await page.route('**/staff/requests?**', (route) => route.fulfill({
    contentType: 'application/json', body: '{"items":[],"nextCursor":null}' }));
  await page.route('**/staff/requests', (route) => route.fulfill({
    contentType: 'application/json', body: '{"items":[],"nextCursor":null}' }));
  return { page, seen };
}

test('with a user pool configured, staff sign in through Cognito with PKCE and land in the queue', async () => {
  const { page, seen } = await cognitoPage();
  await page.goto(url('/staff/'), { waitUntil: 'networkidle' });
  assert.ok(await page.locator('[data-staff-signin]').isHidden(), 'the development form is gone');
  assert.ok(await page.locator('.mf-staff-banner').isHidden(), 'and its banner');
  await assertAccessible(assert, page, 'cognito sign-in');
  await page.getByRole('button', { name: 'الدخول بحساب الجمعية' }).click();
  await page.waitForURL(/\/staff\/queue\/$/);

  assert.equal(seen.authorize.client_id, CLIENT);
  assert.equal(seen.authorize.code_challenge_method, 'S256');
  assert.equal(seen.authorize.redirect_uri, url('/staff/'));
  assert.match(seen.authorize.scope, /openid/);
  assert.equal(seen.token.grant_type, 'authorization_code');
  const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('mf-staff-session')));
  assert.equal(session.role, 'staff');
  assert.equal(session.name, 'أمل الحربي');
  assert.equal(session.dev, false);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('mf-staff-pkce')), null, 'the verifier is spent');
  await page.close();
});

test('an answer that is not for this tab (state mismatch) signs nobody in', async () => {
  const { page } = await cognitoPage({ tamperState: true });
  await page.goto(url('/staff/'), { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'الدخول بحساب الجمعية' }).click();
  const $summary = page.locator('[data-error-summary]');
  await $summary.waitFor();
  assert.match(await $summary.textContent(), /لم يكتمل الدخول/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('mf-staff-session')), null);
  assert.ok(!page.url().includes('code='), 'the code is cleared from the address');
  await assertAccessible(assert, page, 'cognito sign-in refused');
  await page.close();
});

test('an account in neither group is told to ask the administrator', async () => {
  const { page } = await cognitoPage({ groups: [] });
  await page.goto(url('/en/staff/'), { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Sign in with the association account' }).click();
  await page.locator('[data-error-summary]').getByText(/neither the staff nor the managers group/).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('mf-staff-session')), null);
  await page.close();
});
