// Lobby kiosks (/staff/tablets/, managers; not /staff/kiosks/, which is the API's path): register a
// tablet (where it stands, as typed) and get its address; list them; retire one with a two-step
// button. Only a registered tablet's exit taps count (POST /feedback refuses others), so the address
// shown here is the one to open on the tablet — the site's own origin, since the console and the
// kiosk pages are served from the same place. The API is the authority on roles: an employee who
// opens the address is told the page is for managers.
import { api } from './session.js';
import { s } from './strings.js';
import { el, ltr, dualDate } from './format.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

export default function kiosksPage(session) {
  const $problem = document.querySelector('[data-problem]');
  const $message = document.querySelector('[data-message]');
  const $body = document.querySelector('[data-kiosks-body]');
  const $list = document.querySelector('[data-slot="list"]');
  const $empty = document.querySelector('[data-slot="empty"]');
  const $form = document.querySelector('[data-kiosk-form]');
  const $summary = document.querySelector('[data-error-summary]');
  let busy = false;
  $form.noValidate = true;

  const showProblem = (text) => { $problem.textContent = text; $problem.hidden = false; $problem.focus(); };
  const showMessage = (...parts) => { $message.replaceChildren(...parts); $message.hidden = false; $message.focus(); };
  const failure = (res) => (res.status === 403 ? s.forbidden : res.status === 0 ? s.network : s.server);
  // The tablet opens the page in the language it should greet visitors in; both are offered.
  const address = (k, english) => `${location.origin}${english ? '/en' : ''}${k.path}`;

  async function load() {
    const res = await api('/staff/kiosks');
    if (res.status !== 200 || !Array.isArray(res.data?.items)) {
      $body.hidden = true;
      showProblem(failure(res));
      return false;
    }
    $list.replaceChildren(...res.data.items.map(item));
    $empty.hidden = res.data.items.length !== 0;
    $body.hidden = false;
    return true;
  }

  function addresses(k) {
    return el('dl', { className: 'mf-staff-kiosk__addresses' },
      el('dt', { textContent: s.kioskAddressAr }), el('dd', {}, el('code', { dir: 'ltr', textContent: address(k, false) })),
      el('dt', { textContent: s.kioskAddressEn }), el('dd', {}, el('code', { dir: 'ltr', textContent: address(k, true) })));
  }

  function item(k) {
    const $item = el('li', { className: 'mf-staff-replies__item', dataset: { id: k.id, active: String(k.active) } },
      el('h3', { textContent: k.label, dir: 'auto' }),
      el('p', { className: 'mf-staff-tag', textContent: k.active ? s.kioskActive : s.kioskRetiredTag }),
      el('p', { className: 'mf-staff-timeline__meta' }, s.kioskRegisteredBy, ' ', el('bdi', { textContent: k.registeredBy }), ' — ', dualDate(k.registeredAt, { short: true })));
    if (!k.active) {
      $item.append(el('p', { className: 'mf-staff-timeline__meta' }, s.kioskRetiredBy, ' ', el('bdi', { textContent: k.retiredBy ?? '' }), ' — ', dualDate(k.retiredAt, { short: true })));
      return $item;
    }
    $item.append(addresses(k));
    const $retire = el('button', { type: 'button', className: 'mf-button mf-button--secondary', textContent: s.kioskRetire(k.label) });
    // Two steps, no dialog: the first press asks, the second (same button, now saying so) retires.
    $retire.addEventListener('click', async () => {
      if ($retire.dataset.confirm !== 'yes') {
        $retire.dataset.confirm = 'yes';
        $retire.textContent = s.kioskConfirmRetire(k.label);
        return;
      }
      const res = await api(`/staff/kiosks/${encodeURIComponent(k.id)}/retire`, { method: 'POST', body: {} });
      if (res.status !== 200) { showProblem(failure(res)); return; }
      if (await load()) showMessage(s.kioskRetired(k.label));
    });
    $item.append(el('div', { className: 'mf-button-row' }, $retire));
    return $item;
  }

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    const label = $form.elements.label.value.trim();
    if (!label) { showErrors($form, $summary, [{ field: 'label', code: 'required' }]); return; }
    clearErrors($form, $summary);
    $message.hidden = true;
    const $submit = $form.querySelector('[type="submit"]');
    busy = true;
    setBusy($form, $submit, true, s.sending);
    const res = await api('/staff/kiosks', { method: 'POST', body: { label } });
    setBusy($form, $submit, false);
    busy = false;
    if (res.status === 201 && res.data?.id) {
      $form.reset();
      if (await load()) {
        showMessage(el('p', { textContent: s.kioskRegistered(res.data.label) }), el('p', {}, ltr(address(res.data, document.documentElement.lang === 'en'))));
      }
    } else if (res.status === 400 && Array.isArray(res.data?.errors)) {
      showErrors($form, $summary, res.data.errors);
    } else {
      showProblem(failure(res));
    }
  });

  if (session?.role !== 'manager') { showProblem(s.forbidden); return; }
  load();
}
