// @ts-check
// Where the KPI charts put things: the twin of src/Hub.Site/Content/Kpis/KpiChartGeometry.cs, which draws the same
// charts at build time. Same operations in the same order, coordinates written with one decimal, so a chart redrawn
// for the inputs it was built with keeps its attributes. No DOM here: kpi-insights.js applies what this computes.

/** The sensitivity chart's size and plot margins, in SVG units. */
export const WIDTH = 320;
export const HEIGHT = 180;
export const LEFT = 56;
export const RIGHT = 12;
export const TOP = 12;
export const BOTTOM = 32;

/** The x range a band chart's scale spans. */
export const BAND_X0 = 12;
export const BAND_X1 = 308;

/** Samples of an input's range (SAMPLES + 1 points, both ends included). */
export const SAMPLES = 24;

/**
 * @typedef {object} LineGeometry
 * @property {string} path the SVG path of the results (a result that is not finite breaks it)
 * @property {string} cx the current point
 * @property {string} cy
 * @property {boolean} visible whether the current point has a value
 * @property {number} yMin the y range drawn
 * @property {number} yMax
 * @property {string} ox the other scenario's point (a comparison, kpi-scenario.js; the build draws none)
 * @property {string} oy
 * @property {boolean} otherVisible
 */

/**
 * One decimal, as C# writes "F1" (no negative zero).
 * @param {number} value
 * @returns {string}
 */
export function fixed(value) {
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

/**
 * The range an input is drawn over: its declared range, widened to take in the current value.
 * @param {number} lo
 * @param {number} hi
 * @param {number} current
 * @returns {[number, number]}
 */
export function inputRange(lo, hi, current) {
  return isFinite(current) ? [Math.min(lo, current), Math.max(hi, current)] : [lo, hi];
}

/**
 * @param {number} lo
 * @param {number} hi
 * @returns {number[]}
 */
export function sampleXs(lo, hi) {
  /** @type {number[]} */
  const xs = [];
  for (let i = 0; i <= SAMPLES; i++) { xs.push(lo + (hi - lo) * i / SAMPLES); }
  return xs;
}

/**
 * The line of results over the samples, the current point and the y range drawn.
 * @param {number[]} xs
 * @param {number[]} ys
 * @param {number} currentX
 * @param {number} currentY
 * @param {number} [otherX] a second point to take in (scenario A of a comparison); left out, the geometry is the
 *   build's, and the range passed in (xs) must already take in otherX
 * @param {number} [otherY]
 * @returns {LineGeometry}
 */
export function line(xs, ys, currentX, currentY, otherX = NaN, otherY = NaN) {
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const y of ys.concat([currentY, otherY])) {
    if (isFinite(y)) {
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  if (!isFinite(yMin)) {
    yMin = 0;
    yMax = 1;
  }
  if (yMax === yMin) {
    let pad = Math.abs(yMax) * 0.1;
    pad = pad > 0 ? pad : 1;
    yMin -= pad;
    yMax += pad;
  }
  const xMin = xs[0];
  const xMax = xs[xs.length - 1];
  /** @type {string[]} */
  const parts = [];
  let drawing = false;
  for (let i = 0; i < xs.length; i++) {
    if (!isFinite(ys[i])) {
      drawing = false;
      continue;
    }
    parts.push((drawing ? 'L' : 'M') + fixed(x(xs[i], xMin, xMax)) + ' ' + fixed(y(ys[i], yMin, yMax)));
    drawing = true;
  }
  const visible = isFinite(currentX) && isFinite(currentY);
  const otherVisible = isFinite(otherX) && isFinite(otherY);
  return {
    path: parts.join(' '),
    cx: visible ? fixed(x(currentX, xMin, xMax)) : '0',
    cy: visible ? fixed(y(currentY, yMin, yMax)) : '0',
    visible,
    yMin,
    yMax,
    ox: otherVisible ? fixed(x(otherX, xMin, xMax)) : '0',
    oy: otherVisible ? fixed(y(otherY, yMin, yMax)) : '0',
    otherVisible
  };
}

/**
 * The x of a value on a band chart whose scale spans min to max (clamped to the scale).
 * @param {number} value
 * @param {number} min
 * @param {number} max
 * @returns {string}
 */
export function bandX(value, min, max) {
  return fixed(BAND_X0 + (Math.min(Math.max(value, min), max) - min) / (max - min) * (BAND_X1 - BAND_X0));
}

/**
 * @param {number} value
 * @param {number} xMin
 * @param {number} xMax
 */
function x(value, xMin, xMax) { return LEFT + (value - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT); }

/**
 * @param {number} value
 * @param {number} yMin
 * @param {number} yMax
 */
function y(value, yMin, yMax) { return TOP + (yMax - value) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM); }
