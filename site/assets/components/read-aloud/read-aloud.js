// Read-aloud for the kiosk through the Web Speech API (speechSynthesis). Speaks only with a voice of
// the page's language: an English voice reading Arabic text produces noise, not help. When the
// device has none, the caller shows a visible message instead (see README).

const VOICE_WAIT_MS = 600; // Chromium fills getVoices() asynchronously after the first call

export function createReader(lang) {
  const synth = 'speechSynthesis' in window ? window.speechSynthesis : null;
  let voice = null;
  let onIdle = () => {};
  const pick = () => {
    const voices = synth?.getVoices() ?? [];
    voice = voices.find((v) => v.lang?.toLowerCase().replace('_', '-').startsWith(`${lang}-`) && v.localService)
      ?? voices.find((v) => v.lang?.toLowerCase().replace('_', '-').split('-')[0] === lang) ?? null;
    return voice;
  };
  synth?.addEventListener?.('voiceschanged', pick);
  pick();

  async function ready() {
    if (!synth) return false;
    if (pick()) return true;
    await new Promise((resolve) => {
      const done = () => { synth.removeEventListener?.('voiceschanged', done); resolve(); };
      synth.addEventListener?.('voiceschanged', done);
      setTimeout(done, VOICE_WAIT_MS);
    });
    return Boolean(pick());
  }

  return {
    /** True while something is being spoken or queued (the idle timer waits for it). */
    get speaking() { return Boolean(synth && (synth.speaking || synth.pending)); },
    ready,
    set onIdle(fn) { onIdle = fn; },
    /**
     * Speaks each part as its own utterance: short utterances avoid Chromium cutting long ones off
     * (~15 s), and give natural pauses between a heading, a question and each choice. Resolves
     * false (nothing spoken) when there is no voice for the language.
     */
    async speak(parts) {
      if (!(await ready())) return false;
      synth.cancel();
      const list = parts.map((p) => String(p).trim()).filter(Boolean);
      list.forEach((text, i) => {
        const u = new SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = 0.9; // a little slower than default: visitors may have cognitive or hearing impairments
        if (i === list.length - 1) { u.onend = () => onIdle(); u.onerror = () => onIdle(); }
        synth.speak(u);
      });
      if (!list.length) onIdle();
      return true;
    },
    stop() { if (synth) synth.cancel(); onIdle(); },
  };
}

/**
 * The texts of one kiosk screen, in reading order: headings, questions, hints, errors, choices
 * (with "selected" on the chosen one), review rows. Skips what is hidden, visually-hidden duplicates
 * and anything marked data-speak-skip (navigation, keypad keys); data-speak-as replaces an element's
 * text (the reference, spelled out).
 */
export function screenText($root, { selected = '' } = {}) {
  const parts = [];
  const SEL = 'h2, h3, p, li, label, legend, dt, dd, summary, figcaption, [data-speak-as]';
  for (const $el of $root.querySelectorAll(SEL)) {
    if ($el.closest('[data-speak-skip]') || $el.closest('.mf-visually-hidden')) continue;
    if ($el.parentElement.closest(SEL) && !$el.matches('[data-speak-as]')) continue; // counted with its parent
    if ($el.closest('[data-speak-as]') && $el.closest('[data-speak-as]') !== $el) continue;
    if (!$el.checkVisibility()) continue;
    if ($el.dataset.speakAs !== undefined) { parts.push(...JSON.parse($el.dataset.speakAs)); continue; }
    let text = $el.innerText;
    if ($el.querySelector('[data-speak-skip]')) { // e.g. a printed URL inside a caption: noise when spoken
      const $copy = $el.cloneNode(true);
      for (const $x of $copy.querySelectorAll('[data-speak-skip]')) $x.remove();
      text = $copy.textContent;
    }
    text = text.replace(/\s+/g, ' ').trim();
    const $input = $el.matches('label') ? $el.querySelector('input:checked') : null;
    if ($input && selected) text += ` — ${selected}`;
    if (text) parts.push(text);
  }
  return parts;
}
