// Inactivity timer for the shared kiosk: after `idleMs` without a touch, key or pointer the visitor is
// warned (a dialog with a countdown and a "continue" button, WCAG 2.2.1), and after `warnMs` more the
// kiosk wipes everything. It never runs out while isBusy() says the visitor is still engaged (speech
// playing, checked before warning: the warning itself may be spoken); every press on the keypad is activity, so typing never triggers it.
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'];

export function createIdleTimer({ idleMs, warnMs, isBusy = () => false, isArmed = () => true, onWarn, onTick, onCancel, onExpire }) {
  let timer = null;
  let ticker = null;
  let warning = false;

  const clear = () => { clearTimeout(timer); clearInterval(ticker); timer = ticker = null; };
  const arm = () => {
    clear();
    timer = setTimeout(check, idleMs);
  };
  function check() {
    // Nothing to wipe (untouched welcome screen), or the visitor is listening to read-aloud: wait on.
    if (!isArmed() || isBusy()) { arm(); return; }
    warning = true;
    let left = Math.ceil(warnMs / 1000);
    onWarn(left);
    const deadline = Date.now() + warnMs;
    ticker = setInterval(() => {
      left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      if (left > 0) { onTick(left); return; }
      clear();
      warning = false;
      onExpire();
    }, 250);
  }
  function cancelWarning() {
    if (!warning) return;
    warning = false;
    clear();
    onCancel();
    arm();
  }
  const activity = (ev) => {
    // During the warning any touch or key means "I'm still here", except on the dialog's own
    // buttons, which answer for themselves ("continue" / "clear now").
    if (warning) { if (!ev.target.closest?.('[data-idle]')) cancelWarning(); return; }
    arm();
  };
  for (const type of ACTIVITY) document.addEventListener(type, activity, { capture: true, passive: true });

  return {
    /** Restart the countdown (after a screen change, or when the kiosk's state changed). */
    poke: () => { if (!warning) arm(); },
    /** The visitor answered "continue". */
    cancelWarning,
    stop() { warning = false; clear(); },
    get warning() { return warning; },
  };
}

/**
 * Seconds from the form's data attributes, optionally shortened (never lengthened) by ?idle=N in
 * the address: the browser tests use ?idle=2; a visitor cannot use it to keep answers on screen longer.
 */
export function idleSettings($form, search = location.search) {
  const idle = Number($form.dataset.idleSeconds) || 60;
  const warn = Number($form.dataset.idleWarningSeconds) || 10;
  const q = Number(new URLSearchParams(search).get('idle'));
  if (Number.isFinite(q) && q > 0 && q < idle) return { idleMs: q * 1000, warnMs: Math.min(warn, q) * 1000 };
  return { idleMs: idle * 1000, warnMs: warn * 1000 };
}
