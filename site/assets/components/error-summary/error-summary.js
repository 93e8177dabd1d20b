// Error summary + inline field errors (GOV.UK Design System pattern, adapted for RTL).
// Used by request-form, track-form and kiosk; not attached through data-module itself.
import { t, pick } from '../../js/i18n.js';

const idFor = (field) => String(field).split('.').pop(); // "onBehalf.relationship" → "relationship"

export function clearErrors($form, $summary) {
  for (const $f of $form.querySelectorAll('.mf-form__field--error')) $f.classList.remove('mf-form__field--error');
  for (const $c of $form.querySelectorAll('[aria-invalid]')) $c.removeAttribute('aria-invalid');
  for (const $e of $form.querySelectorAll('.mf-form__error')) $e.replaceChildren();
  if ($summary) {
    $summary.hidden = true;
    $summary.querySelector('ul').replaceChildren();
  }
}

/**
 * errors: [{field?, code, message?: {ar, en}}]. Marks each field (aria-invalid + message tied by
 * aria-describedby), lists every error in the summary (field errors as links to the field), shows the
 * summary and moves focus to it so screen readers announce it and keyboard users start from it.
 */
export function showErrors($form, $summary, errors) {
  clearErrors($form, $summary);
  const $list = $summary.querySelector('ul');
  const marked = new Set();
  for (const e of errors) {
    const text = pick(e.message, t[e.code] || t.server);
    const id = e.field ? idFor(e.field) : null;
    const $control = id ? $form.querySelector(`#${CSS.escape(id)}`) : null;
    const $li = document.createElement('li');
    if ($control) {
      const $a = Object.assign(document.createElement('a'), { href: `#${id}`, textContent: text });
      $a.addEventListener('click', (ev) => { ev.preventDefault(); $control.focus(); });
      $li.append($a);
      if (!marked.has(id)) {
        marked.add(id);
        $control.closest('.mf-form__field')?.classList.add('mf-form__field--error');
        const group = $control.type === 'radio' ? $form.querySelectorAll(`[name="${$control.name}"]`) : [$control];
        for (const $c of group) $c.setAttribute('aria-invalid', 'true');
        const $err = $form.querySelector(`#${CSS.escape(id)}-error`);
        if ($err) {
          const $prefix = Object.assign(document.createElement('span'), { className: 'mf-visually-hidden', textContent: `${t.errorPrefix}: ` });
          $err.replaceChildren($prefix, text);
        }
      }
    } else {
      $li.textContent = text;
    }
    $list.append($li);
  }
  $summary.hidden = false;
  // focus() alone scrolls just enough to show the top edge; show the whole summary from its title.
  $summary.focus({ preventScroll: true });
  $summary.scrollIntoView({ block: 'start' });
}
