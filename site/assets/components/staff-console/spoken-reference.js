// A reference as an employee reads it over the phone: each digit as a word and each letter as its
// name with the NATO word after it, because several letter names sound alike ("بي" is both B and P;
// B, D, E, G, P, T and V rhyme in English). The names are console.spoken in site/strings.
import { s } from './strings.js';

/** "7KQ3-M9PX" → "سبعة · كيه (كيلو) · كيو (كيبيك) · ثلاثة · شَرطة · …" in the page's language. */
export function spokenReference(reference) {
  return [...String(reference).toUpperCase()]
    .map((c) => s.spoken[c] ?? c)
    .join(' · ');
}
