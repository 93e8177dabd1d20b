// Shows a request reference (or an anonymous request's tracking code) large and unambiguous,
// optionally with a copy button.
import { t } from '../../js/i18n.js';

/**
 * Returns a fragment: the reference isolated left-to-right (so "7KQ3-M9PX" never reorders inside
 * Arabic text), plus a visually hidden spelled-out copy ("7 K Q 3 - M 9 P X") because screen
 * readers otherwise read "7KQ3" as a word or a number.
 */
export function referenceElement(reference, { copy = false } = {}) {
  return codeElement(reference, reference, 'reference', copy ? { copy: t.copy, copied: t.copied, failed: t.copyFailed } : null);
}

/**
 * The six-digit tracking code of an anonymous request, shown in two groups of three ("482 913") so
 * it is easy to copy down, and spelled digit by digit for screen readers (a six-digit run is
 * otherwise read as "four hundred eighty-two thousand…"). Copying takes the digits alone.
 */
export function trackingCodeElement(code, { copy = false } = {}) {
  const shown = `${code.slice(0, 3)} ${code.slice(3)}`;
  return codeElement(code, shown, 'trackingCode', copy ? { copy: t.copyCode, copied: t.codeCopied, failed: t.codeCopyFailed } : null);
}

function codeElement(value, shown, dataKey, copyLabels) {
  const $wrap = document.createElement('div');
  $wrap.className = 'mf-reference';
  const $code = document.createElement('p');
  $code.className = 'mf-reference__code';
  const $visible = Object.assign(document.createElement('span'), { textContent: shown, dir: 'ltr' });
  $visible.setAttribute('aria-hidden', 'true');
  $visible.dataset[dataKey] = value;
  const $spoken = Object.assign(document.createElement('span'), { className: 'mf-visually-hidden', textContent: value.split('').join(' ') });
  $spoken.dir = 'ltr';
  $code.append($visible, $spoken);
  $wrap.append($code);
  if (copyLabels) {
    const $btn = Object.assign(document.createElement('button'), { type: 'button', className: 'mf-button mf-button--secondary', textContent: copyLabels.copy });
    const $status = Object.assign(document.createElement('p'), { className: 'mf-reference__status' });
    $status.setAttribute('role', 'status');
    $btn.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(value);
        $status.textContent = copyLabels.copied;
      } catch {
        const range = document.createRange();
        range.selectNodeContents($visible);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        $status.textContent = copyLabels.failed;
      }
    });
    $wrap.append($btn, $status);
  }
  return $wrap;
}
