// Development sign-in (/staff/): choose a role, POST /dev/login, keep the token for this tab only.
// In AWS the association's Cognito sign-in replaces this page's form; the token is used the same way.
import { t } from '../../js/i18n.js';
import { api, startSession, endSession, safeNext, consoleRoot, currentSession } from './session.js';
import { s } from './strings.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

export default function signin() {
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
      location.assign(safeNext(params.get('next')) ?? `${consoleRoot}queue/`);
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
