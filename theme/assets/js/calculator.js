// KPI calculators (theme/partials/kpi-calculator.scriban-html). Computes as the reader types with the
// functions of the generated kpi-formulas.js (window.HubFormulas, the same formulas Hub evaluates in C#),
// formats the result for the page language, explains instead of showing NaN or Infinity, keeps the inputs in
// the URL query so a calculation can be shared, and shows the formula with the reader's numbers.
//
// Query keys: the input names (?churned=12&customersAtStart=400) when the page has one calculator; with several,
// every key is prefixed with the KPI slug and a dot (?churn-rate.churned=12&nrr.startMrr=1000), so that
// calculators sharing an input name do not overwrite each other. Values are what the reader typed (percent as
// 5 for 5 %). Other query parameters are kept; reset removes the calculator's keys.
//
// Plain ES2017, no eval and no inline script: runs under Content-Security-Policy default-src 'self'.
(function () {
  'use strict';
  if (window.HubCalculators) { return; }
  window.HubCalculators = { started: false };

  var URL_DELAY_MS = 300;

  function start() {
    var forms = Array.prototype.slice.call(document.querySelectorAll('form.kpi-calculator[data-kpi]'));
    var prefixed = forms.length > 1;
    var params = new URLSearchParams(window.location.search);
    var used = Object.create(null);
    forms.forEach(function (form) { setup(form, prefixed, params, used); });
    window.HubCalculators.started = true;
  }

  function setup(form, prefixed, params, usedIds) {
    var slug = form.getAttribute('data-kpi');
    makeIdsUnique(form, usedIds);
    var fields = Array.prototype.slice.call(form.querySelectorAll('input[name][data-unit]')).map(function (input) {
      return {
        input: input,
        name: input.name,
        unit: input.getAttribute('data-unit'),
        label: input.getAttribute('data-label') || input.name,
        min: attributeNumber(input, 'min'),
        max: attributeNumber(input, 'max'),
        value: NaN
      };
    });
    var s = {
      form: form,
      slug: slug,
      lang: form.getAttribute('data-lang') || document.documentElement.lang || 'en',
      format: form.getAttribute('data-format') || 'number',
      decimals: attributeNumber(form, 'data-decimals'),
      currency: form.getAttribute('data-currency') || 'JPY',
      fields: fields,
      output: form.querySelector('output'),
      template: form.querySelector('template.kpi-calc-formula'),
      substituted: form.querySelector('.kpi-calc-substituted'),
      substitutedFormula: form.querySelector('.kpi-calc-substituted-formula'),
      share: form.querySelector('.kpi-calc-share'),
      key: function (name) { return prefixed ? slug + '.' + name : name; },
      timer: 0
    };
    showCurrencySymbol(s);
    fields.forEach(function (f) {
      var key = s.key(f.name);
      if (params.has(key)) { f.input.value = params.get(key); }
    });
    form.addEventListener('input', function () {
      update(s);
      window.clearTimeout(s.timer);
      s.timer = window.setTimeout(function () { writeQuery(s, false); }, URL_DELAY_MS);
    });
    form.addEventListener('reset', function () {
      window.clearTimeout(s.timer);
      // The browser restores the default values after the event: compute once it has.
      window.setTimeout(function () { update(s); writeQuery(s, true); }, 0);
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    form.classList.add('is-live');
    update(s);
  }

  function update(s) {
    var values = Object.create(null);
    var problem = null;
    s.fields.forEach(function (f) {
      var error = validate(s, f);
      if (error) {
        f.input.setAttribute('aria-invalid', 'true');
        problem = problem || error;
      } else {
        f.input.removeAttribute('aria-invalid');
      }
      values[f.name] = f.value;
    });
    if (problem) { return show(s, problem, false); }
    var formula = window.HubFormulas && window.HubFormulas[s.slug];
    if (typeof formula !== 'function') { return show(s, message(s, 'unavailable'), false); }
    var result;
    try { result = formula(values); } catch (e) { result = NaN; }
    if (typeof result !== 'number' || !isFinite(result)) {
      var zeros = s.fields.filter(function (f) { return f.value === 0; });
      if (zeros.length > 0) {
        var separator = s.form.getAttribute('data-list-separator') || ', ';
        return show(s, message(s, 'division-by-zero', { inputs: zeros.map(function (f) { return f.label; }).join(separator) }), false);
      }
      return show(s, message(s, isNaN(result) ? 'not-computable' : 'too-large'), false);
    }
    show(s, formatResult(s, result), true);
  }

  // The reason an input cannot be used, or null; sets f.value to what the formula gets (percent as a ratio).
  function validate(s, f) {
    var input = f.input;
    var raw = input.value.trim();
    f.value = NaN;
    if (input.validity && input.validity.badInput) { return message(s, 'invalid', { label: f.label }); }
    if (raw === '') { return message(s, 'empty', { label: f.label }); }
    var typed = input.type === 'number' && !isNaN(input.valueAsNumber) ? input.valueAsNumber : Number(raw);
    if (!isFinite(typed)) { return message(s, 'invalid', { label: f.label }); }
    if (f.min !== null && typed < f.min) { return message(s, 'below-min', { label: f.label, min: formatTyped(s, f, f.min) }); }
    if (f.max !== null && typed > f.max) { return message(s, 'above-max', { label: f.label, max: formatTyped(s, f, f.max) }); }
    f.value = f.unit === 'percent' ? typed / 100 : typed;
    return null;
  }

  function show(s, text, ok) {
    if (s.output) { s.output.textContent = text; }
    s.form.setAttribute('data-state', ok ? 'ok' : 'error');
    if (s.substituted) {
      if (ok) { substitute(s, text); }
      s.substituted.hidden = !ok;
    }
  }

  // The formula of the page with each input's label replaced by the reader's number.
  function substitute(s, resultText) {
    if (!s.template || !s.substitutedFormula) { return; }
    var copy = document.importNode(s.template.content, true);
    Array.prototype.forEach.call(copy.querySelectorAll('var[data-input]'), function (v) {
      var f = findField(s, v.getAttribute('data-input'));
      if (!f) { return; }
      v.setAttribute('title', v.textContent);
      v.textContent = formatTyped(s, f, f.unit === 'percent' ? f.value * 100 : f.value);
      v.classList.add('is-value');
    });
    var target = s.substitutedFormula;
    while (target.firstChild) { target.removeChild(target.firstChild); }
    target.appendChild(copy);
    var result = document.createElement('span');
    result.className = 'kpi-calc-substituted-result';
    result.textContent = ' = ' + resultText;
    target.appendChild(result);
  }

  // The template writes the ISO code (JPY) next to currency inputs; the page language's symbol reads better.
  function showCurrencySymbol(s) {
    var symbol = null;
    try {
      new Intl.NumberFormat(s.lang, { style: 'currency', currency: s.currency }).formatToParts(0).forEach(function (part) {
        if (part.type === 'currency') { symbol = part.value; }
      });
    } catch (e) {
      return;
    }
    if (!symbol) { return; }
    s.fields.forEach(function (f) {
      var unit = f.unit === 'currency' && f.input.id ? document.getElementById(f.input.id + '-unit') : null;
      if (unit) { unit.textContent = symbol; }
    });
  }

  function findField(s, name) {
    for (var i = 0; i < s.fields.length; i++) {
      if (s.fields[i].name === name) { return s.fields[i]; }
    }
    return null;
  }

  function writeQuery(s, clear) {
    var params = new URLSearchParams(window.location.search);
    s.fields.forEach(function (f) {
      if (clear) { params.delete(s.key(f.name)); } else { params.set(s.key(f.name), f.input.value.trim()); }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
    try {
      // An unchanged address is not written again: each write is a navigation to the browser (and its history).
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, '', url);
      }
      if (s.share) { s.share.hidden = clear; }
    } catch (e) {
      // Some browsers limit how often the address may change; the calculation itself is unaffected.
    }
  }

  // ---- Formatting (Intl.NumberFormat in the page language) ----

  function formatResult(s, x) {
    var d = s.decimals;
    var options;
    switch (s.format) {
      case 'percent':
        options = { style: 'percent', minimumFractionDigits: or(d, 1), maximumFractionDigits: or(d, 1) };
        break;
      case 'currency':
        options = { style: 'currency', currency: s.currency };
        if (d !== null) { options.minimumFractionDigits = d; options.maximumFractionDigits = d; }
        break;
      case 'months':
        return formatUnit(s, x, 'month', s.form.getAttribute('data-unit-months'), or(d, 1), or(d, 1));
      case 'ratio':
        options = { minimumFractionDigits: or(d, 2), maximumFractionDigits: or(d, 2) };
        break;
      default:
        options = { minimumFractionDigits: or(d, 0), maximumFractionDigits: or(d, 10) };
    }
    return format(s, withoutNegativeZero(x, s.format === 'percent' ? 100 : 1, options.maximumFractionDigits), options);
  }

  // A typed value (percent as 5 for 5 %) with its unit, for the substituted formula and range messages.
  function formatTyped(s, f, typed) {
    switch (f.unit) {
      case 'percent':
        return format(s, typed / 100, { style: 'percent', maximumFractionDigits: 4 });
      case 'currency':
        return format(s, typed, { style: 'currency', currency: s.currency, maximumFractionDigits: 4 });
      case 'days':
        return formatUnit(s, typed, 'day', s.form.getAttribute('data-unit-days'), 0, 4);
      case 'months':
        return formatUnit(s, typed, 'month', s.form.getAttribute('data-unit-months'), 0, 4);
      default:
        return format(s, typed, { maximumFractionDigits: 6 });
    }
  }

  function formatUnit(s, x, unit, fallbackUnit, minDigits, maxDigits) {
    x = withoutNegativeZero(x, 1, maxDigits);
    var digits = { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits };
    try {
      return new Intl.NumberFormat(s.lang, { style: 'unit', unit: unit, unitDisplay: 'long', minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits }).format(x);
    } catch (e) {
      return format(s, x, digits) + ' ' + (fallbackUnit || unit);
    }
  }

  function format(s, x, options) {
    try {
      return new Intl.NumberFormat(s.lang, options).format(x);
    } catch (e) {
      // An unknown currency code or an old browser: still show the number.
      var digits = options.maximumFractionDigits === undefined ? 2 : options.maximumFractionDigits;
      return String(Number((options.style === 'percent' ? x * 100 : x).toFixed(Math.min(digits, 20)))) + (options.style === 'percent' ? ' %' : '');
    }
  }

  // -0, or a negative number that rounds to zero, would be shown as "-0".
  function withoutNegativeZero(x, scale, digits) {
    var limit = 0.5 * Math.pow(10, -(digits === undefined ? 2 : digits));
    return Math.abs(x * scale) < limit ? 0 : x;
  }

  // ---- Small helpers ----

  function message(s, name, values) {
    var text = s.form.getAttribute('data-msg-' + name) || name;
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function or(value, fallback) { return value === null ? fallback : value; }

  function attributeNumber(element, name) {
    var text = element.getAttribute(name);
    if (text === null || text.trim() === '') { return null; }
    var value = Number(text);
    return isFinite(value) ? value : null;
  }

  // The same KPI embedded twice renders the same ids: rename the second form's and what refers to them.
  function makeIdsUnique(form, used) {
    var elements = Array.prototype.slice.call(form.querySelectorAll('[id]'));
    var clash = elements.some(function (e) { return used[e.id]; });
    if (clash) {
      var suffix = 2;
      while (elements.some(function (e) { return used[e.id + '-' + suffix]; })) { suffix++; }
      var renamed = Object.create(null);
      elements.forEach(function (e) {
        renamed[e.id] = e.id + '-' + suffix;
        e.id = renamed[e.id];
      });
      Array.prototype.forEach.call(form.querySelectorAll('label[for], output[for], [aria-describedby]'), function (e) {
        ['for', 'aria-describedby'].forEach(function (attribute) {
          var value = e.getAttribute(attribute);
          if (value) {
            e.setAttribute(attribute, value.split(/\s+/).map(function (id) { return renamed[id] || id; }).join(' '));
          }
        });
      });
    }
    elements.forEach(function (e) { used[e.id] = true; });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
