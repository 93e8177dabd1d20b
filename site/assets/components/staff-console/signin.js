// Staff sign-in (/staff/). Deployed: runtime.json names the Cognito user pool's sign-in domain and
// client, and the page offers "sign in with the association account" (cognito.js). Locally: choose a
// role, POST /dev/login. Either way the token is kept for this tab only and used the same way.
import { t } from '../../js/i18n.js';
import { api, startSession, endSession, safeNext, consoleRoot, currentSession, runtimeConfig } from './session.js';
import { beginSignIn, completeSignIn } from './cognito.js';
import { s } from './strings.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

export default async function signin() {
  const config = (await runtimeConfig()).staffSignIn;
  if (config?.domain && config?.clientId) {
    await cognitoSignIn(config);
    return;
  }
  const $form = document.querySelector('[data-staff-signin]');
  const $summary = document.querySelector('[data-error-summary]');
  const $notice = document.querySelector('[data-signin-notice]');
  const $submit = $form.querySelector('[type="submit"]');
  const params = new URLSearchParams(location.search);
  const reason = params.get('reason');
  let sending = false;
  $form.noValidate = true;

  if (reason === 'expired' || reason === 'signin' || reason === 'signedout') {
    // Arriving here because a page sent us: say why, in a focused region (4.1.3, 2.4.3).
    $notice.textContent = { signedout: s.signedOut, signin: s.signInFirst }[reason] ?? s.sessionEnded;
    $notice.hidden = false;
    if (reason !== 'signin') $notice.focus();
  }
  const existing = currentSession();
  if (existing && !reason) $form.elements.role.value = existing.role;

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (sending) return;
    const role = $form.elements.role.value;
    if (!role) {
      showErrors($form, $summary, [{ field: 'role', code: 'required_role', message: s.chooseRole }]);
      return;
    }
    clearErrors($form, $summary);
    sending = true;
    setBusy($form, $submit, true, s.signingIn);
    const res = await api('/dev/login', { method: 'POST', body: { role }, auth: false });
    setBusy($form, $submit, false);
    sending = false;
    if (res.status === 200 && res.data?.token) {
      endSession();
      startSession(res.data, { dev: true });
      location.assign(safeNext(params.get('next')) ?? landing(res.data.role));
      return;
    }
    const message = res.status === 0 ? s.network
      : res.status === 404 || res.status === 405 ? s.devLoginMissing
        : res.status >= 500 ? s.server : null;
    const errors = message ? [{ code: 'server', message }]
      : (Array.isArray(res.data?.errors) && res.data.errors.length ? res.data.errors : [{ code: 'server', message: t.server }]);
    showErrors($form, $summary, errors);
  });
}

/** Where a role starts: a volunteer registers (the queue is not theirs), everyone else works the queue. */
function landing(role) {
  return role === 'volunteer' ? `${consoleRoot}new/` : `${consoleRoot}queue/`;
}

/** The deployed sign-in: the development form and banner give way to the association's account. */
async function cognitoSignIn(config) {
  const params = new URLSearchParams(location.search);
  const $summary = document.querySelector('[data-error-summary]');
  const $notice = document.querySelector('[data-signin-notice]');
  document.querySelector('[data-staff-signin]').hidden = true;
  document.querySelector('.mf-staff-banner').hidden = true;
  const $cognito = document.querySelector('[data-cognito-signin]');
  $cognito.hidden = false;
  if (params.has('code')) {
    $notice.textContent = s.signingIn;
    $notice.hidden = false;
    const result = await completeSignIn(config, consoleRoot, params);
    if (result.session) {
      endSession();
      startSession(result.session);
      location.replace(safeNext(result.next) ?? landing(result.session.role));
      return;
    }
    $notice.hidden = true;
    const message = { state: s.signInAgain, role: s.noStaffRole }[result.error] ?? s.server;
    showErrors(document.querySelector('[data-cognito-form]'), $summary, [{ code: `signin_${result.error}`, message }]);
    history.replaceState(null, '', consoleRoot);
  } else if (params.has('error')) {
    showErrors(document.querySelector('[data-cognito-form]'), $summary, [{ code: 'signin_refused', message: s.signInAgain }]);
  }
  $cognito.querySelector('button').addEventListener('click', () => {
    beginSignIn(config, consoleRoot, safeNext(params.get('next')));
  });
}
