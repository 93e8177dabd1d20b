// Page language and UI strings. Only the page's language is downloaded (the kiosk's weight budget).
export const lang = document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'ar';

export const t = (await import(lang === 'en' ? './i18n/en.js' : './i18n/ar.js')).default;

/** Picks the page-language text from a server message ({ar, en}) or falls back to a local string. */
export function pick(message, fallback) {
  if (message && typeof message === 'object') return message[lang] || message.ar || message.en || fallback;
  if (typeof message === 'string' && message) return message;
  return fallback;
}
