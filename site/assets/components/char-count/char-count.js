// Live character count for a textarea. The visible count updates on every keystroke; screen readers
// get the count through a separate polite live region only after typing pauses (1 s), because
// announcing on every key press interrupts typing (GOV.UK character count research, 2020).
import { t } from '../../js/i18n.js';

export default function charCount($textarea) {
  const max = Number($textarea.dataset.max) || 2000;
  const $count = document.getElementById(`${$textarea.id}-count`);
  if (!$count) return;
  const $live = Object.assign(document.createElement('p'), { className: 'mf-visually-hidden' });
  $live.setAttribute('aria-live', 'polite');
  $count.after($live);
  let timer;
  const text = () => {
    const n = $textarea.value.length;
    const over = n > max;
    return { msg: (over ? t.countOver : t.countLeft)(Math.abs(max - n)), over };
  };
  const update = (announce) => {
    const { msg, over } = text();
    $count.textContent = msg;
    $count.classList.toggle('mf-form__count--over', over);
    clearTimeout(timer);
    if (announce) timer = setTimeout(() => { $live.textContent = text().msg; }, 1000);
  };
  $textarea.addEventListener('input', () => update(true));
  // form.reset() does not fire "input": refresh after the reset has applied.
  $textarea.form?.addEventListener('reset', () => setTimeout(() => { update(false); $live.textContent = ''; }));
  update(false);
}
