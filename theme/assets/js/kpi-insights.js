// @ts-check
// What a KPI page shows around its calculator, refreshed as the reader types (calculator.js calls resultChanged):
// the result in the other periods (theme/partials/kpi-periods), the result placed on each benchmark's band
// (kpi-benchmarks) and the sensitivity charts (kpi-sensitivity). The build drew all of them from the inputs'
// defaults; the geometry is kpi-chart.js (the twin of the build's), the conversions are formulas of kpi-formulas.js.
// Charts are SVG attributes only: no inline style, no eval.

import { bandX, inputRange, line, sampleXs, SAMPLES } from './kpi-chart.js';
import { convert } from './kpi-period.js';
import { formatInput, formatResult } from './number-format.js';
import { formulas as compiled } from './kpi-formulas.js';

/** @typedef {(values: Record<string, number>) => unknown} Formula */

/** @returns {Record<string, Formula> | undefined} the formulas kpi-formulas.js exports */
function formulas() {
  return compiled;
}

/**
 * @typedef {object} Display how the form writes numbers
 * @property {(value: number) => string} result
 * @property {(value: number, unit: string) => string} input
 */

/**
 * @param {HTMLFormElement} form
 * @returns {Display}
 */
function display(form) {
  const lang = form.getAttribute('data-lang') || document.documentElement.lang || 'en';
  const format = form.getAttribute('data-format') || 'number';
  const decimalsText = form.getAttribute('data-decimals');
  const decimals = decimalsText === null || decimalsText === '' ? null : Number(decimalsText);
  const currency = form.getAttribute('data-currency') || 'JPY';
  const months = form.getAttribute('data-unit-months') || 'months';
  const days = form.getAttribute('data-unit-days');
  return {
    result: (value) => (isFinite(value) ? formatResult(value, format, decimals, lang, currency, months) : '–'),
    input: (value, unit) => formatInput(value, unit, lang, currency, { days, months })
  };
}

/**
 * @typedef {object} Other scenario A of a comparison (kpi-scenario.js), drawn as a second point on each chart
 * @property {number} result NaN when A's inputs give none
 * @property {Record<string, number>} values
 */

/**
 * Called by calculator.js after every computation.
 * @param {HTMLFormElement} form
 * @param {number} result NaN while the inputs give none
 * @param {Record<string, number>} values what the formula got (percent inputs as ratios)
 * @param {Other | null} [other] scenario A while the reader compares; null removes its points
 */
export function resultChanged(form, result, values, other = null) {
  const show = display(form);
  const all = formulas();
  for (const element of Array.from(form.querySelectorAll('.kpi-calc-periods output[data-key]'))) {
    element.textContent = show.result(convert(all, element.getAttribute('data-key') ?? '', result));
  }
  // The page's own calculator drives its charts; an embedded one (in an article) has none.
  if (!form.closest('.kpi-calc')) { return; }
  const slug = form.getAttribute('data-kpi') ?? '';
  for (const section of Array.from(document.querySelectorAll('[data-kpi-for]'))) {
    if (section.getAttribute('data-kpi-for') !== slug) { continue; }
    for (const figure of Array.from(section.querySelectorAll('figure.kpi-benchmark'))) {
      updateBenchmark(figure, result, all, show);
    }
    if (!isFinite(result)) { continue; }
    const formula = all?.[slug];
    if (typeof formula !== 'function') { continue; }
    for (const figure of Array.from(section.querySelectorAll('figure.kpi-sensitivity-chart'))) {
      updateSensitivity(figure, formula, result, values, show, other);
    }
  }
}

/**
 * @param {Element} figure
 * @param {number} result
 * @param {Record<string, Formula> | undefined} all
 * @param {Display} show
 */
function updateBenchmark(figure, result, all, show) {
  const key = figure.getAttribute('data-key');
  const value = key ? convert(all, key, result) : result;
  const svg = figure.querySelector('svg.kpi-band');
  const marker = svg?.querySelector('.kpi-band-marker');
  if (svg && marker) {
    const min = Number(svg.getAttribute('data-min'));
    const max = Number(svg.getAttribute('data-max'));
    if (isFinite(value)) {
      marker.setAttribute('cx', bandX(value, min, max));
      marker.removeAttribute('visibility');
      marker.classList.toggle('is-outside', value < min || value > max);
    } else {
      marker.setAttribute('visibility', 'hidden');
    }
  }
  const output = figure.querySelector('.kpi-benchmark-value');
  if (output) { output.textContent = show.result(value); }
}

/**
 * @param {Element} figure
 * @param {Formula} formula
 * @param {number} result
 * @param {Record<string, number>} values
 * @param {Display} show
 * @param {Other | null} other
 */
function updateSensitivity(figure, formula, result, values, show, other) {
  const name = figure.getAttribute('data-input') ?? '';
  const unit = figure.getAttribute('data-unit') ?? 'number';
  const current = values[name];
  const otherX = other ? other.values[name] : NaN;
  const otherY = other ? other.result : NaN;
  let [lo, hi] = inputRange(Number(figure.getAttribute('data-lo')), Number(figure.getAttribute('data-hi')), current);
  [lo, hi] = inputRange(lo, hi, isFinite(otherY) ? otherX : NaN);
  const xs = sampleXs(lo, hi);
  const ys = xs.map((x) => {
    /** @type {Record<string, number>} */
    const copy = Object.assign(Object.create(null), values);
    copy[name] = x;
    /** @type {unknown} */
    let y;
    try { y = formula(copy); } catch { y = NaN; }
    return typeof y === 'number' ? y : NaN;
  });
  const geometry = line(xs, ys, current, result, otherX, otherY);
  figure.querySelector('.kpi-sensitivity-line')?.setAttribute('d', geometry.path);
  const point = figure.querySelector('.kpi-sensitivity-point');
  if (point) {
    point.setAttribute('cx', geometry.cx);
    point.setAttribute('cy', geometry.cy);
    if (geometry.visible) { point.removeAttribute('visibility'); } else { point.setAttribute('visibility', 'hidden'); }
  }
  otherPoint(figure, point, other ? geometry : null);
  /** @type {Record<string, string>} */
  const labels = {
    'y-max': show.result(geometry.yMax),
    'y-min': show.result(geometry.yMin),
    'x-min': show.input(lo, unit),
    'x-max': show.input(hi, unit)
  };
  for (const label of Array.from(figure.querySelectorAll('[data-label]'))) {
    const text = labels[label.getAttribute('data-label') ?? ''];
    if (text !== undefined) { label.textContent = text; }
  }
  const rows = Array.from(figure.querySelectorAll('tbody tr'));
  rows.forEach((row, k) => {
    const i = k * SAMPLES / 4;
    const cells = row.children;
    if (cells.length === 2 && i < xs.length) {
      cells[0].textContent = show.input(xs[i], unit);
      cells[1].textContent = show.result(ys[i]);
    }
  });
}

/**
 * Scenario A's point (a ring, told apart from B's dot by shape as well as colour), added before B's point so B's
 * stays on top, removed when the comparison ends.
 * @param {Element} figure
 * @param {Element | null} point B's point
 * @param {import('./kpi-chart.js').LineGeometry | null} geometry
 */
function otherPoint(figure, point, geometry) {
  let ring = figure.querySelector('.kpi-sensitivity-point-a');
  if (!geometry) {
    ring?.remove();
    return;
  }
  if (!ring && point && point.parentNode) {
    ring = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    ring.setAttribute('class', 'kpi-sensitivity-point-a');
    ring.setAttribute('r', '6');
    ring.setAttribute('data-scenario', 'a');
    point.parentNode.insertBefore(ring, point);
  }
  if (!ring) { return; }
  ring.setAttribute('cx', geometry.ox);
  ring.setAttribute('cy', geometry.oy);
  if (geometry.otherVisible) { ring.removeAttribute('visibility'); } else { ring.setAttribute('visibility', 'hidden'); }
}
