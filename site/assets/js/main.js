// Entry point on every page: attaches behaviour to elements with data-module="name" (space-separated
// for several) and fills data-config elements. Modules load on demand, so a page pays only for what it uses.
const MODULES = {
  'request-form': '../components/request-form/request-form.js',
  'track-form': '../components/track-form/track-form.js',
  'track-reply': '../components/track-reply/track-reply.js',
  'track-contact': '../components/track-contact/track-contact.js',
  'track-outcome': '../components/track-outcome/track-outcome.js',
  'char-count': '../components/char-count/char-count.js',
  kiosk: '../components/kiosk/kiosk.js',
  info: '../components/info/info.js',
};

document.documentElement.classList.add('mf-js');

for (const $el of document.querySelectorAll('[data-module]')) {
  for (const name of $el.dataset.module.split(/\s+/)) {
    if (!MODULES[name]) continue;
    import(new URL(MODULES[name], import.meta.url).href)
      .then((m) => m.default($el))
      .catch((err) => console.error(`module ${name}:`, err));
  }
}

// Only pages that show the association's identity fetch it (the kiosk does not: weight budget).
if (document.querySelector('[data-config]')) {
  import('./config.js')
    .then(async ({ loadConfig, applyConfig }) => applyConfig(await loadConfig()))
    .catch((err) => console.warn('config:', err.message));
}
