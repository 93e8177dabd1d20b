// Staff sign-in through the association's Cognito user pool (the deployed console). Authorization
// code flow with PKCE for a public browser client (RFC 7636): no client secret exists to leak, the
// code is useless without the verifier that never leaves this tab, and `state` ties the answer to
// the request this tab made. The ID token is then used as the bearer token, as the API's JWT
// authorizer expects (audience = this client).
const PKCE_KEY = 'mf-staff-pkce';

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function randomText(bytes = 32) {
  return b64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Where Cognito sends the person back: this sign-in page, exactly as registered on the client. */
export function redirectUri(consoleRoot) {
  return `${location.origin}${consoleRoot}`;
}

/** Leaves for Cognito's sign-in page; `next` is where to go after (already checked by the caller). */
export async function beginSignIn(config, consoleRoot, next) {
  const verifier = randomText(48);
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomText(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, next }));
  const q = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(consoleRoot),
    scope: 'openid email profile', code_challenge_method: 'S256', code_challenge: challenge, state,
  });
  location.assign(`https://${config.domain}/oauth2/authorize?${q}`);
}

function claimsOf(idToken) {
  const payload = idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json);
}

/**
 * Finishes the sign-in when Cognito sent the person back with ?code=&state=. Resolves to
 * {session, next} or {error} ("state" when the answer is not for this tab, "token" when the
 * exchange failed, "role" when the account is in neither group).
 */
export async function completeSignIn(config, consoleRoot, params) {
  let pending = null;
  try { pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null'); } catch { /* none */ }
  sessionStorage.removeItem(PKCE_KEY);
  if (!pending || pending.state !== params.get('state')) return { error: 'state' };
  let tokens;
  try {
    const res = await fetch(`https://${config.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
        redirect_uri: redirectUri(consoleRoot), code_verifier: pending.verifier,
      }),
      credentials: 'omit',
    });
    if (!res.ok) return { error: 'token' };
    tokens = await res.json();
  } catch {
    return { error: 'token' };
  }
  const claims = claimsOf(tokens.id_token);
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  const role = groups.includes('manager') ? 'manager'
    : groups.includes('staff') ? 'staff' : groups.includes('volunteer') ? 'volunteer' : null;
  if (!role) return { error: 'role' };
  const expiresAt = new Date(Date.now() + (Number(tokens.expires_in) || 3600) * 1000).toISOString();
  return {
    session: { token: tokens.id_token, role, name: claims.name || claims.email || '', expiresAt },
    next: pending.next,
  };
}
