// The request page's owner: who works on the request, "assign to me", and giving it to a
// colleague (the staff directory: everyone who has used the queue) or to nobody. Mounted into the
// page header's [data-assignee-slot], apart from the page body. Also points "back to the requests"
// at the queue view and filters the employee came from.
import { api } from './session.js';
import { s } from './strings.js';
import { el, announce } from './format.js';
import { LAST_QUEUE_URL } from './queue.js';

export default async function assignee() {
  restoreBackLink();
  const $slot = document.querySelector('[data-assignee-slot]');
  const reference = new URLSearchParams(location.search).get('ref');
  if (!$slot || !reference) return;
  const path = `/staff/requests/${encodeURIComponent(reference)}`;
  const [detail, colleagues] = await Promise.all([api(path), api('/staff/colleagues')]);
  if (detail.status !== 200) return; // the page body says what went wrong
  const people = colleagues.status === 200 && Array.isArray(colleagues.data?.items) ? colleagues.data.items : [];

  const $owner = el('strong', { dir: 'auto' });
  const $live = el('p', { className: 'mf-visually-hidden', attrs: { role: 'status' } });
  const $me = el('button', { type: 'button', className: 'mf-button mf-button--secondary', textContent: s.assignToMe });
  const $select = el('select', { className: 'mf-form__select', id: 'assignee-choice', name: 'assignee' },
    el('option', { value: '', textContent: s.unassign }),
    ...people.map((p) => el('option', { value: p.id, textContent: p.name })));
  const $give = el('button', { type: 'button', className: 'mf-button mf-button--secondary', textContent: s.assign });
  const $problem = el('p', { className: 'mf-form__error', hidden: true, attrs: { role: 'alert' } });

  let current = { id: detail.data.assignee ?? null, name: detail.data.assigneeName ?? null };
  const show = () => {
    $owner.textContent = current.name ?? s.nobody;
    $select.value = current.id && people.some((p) => p.id === current.id) ? current.id : '';
  };

  async function assign(to, $button) {
    $button.disabled = true;
    $problem.hidden = true;
    const res = await api(`${path}/assignee`, { method: 'POST', body: { assignee: to } });
    $button.disabled = false;
    if (res.status === 200) {
      current = { id: res.data.assignee ?? null, name: res.data.assigneeName ?? null };
      show();
      announce($live, current.name ? s.assignedNow(current.name) : s.unassignedNow);
      return;
    }
    $problem.textContent = res.status === 0 ? s.network : s.server;
    $problem.hidden = false;
  }

  $me.addEventListener('click', () => assign('me', $me));
  $give.addEventListener('click', () => assign($select.value || null, $give));
  $slot.replaceChildren(
    el('p', {}, `${s.owner}: `, $owner, ' ', $me),
    el('p', {}, el('label', { htmlFor: 'assignee-choice', textContent: `${s.assignTo} ` }), $select, ' ', $give),
    $problem,
    $live);
  show();
  $slot.hidden = false;
}

function restoreBackLink() {
  let url = null;
  try { url = sessionStorage.getItem(LAST_QUEUE_URL); } catch { /* none kept */ }
  if (!url || !url.startsWith('/')) return;
  const $back = [...document.querySelectorAll('main a[href]')].find((a) => /\/staff\/queue\/$/.test(a.getAttribute('href')));
  // Only a queue address of this console (the same language's path) replaces the plain link.
  if ($back && url.startsWith($back.getAttribute('href'))) $back.setAttribute('href', url);
}
