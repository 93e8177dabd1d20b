// The tiny formatter behind the generated string modules (assets/js/i18n/<lang>.js and the staff
// console's strings-<lang>.js, built from site/strings/<lang>.json). A key written `name(a, b)` in
// the table becomes a function name(a, b): {a} inserts the value as given, {a, number} in the page
// language's digits; a value of plural forms ({one, two, few, many, other, zero}) is chosen by the
// first argument with Intl.PluralRules, as CLDR defines them for the language.
const SIGNATURE = /^(\w+)\(([\w\s,]*)\)$/;

export function compile(lang, table) {
  const numbers = new Intl.NumberFormat(lang === 'ar' ? 'ar-SA' : 'en-GB');
  const plurals = new Intl.PluralRules(lang);
  const fill = (text, values) => text.replace(/\{(\w+)(,\s*number)?\}/g, (whole, name, asNumber) => {
    if (!(name in values)) return whole;
    return asNumber ? numbers.format(values[name]) : String(values[name]);
  });
  const walk = (node) => Object.fromEntries(Object.entries(node).map(([key, value]) => {
    const sig = key.match(SIGNATURE);
    if (!sig) return [key, value && typeof value === 'object' ? walk(value) : value];
    const params = sig[2].split(',').map((p) => p.trim()).filter(Boolean);
    return [sig[1], (...args) => {
      const values = Object.fromEntries(params.map((p, i) => [p, args[i]]));
      const text = typeof value === 'string' ? value : value[plurals.select(args[0])] ?? value.other;
      return fill(text, values);
    }];
  }));
  return walk(table);
}
