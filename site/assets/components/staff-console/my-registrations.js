// A volunteer's own registrations on the registering page: GET /staff/requests answers a volunteer
// with only the requests they registered (reference, category, status, date; no beneficiary
// details), newest first. Server texts inserted with textContent only.
import { api } from './session.js';
import { el, ltr, dualDate } from './format.js';
import { pick } from '../../js/i18n.js';

export async function showMyRegistrations() {
  const $section = document.querySelector('[data-my-registrations]');
  if (!$section) return;
  const res = await api('/staff/requests');
  if (res.status !== 200 || !Array.isArray(res.data?.items)) return;
  const $body = $section.querySelector('tbody');
  $body.replaceChildren(...res.data.items.map((i) => el('tr', {},
    el('td', {}, ltr(i.reference)),
    el('td', { textContent: pick(i.categoryLabel) ?? i.category }),
    el('td', { textContent: pick(i.statusLabel) ?? i.status }),
    el('td', {}, dualDate(i.submittedAt)))));
  $section.querySelector('table').hidden = res.data.items.length === 0;
  $section.querySelector('[data-slot="none"]').hidden = res.data.items.length > 0;
  $section.hidden = false;
}
