// @ts-check
// KPI calculators (theme/partials/kpi-calculator.scriban-html). Computes as the reader types with the
// functions of the generated ES module kpi-formulas.js (its `formulas`, the same formulas Hub evaluates in C#),
// formats the result for the page language (number-format.js, the twin of the worked examples' formatting),
// explains instead of showing NaN or Infinity, keeps the inputs in the URL query so a calculation can be shared,
// and shows the formula with the reader's numbers.
//
// Query keys: the input names (?churned=12&customersAtStart=400) when the page has one calculator; with several,
// every key is prefixed with the KPI slug and a dot (?churn-rate.churned=12&nrr.startMrr=1000), so that
// calculators sharing an input name do not overwrite each other. Values are what the reader typed (percent as
// 5 for 5 %). Other query parameters are kept; reset removes the calculator's keys.
//
// The page's own calculator can compare two scenarios (theme/partials/kpi-compare, kpi-scenario.js): "compare"
// keeps the current values as scenario A and the form becomes scenario B; the address then holds both
// (?a.churned=12&…&b.churned=9&…) instead of the plain keys, and opening such an address restores the comparison.
//
// No eval and no inline script: runs under Content-Security-Policy default-src 'self'. When every calculator is
// live, the root element carries data-calculators="ready".

import { currencySymbol, formatInput, formatResult } from './number-format.js';
import { formulas as compiled } from './kpi-formulas.js';
import { resultChanged } from './kpi-insights.js';
import { difference, formatDifference, formatRelative, formulaValue, readComparison, writeComparison } from './kpi-scenario.js';

const URL_DELAY_MS = 300;

/**
 * @typedef {object} Field one input of a calculator
 * @property {HTMLInputElement} input
 * @property {string} name
 * @property {string} unit
 * @property {string} label
 * @property {number | null} min
 * @property {number | null} max
 * @property {number} value what the formula gets (a percent input as a ratio); NaN while the input is unusable
 */

/**
 * @typedef {object} Calculator one form and its state
 * @property {HTMLFormElement} form
 * @property {string} slug
 * @property {string} lang
 * @property {string} format
 * @property {number | null} decimals
 * @property {string} currency
 * @property {Field[]} fields
 * @property {HTMLOutputElement | null} output
 * @property {HTMLTemplateElement | null} template
 * @property {HTMLElement | null} substituted
 * @property {HTMLElement | null} substitutedFormula
 * @property {HTMLElement | null} share
 * @property {(name: string) => string} key the query key of an input
 * @property {number} timer
 * @property {HTMLElement | null} compare the scenario comparison (kpi-compare partial), on the page's own calculator
 * @property {Record<string, string> | null} scenarioA what scenario A holds per query key while comparing
 */

/** @typedef {(values: Record<string, number>) => unknown} Formula */

/** @returns {Record<string, Formula> | undefined} the formulas kpi-formulas.js defines */
function formulas() {
  return compiled;
}

/**
 * @param {HTMLFormElement} form
 * @param {boolean} prefixed
 * @param {URLSearchParams} params
 * @param {Record<string, boolean>} usedIds
 */
function setup(form, prefixed, params, usedIds) {
  const slug = form.getAttribute('data-kpi') ?? '';
  makeIdsUnique(form, usedIds);
  /** @type {Field[]} */
  const fields = Array.from(form.querySelectorAll('input[name][data-unit]'), (element) => {
    const input = /** @type {HTMLInputElement} */ (element);
    return {
      input,
      name: input.name,
      unit: input.getAttribute('data-unit') ?? '',
      label: input.getAttribute('data-label') || input.name,
      min: attributeNumber(input, 'min'),
      max: attributeNumber(input, 'max'),
      value: NaN
    };
  });
  /** @type {Calculator} */
  const s = {
    form,
    slug,
    lang: form.getAttribute('data-lang') || document.documentElement.lang || 'en',
    format: form.getAttribute('data-format') || 'number',
    decimals: attributeNumber(form, 'data-decimals'),
    currency: form.getAttribute('data-currency') || 'JPY',
    fields,
    output: form.querySelector('output'),
    template: form.querySelector('template.kpi-calc-formula'),
    substituted: form.querySelector('.kpi-calc-substituted'),
    substitutedFormula: form.querySelector('.kpi-calc-substituted-formula'),
    share: form.querySelector('.kpi-calc-share'),
    key: (name) => (prefixed ? slug + '.' + name : name),
    timer: 0,
    compare: form.querySelector('.kpi-compare'),
    scenarioA: null
  };
  showCurrencySymbol(s);
  const comparison = s.compare ? readComparison(params, fields.map((f) => s.key(f.name))) : null;
  for (const f of fields) {
    const value = comparison ? comparison.b[s.key(f.name)] ?? null : params.get(s.key(f.name));
    if (value !== null) { f.input.value = value; }
  }
  if (comparison) {
    // A key neither scenario names keeps the input's default in both.
    s.scenarioA = Object.assign(typed(s), comparison.a);
  }
  if (s.compare) { setupCompare(s); }
  form.addEventListener('input', () => {
    update(s);
    window.clearTimeout(s.timer);
    s.timer = window.setTimeout(() => { writeQuery(s, false); }, URL_DELAY_MS);
  });
  form.addEventListener('reset', () => {
    window.clearTimeout(s.timer);
    // The browser restores the default values after the event: compute once it has.
    window.setTimeout(() => { update(s); writeQuery(s, true); }, 0);
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); });
  form.classList.add('is-live');
  update(s);
}

/** @param {Calculator} s */
function update(s) {
  const other = scenarioA(s);
  const result = compute(s, other);
  if (s.compare) { showComparison(s, other, result); }
}

/**
 * Computes scenario B (the form), shows it and passes it on; returns the result, NaN when there is none.
 * @param {Calculator} s
 * @param {import('./kpi-insights.js').Other | null} other scenario A while comparing
 * @returns {number}
 */
function compute(s, other) {
  /** @type {Record<string, number>} */
  const values = Object.create(null);
  /** @type {string | null} */
  let problem = null;
  for (const f of s.fields) {
    const error = validate(s, f);
    if (error) {
      f.input.setAttribute('aria-invalid', 'true');
      problem = problem || error;
    } else {
      f.input.removeAttribute('aria-invalid');
    }
    values[f.name] = f.value;
  }
  if (problem) { resultChanged(s.form, NaN, values, other); show(s, problem, false); return NaN; }
  const formula = formulas()?.[s.slug];
  if (typeof formula !== 'function') { show(s, message(s, 'unavailable'), false); return NaN; }
  /** @type {unknown} */
  let result;
  try { result = formula(values); } catch { result = NaN; }
  resultChanged(s.form, typeof result === 'number' ? result : NaN, values, other);
  if (typeof result !== 'number' || !isFinite(result)) {
    const zeros = s.fields.filter((f) => f.value === 0);
    if (zeros.length > 0) {
      const separator = s.form.getAttribute('data-list-separator') || ', ';
      show(s, message(s, 'division-by-zero', { inputs: zeros.map((f) => f.label).join(separator) }), false);
      return NaN;
    }
    show(s, message(s, typeof result === 'number' && !isNaN(result) ? 'too-large' : 'not-computable'), false);
    return NaN;
  }
  show(s, formatResult(result, s.format, s.decimals, s.lang, s.currency, monthsUnit(s)), true);
  return result;
}

/** @param {Calculator} s */
function monthsUnit(s) { return s.form.getAttribute('data-unit-months') || 'months'; }

/**
 * What the inputs hold now, per query key.
 * @param {Calculator} s
 * @returns {Record<string, string>}
 */
function typed(s) {
  /** @type {Record<string, string>} */
  const values = Object.create(null);
  for (const f of s.fields) { values[s.key(f.name)] = f.input.value.trim(); }
  return values;
}

/**
 * Scenario A's values and result while comparing, else null.
 * @param {Calculator} s
 * @returns {import('./kpi-insights.js').Other | null}
 */
function scenarioA(s) {
  if (!s.scenarioA) { return null; }
  /** @type {Record<string, number>} */
  const values = Object.create(null);
  for (const f of s.fields) { values[f.name] = formulaValue(s.scenarioA[s.key(f.name)], f.unit); }
  const formula = formulas()?.[s.slug];
  /** @type {unknown} */
  let result = NaN;
  if (typeof formula === 'function' && Object.values(values).every((v) => isFinite(v))) {
    try { result = formula(values); } catch { result = NaN; }
  }
  return { values, result: typeof result === 'number' && isFinite(result) ? result : NaN };
}

/**
 * The compare and end buttons: start keeps the current values as scenario A, end forgets it.
 * @param {Calculator} s
 */
function setupCompare(s) {
  const start = s.compare?.querySelector('.kpi-compare-start');
  const end = s.compare?.querySelector('.kpi-compare-end');
  start?.addEventListener('click', () => {
    s.scenarioA = typed(s);
    update(s);
    writeQuery(s, false);
    // The first field is where scenario B is changed.
    s.fields[0]?.input.focus();
  });
  end?.addEventListener('click', () => {
    s.scenarioA = null;
    update(s);
    writeQuery(s, false);
    if (start instanceof HTMLElement) { start.focus(); }
  });
}

/**
 * Both results, their difference and scenario A's values; the panel is shown only while comparing.
 * @param {Calculator} s
 * @param {import('./kpi-insights.js').Other | null} other
 * @param {number} result scenario B's
 */
function showComparison(s, other, result) {
  const compare = s.compare;
  if (!compare) { return; }
  const panel = compare.querySelector('.kpi-compare-panel');
  const start = compare.querySelector('.kpi-compare-start');
  if (panel instanceof HTMLElement) { panel.hidden = !other; }
  if (start instanceof HTMLElement) {
    start.hidden = !!other;
    start.setAttribute('aria-expanded', other ? 'true' : 'false');
  }
  if (!other) { return; }
  const months = monthsUnit(s);
  /** @param {number} value */
  const write = (value) => (isFinite(value) ? formatResult(value, s.format, s.decimals, s.lang, s.currency, months) : '–');
  /** @param {string} selector @param {string} text */
  const set = (selector, text) => {
    const element = compare.querySelector(selector);
    if (element && element.textContent !== text) { element.textContent = text; }
  };
  set('.kpi-compare-result-a', write(other.result));
  set('.kpi-compare-result-b', write(result));
  const { delta, relative } = difference(other.result, result);
  const points = compare.getAttribute('data-points') || '{value} pp';
  const deltaText = formatDifference(delta, s.format, s.decimals, s.lang, s.currency, months, points);
  set('.kpi-compare-difference', isFinite(relative) ? deltaText + ' (' + formatRelative(relative, s.lang) + ')' : deltaText);
  const list = compare.querySelector('.kpi-compare-a-inputs');
  if (list) {
    const items = s.fields.map((f) => {
      const item = document.createElement('li');
      const value = other.values[f.name];
      item.textContent = f.label + ': ' + (isFinite(value) ? formatInput(value, f.unit, s.lang, s.currency, units(s)) : '–');
      return item;
    });
    list.replaceChildren(...items);
  }
}

/**
 * The reason an input cannot be used, or null; sets f.value to what the formula gets (percent as a ratio).
 * @param {Calculator} s
 * @param {Field} f
 * @returns {string | null}
 */
function validate(s, f) {
  const input = f.input;
  const raw = input.value.trim();
  f.value = NaN;
  if (input.validity && input.validity.badInput) { return message(s, 'invalid', { label: f.label }); }
  if (raw === '') { return message(s, 'empty', { label: f.label }); }
  const typed = input.type === 'number' && !isNaN(input.valueAsNumber) ? input.valueAsNumber : Number(raw);
  if (!isFinite(typed)) { return message(s, 'invalid', { label: f.label }); }
  if (f.min !== null && typed < f.min) { return message(s, 'below-min', { label: f.label, min: formatTyped(s, f, f.min) }); }
  if (f.max !== null && typed > f.max) { return message(s, 'above-max', { label: f.label, max: formatTyped(s, f, f.max) }); }
  f.value = f.unit === 'percent' ? typed / 100 : typed;
  return null;
}

/**
 * @param {Calculator} s
 * @param {string} text
 * @param {boolean} ok
 */
function show(s, text, ok) {
  if (s.output) { s.output.textContent = text; }
  s.form.setAttribute('data-state', ok ? 'ok' : 'error');
  if (s.substituted) {
    if (ok) { substitute(s, text); }
    s.substituted.hidden = !ok;
  }
}

/**
 * The formula of the page with each input's label replaced by the reader's number.
 * @param {Calculator} s
 * @param {string} resultText
 */
function substitute(s, resultText) {
  if (!s.template || !s.substitutedFormula) { return; }
  const copy = /** @type {DocumentFragment} */ (document.importNode(s.template.content, true));
  for (const v of Array.from(copy.querySelectorAll('var[data-input]'))) {
    const f = s.fields.find((field) => field.name === v.getAttribute('data-input'));
    if (!f) { continue; }
    v.setAttribute('title', v.textContent ?? '');
    v.textContent = formatInput(f.value, f.unit, s.lang, s.currency, units(s));
    v.classList.add('is-value');
  }
  const target = s.substitutedFormula;
  target.replaceChildren(copy);
  const result = document.createElement('span');
  result.className = 'kpi-calc-substituted-result';
  result.textContent = ' = ' + resultText;
  target.appendChild(result);
}

/**
 * A typed value (percent as 5 for 5 %) with its unit, for range messages.
 * @param {Calculator} s
 * @param {Field} f
 * @param {number} typed
 * @returns {string}
 */
function formatTyped(s, f, typed) {
  return formatInput(f.unit === 'percent' ? typed / 100 : typed, f.unit, s.lang, s.currency, units(s));
}

/**
 * @param {Calculator} s
 * @returns {import('./number-format.js').Units}
 */
function units(s) {
  return { days: s.form.getAttribute('data-unit-days'), months: s.form.getAttribute('data-unit-months') };
}

/**
 * The template writes the ISO code (JPY) next to currency inputs; the symbol the results use reads better.
 * @param {Calculator} s
 */
function showCurrencySymbol(s) {
  const symbol = currencySymbol(s.currency).trim();
  for (const f of s.fields) {
    const unit = f.unit === 'currency' && f.input.id ? document.getElementById(f.input.id + '-unit') : null;
    if (unit) { unit.textContent = symbol; }
  }
}

/**
 * @param {Calculator} s
 * @param {boolean} clear
 */
function writeQuery(s, clear) {
  const keys = s.fields.map((f) => s.key(f.name));
  // While comparing, reset returns scenario B to the defaults: the address keeps both scenarios.
  const params = writeComparison(new URLSearchParams(window.location.search), keys,
    s.scenarioA ? { a: s.scenarioA, b: typed(s) } : null);
  if (!s.scenarioA) {
    for (const key of keys) {
      if (clear) { params.delete(key); } else { params.set(key, typed(s)[key]); }
    }
  }
  const query = params.toString();
  const url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
  try {
    // An unchanged address is not written again: each write is a navigation to the browser (and its history).
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, '', url);
    }
    if (s.share) { s.share.hidden = clear && !s.scenarioA; }
  } catch {
    // Some browsers limit how often the address may change; the calculation itself is unaffected.
  }
}

/**
 * A message of the page's language with {placeholders} filled in.
 * @param {Calculator} s
 * @param {string} name
 * @param {Record<string, string>} [values]
 * @returns {string}
 */
function message(s, name, values) {
  const text = s.form.getAttribute('data-msg-' + name) || name;
  return text.replace(/\{(\w+)\}/g, (match, key) =>
    values && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match);
}

/**
 * @param {Element} element
 * @param {string} name
 * @returns {number | null}
 */
function attributeNumber(element, name) {
  const text = element.getAttribute(name);
  if (text === null || text.trim() === '') { return null; }
  const value = Number(text);
  return isFinite(value) ? value : null;
}

/**
 * The same KPI embedded twice renders the same ids: rename the second form's and what refers to them.
 * @param {HTMLFormElement} form
 * @param {Record<string, boolean>} used
 */
function makeIdsUnique(form, used) {
  const elements = Array.from(form.querySelectorAll('[id]'));
  if (elements.some((e) => used[e.id])) {
    let suffix = 2;
    while (elements.some((e) => used[e.id + '-' + suffix])) { suffix++; }
    /** @type {Record<string, string>} */
    const renamed = Object.create(null);
    for (const e of elements) {
      renamed[e.id] = e.id + '-' + suffix;
      e.id = renamed[e.id];
    }
    for (const e of Array.from(form.querySelectorAll('label[for], output[for], [aria-describedby]'))) {
      for (const attribute of ['for', 'aria-describedby']) {
        const value = e.getAttribute(attribute);
        if (value) {
          e.setAttribute(attribute, value.split(/\s+/).map((id) => renamed[id] || id).join(' '));
        }
      }
    }
  }
  for (const e of elements) { used[e.id] = true; }
}

// A module script runs once the document is parsed: the forms are all there.
const forms = Array.from(document.querySelectorAll('form.kpi-calculator[data-kpi]'), (e) => /** @type {HTMLFormElement} */ (e));
const params = new URLSearchParams(window.location.search);
/** @type {Record<string, boolean>} */
const usedIds = Object.create(null);
for (const form of forms) { setup(form, forms.length > 1, params, usedIds); }
document.documentElement.setAttribute('data-calculators', 'ready');
