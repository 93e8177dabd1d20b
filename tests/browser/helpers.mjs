// Shared set-up for the browser tests: Debian's Chromium through playwright-core, axe-core injected
// from node_modules. BASE_URL points at the local runner (./run --port N).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const url = (p) => `${BASE_URL}${p}`;

export async function launch({ touch = false } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    hasTouch: touch, // the kiosk tests tap like a finger on the lobby tablet
  });
  return {
    context,
    async close() { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

/** Runs axe with the WCAG A/AA tags; resolves to the violations (empty when clean). */
export async function axe(page) {
  // Evaluated, not added as a <script>: the pages run under the production CSP, which refuses any
  // inline script (tests/browser/csp.test.mjs proves it); DevTools evaluation is not a page script.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, AXE_TAGS);
}

export function describeViolations(violations) {
  return violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
}

/** Asserts no axe violations, naming every rule and target in the failure message. */
export async function assertAccessible(assert, page, state) {
  const violations = await axe(page);
  assert.deepEqual(violations.map((v) => v.id), [], `axe violations on ${state}:\n${describeViolations(violations)}`);
}

/** Fails the test on uncaught page errors (a broken module must not pass silently). */
export function trackPageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Asserts the focused element shows a focus indicator: an outline or a box-shadow ring on it (or,
 *  for a radio/checkbox inside a tile or choice row, on its label). */
export async function assertFocusVisible(assert, page, state) {
  const r = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: 'body' };
    const ringed = (e) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
    };
    const label = el.closest('label');
    const ok = ringed(el) || Boolean(label && ringed(label)) || el.tabIndex === -1; // headings/regions focused by script
    return { ok, what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.textContent || el.name || '').trim().slice(0, 30)}` };
  });
  assert.ok(r.ok, `no visible focus indicator on ${r.what} (${state})`);
}

/**
 * Replaces the Web Speech API with a recorder. voices: [{name, lang}] the "device" has; each
 * utterance "plays" for speakMs. Spoken texts land in window.__spoken as {text, lang, voice}.
 */
export async function stubSpeech(page, { voices = [], speakMs = 50 } = {}) {
  await page.addInitScript(({ voices, speakMs }) => {
    const spoken = [];
    let queue = 0;
    const synth = {
      get speaking() { return queue > 0; },
      get pending() { return false; },
      getVoices: () => voices.map((v) => ({ localService: true, default: false, voiceURI: v.name, ...v })),
      speak(u) {
        spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
        queue++;
        setTimeout(() => { queue = Math.max(0, queue - 1); u.onend?.(); }, speakMs * queue);
      },
      cancel() { queue = 0; },
      addEventListener() {}, removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    window.__spoken = spoken;
  }, { voices, speakMs });
}

/** Where the test run writes the kiosk screenshots reviewers look at (committed). */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || new URL('../../docs/screenshots/', import.meta.url).pathname;

/**
 * Records layout shifts from the first byte (buffered), as the Layout Instability API reports them:
 * shifts within 500 ms of a tap or key press (hadRecentInput) are expected and left out, as
 * cumulative layout shift leaves them out. Read the total with layoutShift(page).
 */
export async function observeLayoutShift(page) {
  await page.addInitScript(() => {
    window.__layoutShift = { total: 0, shifts: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__layoutShift.total += e.value;
        const nodes = e.sources.map((s) => (s.node ? `${s.node.nodeName.toLowerCase()}${s.node.className ? `.${String(s.node.className).split(' ')[0]}` : ''}` : '?'));
        window.__layoutShift.shifts.push(`${e.value.toFixed(4)} ${nodes.join(' ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The unexpected layout shift so far ({total, shifts}: each shift's value and the nodes it moved). */
export const layoutShift = (page) => page.evaluate(() => window.__layoutShift);

/** The budget for unexpected layout shift on every page and screen (issue 23; "good" CLS is ≤ 0.1). */
export const LAYOUT_SHIFT_BUDGET = 0.02;

/**
 * The emulator behind the local runner (moto), for tests that must put the table into a state no
 * public route can reach yet. EMULATOR_URL is set by ./test; ./run's default moto port otherwise.
 */
export const EMULATOR_URL = (process.env.EMULATOR_URL || 'http://127.0.0.1:4566').replace(/\/+$/, '');
const REGION = process.env.AWS_REGION || 'me-south-1';

/** One DynamoDB call (JSON 1.0 protocol, as the SDKs send it); moto reads the region from the credential scope, not the signature. */
export async function dynamoDb(operation, body) {
  const res = await fetch(EMULATOR_URL, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `DynamoDB_20120810.${operation}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=local/20260101/${REGION}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`DynamoDB ${operation} at ${EMULATOR_URL}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/** The name the local runner gave template.yaml's RequestsTable (<stack>-RequestsTable). */
export async function requestsTable() {
  const { TableNames: names } = await dynamoDb('ListTables', {});
  const table = names.find((n) => n.endsWith('-RequestsTable'));
  if (!table) throw new Error(`no RequestsTable in ${EMULATOR_URL}: ${names}`);
  return table;
}

/**
 * A lobby tablet registered as a manager registers it (development sign-in, POST /staff/kiosks):
 * only a registered kiosk's exit taps count. Each call is a new kiosk, so each test has its own
 * rate-limit bucket. Returns {id, path, label}.
 */
export async function registerKiosk(label = 'Browser test tablet') {
  const login = await fetch(url('/dev/login'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'manager' }) });
  const { token } = await login.json();
  const res = await fetch(url('/staff/kiosks'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ label }),
  });
  const kiosk = await res.json();
  if (res.status !== 201) throw new Error(`register kiosk: ${res.status} ${JSON.stringify(kiosk)}`);
  return kiosk;
}
