// On-screen numeric keypad for the kiosk's mobile and ID screens. The field keeps inputmode="none",
// so the tablet's own keyboard never covers the screen, but it stays a real, labelled text field:
// a screen reader reads it and its value, a hardware keyboard can still type into it.
const ARAB = '٠١٢٣٤٥٦٧٨٩';

/** Digits of `value` written in `system` ('arab' = Arabic-Indic, 'latn' = Latin). */
export function toDigits(value, system) {
  const latin = String(value).replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  return system === 'arab' ? latin.replace(/[0-9]/g, (d) => ARAB[d]) : latin;
}

/**
 * $pad: the .mf-keypad group (buttons with data-key = 0–9 | back | clear); $input: its field.
 * onKey(label) is called after each press (the kiosk speaks it when read-aloud is in use) and
 * $echo, a polite live region, repeats the whole value digit by digit for screen-reader users.
 */
export function attachKeypad($pad, $input, { $echo, onKey = () => {}, max = 15 } = {}) {
  let system = 'latn';
  const render = () => {
    for (const $k of $pad.querySelectorAll('[data-key]')) {
      if (/^\d$/.test($k.dataset.key)) $k.textContent = toDigits($k.dataset.key, system);
    }
  };
  $pad.addEventListener('click', (ev) => {
    const $key = ev.target.closest('[data-key]');
    if (!$key) return;
    const key = $key.dataset.key;
    let v = $input.value;
    if (key === 'back') v = [...v].slice(0, -1).join('');
    else if (key === 'clear') v = '';
    else if ([...v].length < max) v += toDigits(key, system);
    $input.value = v;
    $input.dispatchEvent(new Event('input', { bubbles: true }));
    if ($echo) $echo.textContent = v ? [...v].join(' ') : $key.textContent.trim();
    onKey(/^\d$/.test(key) ? toDigits(key, system) : $key.textContent.trim());
  });
  return {
    setDigits(next) {
      system = next;
      render();
      $input.value = toDigits($input.value, system);
    },
  };
}
