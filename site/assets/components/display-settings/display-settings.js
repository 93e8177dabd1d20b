// The visitor's display settings on the shared kiosk: text size (three steps), high contrast and the
// digits the on-screen keypads show. They belong to this visit only: kept in this closure, never in
// storage, and reset() puts them back at the end of the visit. The controls are the page's buttons:
//   [data-text-size="1|2|3"]     sets mf-text-2 / mf-text-3 on <html> (rules in kiosk.css)
//   [data-action="contrast"]     toggles mf-contrast on <html> (palette in base.css)
//   [data-digits="arab|latn"]    calls onDigits(system) (the kiosk passes it to every keypad)
// Each control's aria-pressed follows its state, so screen readers announce a toggle, not a button.
const TEXT_SIZES = [1, 2, 3];

export function createDisplaySettings({ $scope = document, $root = document.documentElement, defaultDigits, onDigits = () => {} }) {
  let textSize = 1;
  let contrast = false;
  let digits = defaultDigits;

  const press = ($buttons, isOn) => {
    for (const $b of $buttons) $b.setAttribute('aria-pressed', String(isOn($b)));
  };

  function setTextSize(n) {
    if (!TEXT_SIZES.includes(n)) return;
    textSize = n;
    $root.classList.toggle('mf-text-2', n === 2);
    $root.classList.toggle('mf-text-3', n === 3);
    press($scope.querySelectorAll('[data-text-size]'), ($b) => Number($b.dataset.textSize) === n);
  }
  function setContrast(on) {
    contrast = on;
    $root.classList.toggle('mf-contrast', on);
    press($scope.querySelectorAll('[data-action="contrast"]'), () => on);
  }
  function setDigits(system) {
    digits = system;
    onDigits(system);
    press($scope.querySelectorAll('[data-digits]'), ($b) => $b.dataset.digits === system);
  }

  // One listener for the three kinds of control; other clicks are not this component's.
  $scope.addEventListener('click', (ev) => {
    const $t = ev.target.closest?.('[data-text-size], [data-digits], [data-action="contrast"]');
    if (!$t) return;
    if ($t.dataset.textSize) setTextSize(Number($t.dataset.textSize));
    else if ($t.dataset.digits) setDigits($t.dataset.digits);
    else setContrast(!contrast);
  });

  return {
    setTextSize,
    setContrast,
    setDigits,
    /** Back to the defaults: normal text, normal contrast, the page language's digits. */
    reset() {
      setTextSize(1);
      setContrast(false);
      setDigits(defaultDigits);
    },
    /** True when the visitor changed anything: then an idle kiosk has something to forget. */
    get changed() { return textSize !== 1 || contrast || digits !== defaultDigits; },
    get textSize() { return textSize; },
    get contrast() { return contrast; },
    get digits() { return digits; },
  };
}
