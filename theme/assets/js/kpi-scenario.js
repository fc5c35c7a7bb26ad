// @ts-check
// Scenarios of a KPI calculator ("compare"): scenario A is a copy of the inputs taken when the reader starts
// comparing, scenario B is what the form holds. Both travel in the page address so a comparison can be shared:
// every calculator query key (calculator.js: the input name, or "slug.name" with several calculators) gets the
// prefix "a." or "b." (?a.churned=12&a.customersAtStart=400&b.churned=9&b.customersAtStart=400), and the plain keys
// are dropped while comparing. Values are what the reader typed (percent as 5 for 5 %). No DOM here: calculator.js
// reads and writes the form, this module the address and the arithmetic.

import { fixed, formatResult } from './number-format.js';

/** @typedef {Record<string, string>} Typed what the reader typed per query key */

/**
 * @typedef {object} Comparison
 * @property {Typed} a
 * @property {Typed} b
 */

export const PREFIX_A = 'a.';
export const PREFIX_B = 'b.';

/**
 * The comparison an address holds for these query keys, or null when it names neither scenario. A key missing from
 * one scenario is taken from the other, then from the plain key, so a hand-shortened link still opens.
 * @param {URLSearchParams} params
 * @param {string[]} keys
 * @returns {Comparison | null}
 */
export function readComparison(params, keys) {
  /** @type {Typed} */
  const a = Object.create(null);
  /** @type {Typed} */
  const b = Object.create(null);
  let found = false;
  for (const key of keys) {
    const va = params.get(PREFIX_A + key);
    const vb = params.get(PREFIX_B + key);
    if (va !== null || vb !== null) { found = true; }
    const plain = params.get(key);
    const fallback = va ?? vb ?? plain;
    if (fallback !== null) {
      a[key] = va ?? fallback;
      b[key] = vb ?? fallback;
    }
  }
  return found ? { a, b } : null;
}

/**
 * The address query with the comparison written (or, for null, every scenario key removed). Other parameters keep
 * their order; the calculator's plain keys are removed while comparing (the form's values are scenario B).
 * @param {URLSearchParams} params
 * @param {string[]} keys
 * @param {Comparison | null} comparison
 * @returns {URLSearchParams}
 */
export function writeComparison(params, keys, comparison) {
  const next = new URLSearchParams(params);
  for (const key of keys) {
    next.delete(PREFIX_A + key);
    next.delete(PREFIX_B + key);
    if (comparison) { next.delete(key); }
  }
  if (comparison) {
    for (const key of keys) {
      if (key in comparison.a) { next.set(PREFIX_A + key, comparison.a[key]); }
    }
    for (const key of keys) {
      if (key in comparison.b) { next.set(PREFIX_B + key, comparison.b[key]); }
    }
  }
  return next;
}

/**
 * What the formula gets from a typed value: a number (percent as a ratio), NaN when it is not one.
 * @param {string | undefined} typed
 * @param {string} unit
 * @returns {number}
 */
export function formulaValue(typed, unit) {
  const raw = (typed ?? '').trim();
  if (raw === '') { return NaN; }
  const value = Number(raw);
  if (!isFinite(value)) { return NaN; }
  return unit === 'percent' ? value / 100 : value;
}

/**
 * B − A and the change relative to A (NaN when A is zero or either is not a number).
 * @param {number} a
 * @param {number} b
 * @returns {{ delta: number, relative: number }}
 */
export function difference(a, b) {
  const delta = isFinite(a) && isFinite(b) ? b - a : NaN;
  return { delta, relative: isFinite(delta) && a !== 0 ? delta / Math.abs(a) : NaN };
}

/**
 * A difference written as the result is, with its sign: a percent result's difference in percentage points
 * (pointsPattern, such as "{value} pp"), others in the result's own format; "–" when there is none.
 * @param {number} delta
 * @param {string} format
 * @param {number | null} decimals
 * @param {string} lang
 * @param {string} currency
 * @param {string} monthsUnit
 * @param {string} pointsPattern
 * @returns {string}
 */
export function formatDifference(delta, format, decimals, lang, currency, monthsUnit, pointsPattern) {
  if (!isFinite(delta)) { return '–'; }
  if (format === 'percent') {
    return pointsPattern.replace('{value}', signed(fixed(delta * 100, decimals ?? 1, decimals ?? 1, lang)));
  }
  return signed(formatResult(delta, format, decimals, lang, currency, monthsUnit));
}

/**
 * The relative change as a signed percent with one decimal ("+12.5%"); "–" when there is none.
 * @param {number} relative
 * @param {string} lang
 * @returns {string}
 */
export function formatRelative(relative, lang) {
  return isFinite(relative) ? signed(fixed(relative * 100, 1, 1, lang) + '%') : '–';
}

/**
 * A formatted number with a plus sign when it is above zero ("-" is already there below it, nothing for a zero).
 * @param {string} text
 * @returns {string}
 */
function signed(text) {
  if (!/[1-9]/.test(text)) { return text.replace('-', ''); }
  return text.startsWith('-') ? text.replace('-', '−') : '+' + text;
}
