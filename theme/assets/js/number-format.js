// @ts-check
// KPI numbers as text, in the page's language: the twin of src/Hub.Site/Rendering/NumberDisplay.cs, which formats
// the worked examples of a KPI page at build time. Both spell the algorithm out (rounding of the exact binary
// value, a tie to even; no negative zero; the separators of the language; symbols from one table) instead of
// relying on Intl.NumberFormat and .NET's culture patterns, which disagree (full-width yen in Japanese, "JP¥" in
// Korean, rounding of the shortest decimal form, "-0"). A parity test runs both over formats, languages and
// currencies.

/** @typedef {{ days?: string | null, months?: string | null }} Units the words written after day and month values */

/** Currency symbols; any other code is written before the number, followed by a space. */
const SYMBOLS = Object.freeze(/** @type {Record<string, string>} */ ({ JPY: '¥', KRW: '₩', USD: '$', EUR: '€', GBP: '£' }));

/** Currencies without minor units: no decimals unless the KPI asks for some. */
const WHOLE_CURRENCIES = Object.freeze(['JPY', 'KRW']);

/** The most significant digits an "up to" number is written with: what a double reliably carries. */
const SIGNIFICANT_DIGITS = 15;

/** @type {Map<string, { group: string, decimal: string }>} */
const separatorsByLang = new Map();

/**
 * The digit group and decimal separators of a language (',' and '.' when the language is unknown).
 * @param {string} lang
 * @returns {{ group: string, decimal: string }}
 */
function separators(lang) {
  const known = separatorsByLang.get(lang);
  if (known) { return known; }
  let group = ',';
  let decimal = '.';
  try {
    for (const part of new Intl.NumberFormat(lang, { useGrouping: true }).formatToParts(12345.5)) {
      if (part.type === 'group') { group = part.value; }
      if (part.type === 'decimal') { decimal = part.value; }
    }
  } catch {
    // An invalid language tag: keep the invariant separators, as NumberDisplay does.
  }
  const found = { group, decimal };
  separatorsByLang.set(lang, found);
  return found;
}

/**
 * The decimal digits of a non-negative number rounded to `digits` decimals as .NET rounds it: from the exact binary
 * value, a tie (an exact binary value ending in 5 just past the last kept digit) to the even digit. toFixed rounds
 * the exact value too but a tie away from zero, and writes 1e21 and more in exponent form.
 * @param {number} magnitude
 * @param {number} digits
 * @returns {string}
 */
function fixedDigits(magnitude, digits) {
  if (magnitude >= 1e21) {
    const whole = BigInt(magnitude).toString();
    return digits > 0 ? whole + '.' + '0'.repeat(digits) : whole;
  }
  const rounded = magnitude.toFixed(digits);
  if (digits >= 100) { return rounded; }
  // Every binary fraction a tie can come from is exact within a hundred decimals at the precisions KPIs use.
  const exact = magnitude.toFixed(100);
  const dot = exact.indexOf('.');
  const kept = dot + (digits === 0 ? 0 : 1 + digits);
  if (!/^50*$/.test(exact.slice(dot + 1 + digits))) { return rounded; }
  const last = exact.charCodeAt(digits === 0 ? dot - 1 : kept - 1) - 48;
  return last % 2 === 0 ? exact.slice(0, kept) : rounded;
}

/**
 * A number with at least `min` and at most `max` decimals (trailing zeros dropped down to `min`), grouped by
 * thousands with the language's separators. A negative number that rounds to zero is written as zero.
 * @param {number} value
 * @param {number} min
 * @param {number} max
 * @param {string} lang
 * @returns {string}
 */
export function fixed(value, min, max, lang) {
  if (Number.isNaN(value)) { return 'NaN'; }
  if (!Number.isFinite(value)) { return value > 0 ? 'Infinity' : '-Infinity'; }
  if (min < max) {
    // "Up to" decimals never reach past what a double carries (1234567.891 is not 1234567.8910000001).
    const whole = Math.floor(Math.abs(value));
    const wholeDigits = whole < 1 ? 0 : (whole >= 1e21 ? BigInt(whole).toString() : whole.toFixed(0)).length;
    max = Math.max(min, Math.min(max, SIGNIFICANT_DIGITS - wholeDigits));
  }
  const text = fixedDigits(Math.abs(value), max);
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  while (fraction.length > min && fraction.endsWith('0')) { fraction = fraction.slice(0, -1); }
  const { group, decimal } = separators(lang);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const negative = value < 0 && /[1-9]/.test(text);
  return (negative ? '-' : '') + grouped + (fraction === '' ? '' : decimal + fraction);
}

/**
 * An amount of money: the currency's symbol (or its code and a space) before the number, the sign before both.
 * @param {number} value
 * @param {number | null} decimals
 * @param {string} lang
 * @param {string} currency an ISO 4217 code
 * @returns {string}
 */
export function money(value, decimals, lang, currency) {
  const digits = decimals ?? (WHOLE_CURRENCIES.includes(currency) ? 0 : 2);
  const text = fixed(value, digits, digits, lang);
  const negative = text.startsWith('-');
  return (negative ? '-' : '') + currencySymbol(currency) + (negative ? text.slice(1) : text);
}

/**
 * What is written for a currency: its symbol, or its code followed by a space.
 * @param {string} currency
 * @returns {string}
 */
export function currencySymbol(currency) {
  return Object.prototype.hasOwnProperty.call(SYMBOLS, currency) ? SYMBOLS[currency] : currency + ' ';
}

/**
 * A KPI's result as its format says (NumberDisplay.Format): percent of a ratio, currency, months, ratio, number.
 * @param {number} value
 * @param {string} format
 * @param {number | null} decimals
 * @param {string} lang
 * @param {string} currency
 * @param {string} monthsUnit
 * @returns {string}
 */
export function formatResult(value, format, decimals, lang, currency, monthsUnit) {
  switch (format) {
    case 'percent':
      return fixed(value * 100, decimals ?? 1, decimals ?? 1, lang) + '%';
    case 'currency':
      return money(value, decimals, lang, currency);
    case 'months':
      return fixed(value, decimals ?? 1, decimals ?? 1, lang) + ' ' + monthsUnit;
    case 'ratio':
      return fixed(value, decimals ?? 2, decimals ?? 2, lang);
    default:
      return decimals === null ? fixed(value, 0, 10, lang) : fixed(value, decimals, decimals, lang);
  }
}

/**
 * An input's value as a person types it (NumberDisplay.Input): a ratio input as percent, money with its symbol,
 * days and months followed by their word when one is given.
 * @param {number} value what the formula gets (a percent input as a ratio)
 * @param {string} unit
 * @param {string} lang
 * @param {string} currency
 * @param {Units} [units]
 * @returns {string}
 */
export function formatInput(value, unit, lang, currency, units) {
  switch (unit) {
    case 'percent':
      return fixed(value * 100, 0, 10, lang) + '%';
    case 'currency':
      return money(value, null, lang, currency);
    case 'days':
      return withUnit(fixed(value, 0, 10, lang), units?.days);
    case 'months':
      return withUnit(fixed(value, 0, 10, lang), units?.months);
    default:
      return fixed(value, 0, 10, lang);
  }
}

/**
 * @param {string} number
 * @param {string | null | undefined} word
 * @returns {string}
 */
function withUnit(number, word) {
  return word ? number + ' ' + word : number;
}
