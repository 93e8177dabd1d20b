// Lobby tablet exit feedback (/kiosk/feedback/?kiosk=lobby-1): one tap on a face → POST /feedback
// {"kioskId", "score"} → thank-you → back to the faces after 4 s. Anonymous: the only things sent are
// the tablet's id (from the address, never personal data) and the score.
//
// The thank-you appears at once and whatever the answer: 202 (recorded), 429 too_many_feedback (a
// child mashing the buttons: the server refuses to count it; the screen stays calm and says the
// same), or a network failure (kept in memory and sent again when the network is back).
import { postJson } from '../../js/api.js';

function attach($root) {
  const params = new URLSearchParams(location.search);
  const raw = params.get('kiosk') || '';
  const kioskId = /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : 'kiosk';
  // ?reset=N can only shorten the 4 s (the browser tests use it), never lengthen it.
  const asked = Number(params.get('reset'));
  const resetMs = asked > 0 && asked < 4 ? asked * 1000 : 4000;

  const $ask = $root.querySelector('[data-screen="ask"]');
  const $thanks = $root.querySelector('[data-screen="thanks"]');
  const $lang = document.querySelector('[data-twin]');
  if ($lang && raw) $lang.href = `${$lang.pathname}?kiosk=${encodeURIComponent(kioskId)}`;

  const pending = []; // scores not delivered (network down / 5xx); memory only, never storage
  let timer = null;

  /** true when the server answered (202, or 429 which it chose not to count); false when unreachable. */
  async function deliver(score) {
    const r = await postJson('/feedback', { kioskId, score });
    if (r.status === 0 || r.status >= 500) return false;
    if (r.status !== 202 && r.status !== 429) console.warn(`feedback: HTTP ${r.status}`);
    return true;
  }
  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    while (pending.length && (await deliver(pending[0]))) pending.shift();
    flushing = false;
  }
  window.addEventListener('online', flush);

  function showAsk() {
    timer = null;
    $thanks.hidden = true;
    $ask.hidden = false;
    $ask.querySelector('h2').focus({ preventScroll: true });
  }

  $ask.addEventListener('click', (e) => {
    const $face = e.target.closest('[data-score]');
    if (!$face || timer) return;
    $ask.hidden = true;
    $thanks.hidden = false;
    $thanks.querySelector('h2').focus({ preventScroll: true }); // announced by screen readers (4.1.3)
    timer = setTimeout(showAsk, resetMs);
    const score = Number($face.dataset.score);
    deliver(score).then((ok) => {
      if (ok) flush();
      else if (pending.length < 50) pending.push(score);
    });
  });
}

attach(document.querySelector('[data-module="kiosk-feedback"]'));
