// Thin client for the Mustafeed API. The base URL comes from /config/runtime.json
// ({"apiBaseUrl": ""} = same origin), so one build of the site can point at any deployment.

let basePromise;
function apiBase() {
  basePromise ??= fetch(new URL('../../config/runtime.json', import.meta.url), { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}))
    .then((c) => String(c.apiBaseUrl || '').replace(/\/+$/, ''));
  return basePromise;
}

/** A v4 UUID; crypto.randomUUID needs a secure context, a kiosk on plain http may not be one. */
export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * POSTs JSON. Resolves to {status, data, retryAfter} or {status: 0} on a network failure/timeout
 * (never rejects), so callers keep the form and the Idempotency-Key and let the visitor retry.
 */
export async function postJson(path, body, { idempotencyKey } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  try {
    const res = await fetch((await apiBase()) + path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout ? AbortSignal.timeout(20000) : undefined,
    });
    let data = null;
    try { data = await res.json(); } catch { /* empty or non-JSON body */ }
    return { status: res.status, data, retryAfter: res.headers.get('Retry-After') };
  } catch {
    return { status: 0, data: null, retryAfter: null };
  }
}

/** GETs JSON; resolves like {@link postJson} (status 0 on a network failure, never rejects). */
export async function getJson(path) {
  try {
    const res = await fetch((await apiBase()) + path, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout ? AbortSignal.timeout(20000) : undefined,
    });
    let data = null;
    try { data = await res.json(); } catch { /* empty or non-JSON body */ }
    return { status: res.status, data };
  } catch {
    return { status: 0, data: null };
  }
}
