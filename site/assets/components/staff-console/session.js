// The staff session: a bearer token kept in sessionStorage (a staff desk PC: the token dies with the
// tab, is never in a cookie the public site could send, and never in the address), and one fetch
// wrapper that sends it. Any 401 ends the session and returns to sign-in with the page to come back to.
import { lang } from '../../js/i18n.js';

const KEY = 'mf-staff-session';
export const consoleRoot = lang === 'en' ? '/en/staff/' : '/staff/';

let configPromise;
/** The deployment's runtime.json: the API base ("" = same origin) and, in AWS, the staff sign-in. */
export function runtimeConfig() {
  configPromise ??= fetch(new URL('../../../config/runtime.json', import.meta.url), { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  return configPromise;
}

function apiBase() {
  // Same file and rule as the public site (js/api.js).
  return runtimeConfig().then((c) => String(c.apiBaseUrl || '').replace(/\/+$/, ''));
}

/** {token, role, name, expiresAt, dev} or null when absent or expired. */
export function currentSession() {
  let value = null;
  try { value = JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch { /* corrupt: treat as none */ }
  if (!value?.token) return null;
  if (value.expiresAt && Date.parse(value.expiresAt) <= Date.now()) { endSession(); return null; }
  return value;
}

export function startSession(data, { dev = false } = {}) {
  const { token, role, name, expiresAt } = data;
  sessionStorage.setItem(KEY, JSON.stringify({ token, role, name, expiresAt, dev }));
}

export function endSession() { sessionStorage.removeItem(KEY); }

/** Only console pages of this site may be a "next" target (no open redirect through ?next=). */
export function safeNext(next) {
  if (typeof next !== 'string') return null;
  return /^\/(en\/)?staff\/[A-Za-z0-9/_\-?=&.%]*$/.test(next) && !next.includes('//') ? next : null;
}

export function goToSignIn(reason) {
  const next = location.pathname + location.search;
  const q = new URLSearchParams();
  if (reason) q.set('reason', reason);
  if (safeNext(next) && location.pathname !== consoleRoot) q.set('next', next);
  location.replace(`${consoleRoot}?${q}`);
}

/** Pages other than sign-in call this first; without a session they go to sign-in and get null. */
export function requireSession() {
  const session = currentSession();
  if (!session) goToSignIn('signin');
  return session;
}

/**
 * Calls the staff API. Resolves to {status, data, response} — {status: 0} on a network failure —
 * never rejects. A 401 ends the session and leaves for sign-in (the promise then never settles, so
 * callers do not flash an error on the way out).
 */
export async function api(path, { method = 'GET', body, raw = false, auth = true, headers: extra = {} } = {}) {
  const headers = { Accept: raw ? 'text/csv' : 'application/json', ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) {
    const session = currentSession();
    if (!session) { goToSignIn('expired'); return new Promise(() => {}); }
    headers.Authorization = `Bearer ${session.token}`;
  }
  let response;
  try {
    response = await fetch((await apiBase()) + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
      signal: AbortSignal.timeout ? AbortSignal.timeout(20000) : undefined,
    });
  } catch {
    return { status: 0, data: null, response: null };
  }
  if (response.status === 401 && auth) {
    endSession();
    goToSignIn('expired');
    return new Promise(() => {});
  }
  if (raw && response.ok) return { status: response.status, data: await response.blob(), response };
  let data = null;
  try { data = await response.json(); } catch { /* empty or not JSON */ }
  return { status: response.status, data, response };
}

/** "a=1&b=" → only non-empty values, so the API never sees empty filters. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}
