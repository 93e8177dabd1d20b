// Lobby tablet exit feedback (/kiosk/feedback/?kiosk=ID): one tap on a face → POST /feedback
// {"kioskId", "score"} → a thank-you that matches the answer → back to the faces after 4 s.
// Anonymous: the only things sent are the tablet's id (from the address, never personal data) and
// the score.
//
// Only a tablet a manager registered (staff console, "Lobby kiosks") is counted. The page asks once
// when it opens (GET /kiosks/{id}); a tablet with no id, a malformed one, or one the server does not
// know (404 kiosk_not_registered, also after a tap if it was retired meanwhile) shows the
// "not set up" screen, which tells the visitor to tell reception and tells staff what to do — rather
// than thanking visitors for taps nobody counts. An unreachable server is not a verdict: the faces
// stay and taps wait in memory.
//
// The thank-you appears at once: 202 (recorded), 429 too_many_feedback (a child mashing the buttons:
// the server refuses to count it; the screen stays calm and says the same), or a network failure
// (kept in memory and sent again when the network is back). Its words follow the score: 1–2 an
// apology and a promise to use the answer, 3 a plain thank-you, 4–5 glad.
import { getJson, postJson } from '../../js/api.js';

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Which thank-you a score gets. */
export const toneOf = (score) => (score <= 2 ? 'sorry' : score === 3 ? 'neutral' : 'glad');

function attach($root) {
  const params = new URLSearchParams(location.search);
  const raw = params.get('kiosk') || '';
  const kioskId = ID.test(raw) ? raw : null;
  // ?reset=N can only shorten the 4 s (the browser tests use it), never lengthen it.
  const asked = Number(params.get('reset'));
  const resetMs = asked > 0 && asked < 4 ? asked * 1000 : 4000;

  const $ask = $root.querySelector('[data-screen="ask"]');
  const $thanks = $root.querySelector('[data-screen="thanks"]');
  const $notSetUp = $root.querySelector('[data-screen="not-set-up"]');
  const $thanksTitle = $thanks.querySelector('h2');
  const $thanksLead = $thanks.querySelector('[data-slot="thanks-lead"]');
  const $thanksIcon = $thanks.querySelector('[data-slot="thanks-icon"]');
  const $lang = document.querySelector('[data-twin]');
  if ($lang && kioskId) $lang.href = `${$lang.pathname}?kiosk=${encodeURIComponent(kioskId)}`;

  const pending = []; // scores not delivered (network down / 5xx); memory only, never storage
  let timer = null;
  let stopped = false;

  const isNotRegistered = (r) => r.status === 404 && r.data?.errors?.some((e) => e.code === 'kiosk_not_registered');

  function notSetUp() {
    stopped = true;
    pending.length = 0;
    clearTimeout(timer);
    timer = null;
    $ask.hidden = true;
    $thanks.hidden = true;
    $notSetUp.hidden = false;
    $notSetUp.querySelector('h2').focus({ preventScroll: true });
  }

  /** true when the server answered (202, or 429 which it chose not to count); false when unreachable. */
  async function deliver(score) {
    const r = await postJson('/feedback', { kioskId, score });
    if (r.status === 0 || r.status >= 500) return false;
    if (isNotRegistered(r)) {
      notSetUp();
      return true;
    }
    if (r.status !== 202 && r.status !== 429) console.warn(`feedback: HTTP ${r.status}`);
    return true;
  }
  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    while (!stopped && pending.length && (await deliver(pending[0]))) pending.shift();
    flushing = false;
  }
  window.addEventListener('online', flush);

  function showAsk() {
    timer = null;
    if (stopped) return;
    $thanks.hidden = true;
    $ask.hidden = false;
    $ask.querySelector('h2').focus({ preventScroll: true });
  }

  function showThanks(score) {
    const tone = toneOf(score);
    $thanks.dataset.tone = tone;
    $thanksTitle.textContent = $thanksTitle.dataset[tone];
    $thanksLead.textContent = $thanksLead.dataset[tone];
    // A smile only for a good visit: never a happy face after "very bad". (An <svg> has no
    // .hidden property; the attribute is what hides it.)
    $thanksIcon.toggleAttribute('hidden', tone !== 'glad');
    // Later: after a 1–2 tap, the "what went wrong?" choice of themes goes here (one optional
    // tap, sent with this tap's score), before this apology; the themes are not built yet.
    $ask.hidden = true;
    $thanks.hidden = false;
    $thanksTitle.focus({ preventScroll: true }); // announced by screen readers (4.1.3)
  }

  if (!kioskId) {
    notSetUp();
    return;
  }
  getJson(`/kiosks/${encodeURIComponent(kioskId)}`).then((r) => { if (isNotRegistered(r)) notSetUp(); });

  $ask.addEventListener('click', (e) => {
    const $face = e.target.closest('[data-score]');
    if (!$face || timer || stopped) return;
    const score = Number($face.dataset.score);
    showThanks(score);
    timer = setTimeout(showAsk, resetMs);
    deliver(score).then((ok) => {
      if (ok) flush();
      else if (pending.length < 50) pending.push(score);
    });
  });
}

attach(document.querySelector('[data-module="kiosk-feedback"]'));
