// Follow-ups (/staff/callbacks/, every employee): the survey answers that ask for a call back, due
// first, each with why (low score, comment, contact requested), the score, the channel and an
// overdue flag, and a form to record what came of the call. A recorded follow-up leaves the list.
// The comment itself is not here: managers read comments on the feedback page.
import { api } from './session.js';
import { s, codeLabels } from './strings.js';
import { el, ltr, label, dualDate, requestHref, announce } from './format.js';
import { setBusy } from '../../js/request.js';

export default function followUpsPage() {
  const $problem = document.querySelector('[data-problem]');
  const $message = document.querySelector('[data-message]');
  const $body = document.querySelector('[data-follow-ups-body]');
  const $list = document.querySelector('[data-slot="list"]');
  const $empty = document.querySelector('[data-slot="empty"]');
  const $count = document.querySelector('[data-slot="count"]');
  const $template = document.querySelector('[data-follow-up-form]');
  const reasonLabel = (code) => codeLabels.followup?.reason?.[code] ?? code;
  const list = new Intl.ListFormat(document.documentElement.lang, { type: 'conjunction' });

  const showProblem = (text) => { $message.hidden = true; $problem.textContent = text; $problem.hidden = false; $problem.focus(); };
  const showMessage = (text) => { $problem.hidden = true; $message.textContent = text; $message.hidden = false; $message.focus(); };

  async function load() {
    const res = await api('/staff/follow-ups');
    if (res.status !== 200 || !Array.isArray(res.data?.items)) {
      $body.hidden = true;
      showProblem(res.status === 403 ? s.forbidden : res.status === 0 ? s.network : s.server);
      return false;
    }
    const items = res.data.items;
    $list.replaceChildren(...items.map(item));
    $empty.hidden = items.length !== 0;
    announce($count, s.followUpCount(items.length));
    $body.hidden = false;
    return true;
  }

  function item(f) {
    const key = f.reference.replace(/[^A-Za-z0-9]/g, '');
    const due = el('dd', {}, dualDate(f.due),
      f.overdue ? [' ', el('span', { className: 'mf-staff-sla mf-staff-sla--overdue', textContent: s.sla.overdue })] : null);
    return el('li', { className: 'mf-staff-followups__item', dataset: { reference: f.reference } },
      el('h3', {}, el('a', { href: requestHref(f.reference) }, ltr(f.reference)), ` — ${label('category', f.category)}`),
      el('dl', { className: 'mf-staff-followups__facts' },
        el('div', {}, el('dt', { textContent: s.followUpDue }), due),
        el('div', {}, el('dt', { textContent: s.followUpWhy }), el('dd', { textContent: list.format(f.reasons.map(reasonLabel)) })),
        el('div', {}, el('dt', { textContent: s.feedbackCols.overall }), el('dd', { textContent: s.followUpScore(s.number(f.score)) })),
        el('div', {}, el('dt', { textContent: s.followUpChannel }), el('dd', { textContent: label('channel', f.channel) }))),
      form(f, key));
  }

  // One form per follow-up, from the page's template, with ids of its own.
  function form(f, key) {
    const $form = $template.content.firstElementChild.cloneNode(true);
    $form.noValidate = true;
    const $error = $form.querySelector('[data-slot="outcome-error"]');
    $error.id = `fu-${key}-outcome-error`;
    $form.querySelector('fieldset').setAttribute('aria-describedby', $error.id);
    for (const $radio of $form.querySelectorAll('[data-outcome]')) {
      $radio.id = `fu-${key}-${$radio.dataset.outcome}`;
      $form.querySelector(`[data-for-outcome="${$radio.dataset.outcome}"]`).htmlFor = $radio.id;
    }
    const $note = $form.elements.note;
    $note.id = `fu-${key}-note`;
    $form.querySelector('[data-for="note"]').htmlFor = $note.id;
    $form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const outcome = $form.elements.outcome.value;
      const $radios = [...$form.querySelectorAll('[name="outcome"]')];
      if (!outcome) {
        $error.textContent = s.followUpChooseOutcome;
        for (const $r of $radios) $r.setAttribute('aria-invalid', 'true');
        $radios[0].focus();
        return;
      }
      $error.replaceChildren();
      for (const $r of $radios) $r.removeAttribute('aria-invalid');
      const $submit = $form.querySelector('[type="submit"]');
      setBusy($form, $submit, true, s.sending);
      const res = await api(`/staff/follow-ups/${encodeURIComponent(f.reference)}`, {
        method: 'POST', body: { outcome, note: $note.value.trim() },
      });
      setBusy($form, $submit, false);
      if (res.status === 200) {
        if (await load()) showMessage(s.followUpRecorded(f.reference));
      } else if (res.status === 409 || res.status === 404) {
        if (await load()) showProblem(res.status === 409 ? s.followUpAlreadyRecorded : s.followUpGone);
      } else {
        showProblem(res.status === 403 ? s.forbidden : res.status === 0 ? s.network : s.server);
      }
    });
    return $form;
  }

  load();
}
