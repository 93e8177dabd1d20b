// Shows a request reference large and unambiguous, optionally with a copy button.
import { t } from '../../js/i18n.js';

/**
 * Returns a fragment: the reference isolated left-to-right (so "7KQ3-M9PX" never reorders inside
 * Arabic text), plus a visually hidden spelled-out copy ("7 K Q 3 - M 9 P X") because screen
 * readers otherwise read "7KQ3" as a word or a number.
 */
export function referenceElement(reference, { copy = false } = {}) {
  const $wrap = document.createElement('div');
  $wrap.className = 'mf-reference';
  const $code = document.createElement('p');
  $code.className = 'mf-reference__code';
  const $visible = Object.assign(document.createElement('span'), { textContent: reference, dir: 'ltr' });
  $visible.setAttribute('aria-hidden', 'true');
  $visible.dataset.reference = reference;
  const $spoken = Object.assign(document.createElement('span'), { className: 'mf-visually-hidden', textContent: reference.split('').join(' ') });
  $spoken.dir = 'ltr';
  $code.append($visible, $spoken);
  $wrap.append($code);
  if (copy) {
    const $btn = Object.assign(document.createElement('button'), { type: 'button', className: 'mf-button mf-button--secondary', textContent: t.copy });
    const $status = Object.assign(document.createElement('p'), { className: 'mf-reference__status' });
    $status.setAttribute('role', 'status');
    $btn.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(reference);
        $status.textContent = t.copied;
      } catch {
        const range = document.createRange();
        range.selectNodeContents($visible);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        $status.textContent = t.copyFailed;
      }
    });
    $wrap.append($btn, $status);
  }
  return $wrap;
}
