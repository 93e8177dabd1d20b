// Saved replies (/staff/replies/, managers): the list, each with Edit and a two-step Delete, and one
// form for a new reply or the one being edited — a title and a text in each language, with the
// {reference} and {name} placeholders the request page fills. A new reply gets its id here, so
// repeating a save after a network failure replaces instead of duplicating. The API is the
// authority on roles: an employee who opens the address is told the page is for managers (403).
import { api } from './session.js';
import { s } from './strings.js';
import { el } from './format.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';

export default function savedRepliesPage(session) {
  const $problem = document.querySelector('[data-problem]');
  const $message = document.querySelector('[data-message]');
  const $body = document.querySelector('[data-replies-body]');
  const $list = document.querySelector('[data-slot="list"]');
  const $empty = document.querySelector('[data-slot="empty"]');
  const $form = document.querySelector('[data-reply-form]');
  const $summary = document.querySelector('[data-error-summary]');
  const $formTitle = document.querySelector('#form-title');
  const $cancel = $form.querySelector('[data-action="cancel"]');
  const en = document.documentElement.lang === 'en';
  const titleOf = (r) => (en ? r.titleEn : r.titleAr) || r.titleAr || r.titleEn;
  let replies = [];
  let busy = false;
  $form.noValidate = true;

  const showProblem = (text) => { $problem.textContent = text; $problem.hidden = false; $problem.focus(); };
  const showMessage = (text) => { $message.textContent = text; $message.hidden = false; $message.focus(); };

  async function load() {
    const res = await api('/staff/saved-replies');
    if (res.status !== 200 || !Array.isArray(res.data?.items)) {
      $body.hidden = true;
      showProblem(res.status === 0 ? s.network : s.server);
      return false;
    }
    replies = [...res.data.items].sort((a, b) => titleOf(a).localeCompare(titleOf(b), document.documentElement.lang));
    $list.replaceChildren(...replies.map(item));
    $empty.hidden = replies.length !== 0;
    $body.hidden = false;
    return true;
  }

  // Both languages are shown: the manager checks that the two say the same thing.
  function item(r) {
    const $edit = el('button', { type: 'button', className: 'mf-button mf-button--secondary', textContent: s.savedReplyEdit(titleOf(r)) });
    const $delete = el('button', { type: 'button', className: 'mf-button mf-button--secondary', textContent: s.savedReplyDelete(titleOf(r)) });
    $edit.addEventListener('click', () => edit(r));
    // Two steps, no dialog: the first press asks, the second (same button, now saying so) deletes.
    $delete.addEventListener('click', async () => {
      if ($delete.dataset.confirm !== 'yes') {
        $delete.dataset.confirm = 'yes';
        $delete.textContent = s.savedReplyConfirmDelete(titleOf(r));
        return;
      }
      const res = await api(`/staff/saved-replies/${encodeURIComponent(r.id)}/delete`, { method: 'POST', body: {} });
      if (res.status !== 200) { showProblem(res.status === 403 ? s.forbidden : res.status === 0 ? s.network : s.server); return; }
      if ($form.elements.id.value === r.id) reset();
      if (await load()) showMessage(s.savedReplyDeleted(titleOf(r)));
    });
    return el('li', { className: 'mf-staff-replies__item', dataset: { id: r.id } },
      el('h3', { textContent: titleOf(r), dir: 'auto' }),
      el('div', { className: 'mf-staff-replies__texts' },
        el('p', { lang: 'ar', dir: 'rtl', className: 'mf-staff-text' }, el('strong', { textContent: r.titleAr }), el('br'), r.textAr),
        el('p', { lang: 'en', dir: 'ltr', className: 'mf-staff-text' }, el('strong', { textContent: r.titleEn }), el('br'), r.textEn)),
      el('p', { className: 'mf-staff-timeline__meta' }, s.savedReplyBy(''), el('bdi', { textContent: r.updatedBy })),
      el('div', { className: 'mf-button-row' }, $edit, $delete));
  }

  function edit(r) {
    clearErrors($form, $summary);
    for (const f of ['id', 'titleAr', 'titleEn', 'textAr', 'textEn']) $form.elements[f].value = r[f] ?? '';
    $formTitle.textContent = $formTitle.dataset.edit;
    $cancel.hidden = false;
    $form.elements.titleAr.focus();
  }

  function reset() {
    $form.reset();
    $form.elements.id.value = '';
    $formTitle.textContent = $formTitle.dataset.new;
    $cancel.hidden = true;
  }
  $cancel.addEventListener('click', () => { reset(); $formTitle.focus(); });

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    const value = (f) => $form.elements[f].value.trim();
    const body = { titleAr: value('titleAr'), titleEn: value('titleEn'), textAr: value('textAr'), textEn: value('textEn') };
    const missing = Object.entries(body).filter(([, v]) => !v).map(([field]) => ({ field, code: 'required' }));
    if (missing.length) { showErrors($form, $summary, missing); return; }
    clearErrors($form, $summary);
    $message.hidden = true;
    if (!$form.elements.id.value) $form.elements.id.value = crypto.randomUUID();
    const $submit = $form.querySelector('[type="submit"]');
    busy = true;
    setBusy($form, $submit, true, s.sending);
    const res = await api(`/staff/saved-replies/${encodeURIComponent($form.elements.id.value)}`, { method: 'POST', body });
    setBusy($form, $submit, false);
    busy = false;
    if (res.status === 200 && res.data?.id) {
      reset();
      if (await load()) showMessage(s.savedReplySaved(titleOf(res.data)));
    } else if (res.status === 400 && Array.isArray(res.data?.errors)) {
      showErrors($form, $summary, res.data.errors);
    } else {
      showProblem(res.status === 403 ? s.forbidden : res.status === 0 ? s.network : s.server);
    }
  });

  // An employee may open the address: employees read saved replies (the request page uses them),
  // only managers write them — say so before they type, rather than after the API's 403.
  if (session?.role !== 'manager') { showProblem(s.forbidden); return; }
  load();
}
