// @ts-check
// Period conversion of a KPI result. The conversions are formulas Hub checked and compiled into kpi-formulas.js
// (keys such as "period:churn:monthly:annual", see src/Hub.Formulas/Periods/PeriodConversion.cs), so the page
// converts exactly as the build does. No DOM here.

/** @typedef {(values: Record<string, number>) => unknown} Formula */

/**
 * The value converted by the conversion formula under key; NaN when there is none or it gives no number.
 * @param {Record<string, Formula> | undefined} formulas
 * @param {string} key
 * @param {number} value
 * @returns {number}
 */
export function convert(formulas, key, value) {
  const conversion = formulas?.[key];
  if (typeof conversion !== 'function' || !isFinite(value)) { return NaN; }
  /** @type {unknown} */
  let result;
  try { result = conversion({ x: value }); } catch { result = NaN; }
  return typeof result === 'number' && isFinite(result) ? result : NaN;
}
