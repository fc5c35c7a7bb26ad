// Question catalogues: live filters kept in the URL, copy-link buttons, and the interview kit (print, Markdown, CSV).
// State lives in the query: ?{facet}={value} (repeated for several values), &q={words}, &kit={id},{id}.
// Builds DOM with textContent only; never parses catalogue text as HTML.
(function (global) {
  'use strict';

  // ---- Pure helpers (no DOM; the tests run them in Jint) ----

  function normalize(text) {
    var s = String(text == null ? '' : text);
    if (typeof s.normalize === 'function') { s = s.normalize('NFKC'); }
    return s.toLowerCase();
  }

  /** The words of a text filter; every word must occur in a question (substring match, so no spaces are needed in Japanese or Korean). */
  function terms(query) {
    return normalize(query).split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function matchesTerms(haystack, words) {
    for (var i = 0; i < words.length; i++) {
      if (haystack.indexOf(words[i]) < 0) { return false; }
    }
    return true;
  }

  /**
   * Whether a question whose facet holds `values` passes a filter on `wanted` (alternatives; none means no filter):
   * it carries one of them, or the facet's all-value (`allValue`, declared `all: true`; null when none).
   * The twin of Facet.Matches in the build.
   */
  function facetMatches(values, wanted, allValue) {
    if (wanted.length === 0) { return true; }
    if (allValue != null && values.indexOf(allValue) >= 0) { return true; }
    return wanted.some(function (v) { return values.indexOf(v) >= 0; });
  }

  /**
   * Reads ?facet=value&facet=value&q=…&kit=a,b into { facets: { name: [values] }, q: '', kit: [ids] }.
   * Maps keyed by facet names have no prototype, so any name an author picks ("constructor", "__proto__") is just a key.
   * Only the given facet names are read; kit accepts both a comma list and repeated keys.
   */
  function parseQuery(search, facetNames) {
    var state = { facets: Object.create(null), q: '', kit: [] };
    facetNames.forEach(function (name) { state.facets[name] = []; });
    var text = String(search || '').replace(/^\?/, '');
    if (text === '') { return state; }
    text.split('&').forEach(function (pair) {
      if (pair === '') { return; }
      var eq = pair.indexOf('=');
      var key = decode(eq < 0 ? pair : pair.slice(0, eq));
      var value = decode(eq < 0 ? '' : pair.slice(eq + 1));
      if (key === 'q') {
        state.q = state.q === '' ? value : state.q + ' ' + value;
      } else if (key === 'kit') {
        value.split(',').forEach(function (id) {
          if (id !== '' && state.kit.indexOf(id) < 0) { state.kit.push(id); }
        });
      } else if (Object.prototype.hasOwnProperty.call(state.facets, key) && value !== '' && state.facets[key].indexOf(value) < 0) {
        state.facets[key].push(value);
      }
    });
    return state;
  }

  function decode(part) {
    try { return decodeURIComponent(part.replace(/\+/g, ' ')); } catch (e) { return part; }
  }

  /** The inverse of parseQuery, facets in the given order; '' when nothing is set. */
  function buildQuery(state, facetNames) {
    var parts = [];
    facetNames.forEach(function (name) {
      (state.facets[name] || []).forEach(function (value) {
        parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(value));
      });
    });
    var q = String(state.q || '').trim();
    if (q !== '') { parts.push('q=' + encodeURIComponent(q).replace(/%20/g, '+')); }
    if (state.kit && state.kit.length > 0) {
      parts.push('kit=' + state.kit.map(encodeURIComponent).join(','));
    }
    return parts.length === 0 ? '' : '?' + parts.join('&');
  }

  /** One CSV field per RFC 4180, always quoted. A leading = + - @ or control gets a ' so spreadsheets do not run it as a formula. */
  function csvField(value) {
    var s = String(value == null ? '' : value);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function toCsv(rows) {
    return rows.map(function (row) { return row.map(csvField).join(','); }).join('\r\n') + '\r\n';
  }

  /** Text as literal Markdown: one line, every character with a meaning backslash-escaped, and nothing read as a list or heading. */
  function markdownText(value) {
    var s = String(value == null ? '' : value).replace(/\s*[\r\n]+\s*/g, ' ').trim();
    // Brackets are escaped, so parentheses and '!' can never form a link or image and stay readable.
    s = s.replace(/[\\`*_\[\]<>#|~&$]/g, '\\$&');
    if (/^\d+[.)]/.test(s)) { return s.replace(/^(\d+)/, '$1\\'); }
    return /^[-+=]/.test(s) ? '\\' + s : s;
  }

  /** A URL as a Markdown link destination: the characters that would end or break it are percent-encoded. */
  function markdownUrl(url) {
    return String(url).replace(/[\s()<>\\]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'); });
  }

  /**
   * The interview sheet as Markdown. sheet: { title, url, labels: { question, intent, lookFor, redFlags, followUps, kpis, notes },
   * questions: [{ id, url, text, facets: [{ label, values: [] }], intent, lookFor: [], redFlags: [], followUps: [], kpis: [{ title, url }] }] }.
   */
  function toMarkdown(sheet) {
    var out = ['# ' + markdownText(sheet.title), '', '<' + markdownUrl(sheet.url) + '>', ''];
    var labels = sheet.labels;
    function list(label, items) {
      if (!items || items.length === 0) { return; }
      out.push('**' + markdownText(label) + '**', '');
      items.forEach(function (item) { out.push('- ' + markdownText(item)); });
      out.push('');
    }
    sheet.questions.forEach(function (q, i) {
      out.push('## ' + (i + 1) + '. ' + markdownText(q.text), '');
      out.push('[#' + markdownText(q.id) + '](' + markdownUrl(q.url) + ')' +
        q.facets.filter(function (f) { return f.values.length > 0; })
          .map(function (f) { return ' · ' + markdownText(f.label) + ': ' + f.values.map(markdownText).join(', '); }).join(''), '');
      if (q.intent) { out.push('**' + markdownText(labels.intent) + '**', '', markdownText(q.intent), ''); }
      list(labels.lookFor, q.lookFor);
      list(labels.redFlags, q.redFlags);
      list(labels.followUps, q.followUps);
      if (q.kpis && q.kpis.length > 0) {
        out.push('**' + markdownText(labels.kpis) + '**: ' +
          q.kpis.map(function (k) { return '[' + markdownText(k.title) + '](' + markdownUrl(k.url) + ')'; }).join(', '), '');
      }
      out.push('**' + markdownText(labels.notes) + '**', '', '', '');
    });
    return out.join('\n').replace(/\n{3,}$/, '\n');
  }

  /** The interview sheet as CSV rows: a header, then one row per question; list values one per line inside the cell. */
  function toCsvRows(sheet) {
    var labels = sheet.labels;
    var facetLabels = sheet.questions.length > 0 ? sheet.questions[0].facets.map(function (f) { return f.label; }) : [];
    var rows = [['ID', labels.question].concat(facetLabels, [labels.intent, labels.lookFor, labels.redFlags, labels.followUps, labels.kpis, 'URL', labels.notes])];
    sheet.questions.forEach(function (q) {
      rows.push([q.id, q.text].concat(
        q.facets.map(function (f) { return f.values.join('\n'); }),
        [q.intent || '', q.lookFor.join('\n'), q.redFlags.join('\n'), q.followUps.join('\n'),
          q.kpis.map(function (k) { return k.title; }).join('\n'), q.url, '']));
    });
    return rows;
  }

  var api = {
    normalize: normalize, terms: terms, matchesTerms: matchesTerms, facetMatches: facetMatches, parseQuery: parseQuery, buildQuery: buildQuery,
    csvField: csvField, toCsv: toCsv, markdownText: markdownText, markdownUrl: markdownUrl, toMarkdown: toMarkdown, toCsvRows: toCsvRows
  };
  global.HubCatalogue = api;

  if (typeof document === 'undefined') { return; }

  // ---- The page ----

  function start() {
    var root = document.querySelector('.catalogue-page[data-catalogue]');
    if (!root) { return; }
    var form = root.querySelector('.catalogue-filters');
    var status = root.querySelector('#catalogue-status');
    var empty = root.querySelector('#catalogue-empty');
    var kitBar = root.querySelector('#catalogue-kit');
    var kitSummary = root.querySelector('#catalogue-kit-summary');
    var message = root.querySelector('#catalogue-kit-message');
    var textInput = form.querySelector('input[name="q"]');
    var panel = form.querySelector('.filters-panel');
    var activeCount = form.querySelector('.filters-active');
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-facet]'));
    var facetNames = fieldsets.map(function (f) { return f.getAttribute('data-facet'); });
    var allValues = Object.create(null);
    fieldsets.forEach(function (f) { allValues[f.getAttribute('data-facet')] = f.getAttribute('data-all-value'); });
    var groups = Array.prototype.slice.call(root.querySelectorAll('.question-group'));
    var questions = Array.prototype.slice.call(root.querySelectorAll('li.question[id]')).map(readQuestion);
    var byId = Object.create(null);
    questions.forEach(function (q) { byId[q.id] = q; });
    var kit = [];
    // "Show only the kit" is a view of the moment, not part of the link.
    var kitOnly = false;

    function readQuestion(li) {
      var facets = Object.create(null);
      facetNames.forEach(function (name) { facets[name] = []; });
      li.querySelectorAll('.facet-chip[data-facet]').forEach(function (chip) {
        var name = chip.getAttribute('data-facet');
        if (facets[name]) { facets[name].push(chip.getAttribute('data-value')); }
      });
      var text = li.querySelector('.question-text');
      var intent = li.querySelector('.intent');
      return {
        id: li.id, li: li, facets: facets,
        haystack: normalize([text ? text.textContent : '', intent ? intent.textContent : '', li.getAttribute('data-tags') || ''].join('\n')),
        check: li.querySelector('.kit-check')
      };
    }

    function formState() {
      var state = { facets: Object.create(null), q: textInput.value, kit: kit.slice() };
      fieldsets.forEach(function (fs) {
        var name = fs.getAttribute('data-facet');
        state.facets[name] = Array.prototype.slice.call(fs.querySelectorAll('input[type="checkbox"]:checked'))
          .map(function (input) { return input.value; });
      });
      return state;
    }

    function setForm(state) {
      textInput.value = state.q;
      fieldsets.forEach(function (fs) {
        var selected = state.facets[fs.getAttribute('data-facet')] || [];
        fs.querySelectorAll('input[type="checkbox"]').forEach(function (input) { input.checked = selected.indexOf(input.value) >= 0; });
      });
    }

    /** Whether q passes every facet but `except` (values of one facet are alternatives) and the text filter. */
    function passes(q, state, words, except) {
      for (var i = 0; i < facetNames.length; i++) {
        var name = facetNames[i];
        var wanted = state.facets[name];
        if (name === except || wanted.length === 0) { continue; }
        if (!facetMatches(q.facets[name], wanted, allValues[name])) { return false; }
      }
      return matchesTerms(q.haystack, words);
    }

    function fill(template, values) {
      return String(template || '').replace(/\{(\w+)\}/g, function (m, key) {
        return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
      });
    }

    function apply() {
      var state = formState();
      var words = terms(state.q);
      var shown = 0;
      var onlyKit = kitOnly && kit.length > 0;
      questions.forEach(function (q) {
        q.visible = onlyKit ? kit.indexOf(q.id) >= 0 : passes(q, state, words, null);
        q.li.hidden = !q.visible;
        if (q.visible) { shown++; }
      });
      groups.forEach(function (g) {
        var visible = g.querySelectorAll('li.question:not([hidden])').length;
        g.hidden = visible === 0;
        var count = g.querySelector('h2 .count');
        if (count) { count.textContent = String(visible); }
      });
      fieldsets.forEach(function (fs) {
        var name = fs.getAttribute('data-facet');
        fs.querySelectorAll('input[type="checkbox"]').forEach(function (input) {
          var n = questions.filter(function (q) { return facetMatches(q.facets[name], [input.value], allValues[name]) && passes(q, state, words, name); }).length;
          var label = input.closest('label');
          var count = label.querySelector('.filter-count');
          if (count) { count.textContent = String(n); }
          label.classList.toggle('is-empty', n === 0 && !input.checked);
        });
      });
      var active = facetNames.reduce(function (n, name) { return n + state.facets[name].length; }, words.length > 0 ? 1 : 0);
      activeCount.textContent = active === 0 ? '' : fill(activeCount.getAttribute('data-template'), { count: active });
      empty.hidden = shown > 0;
      var text = onlyKit ? fill(status.getAttribute('data-kit'), { count: shown })
        : shown === 0 ? status.getAttribute('data-none')
        : fill(shown === questions.length ? status.getAttribute('data-all') : status.getAttribute('data-some'), { shown: shown, total: questions.length });
      if (status.textContent !== text) { status.textContent = text; }
      renderKit();
    }

    function renderKit() {
      var shown = questions.filter(function (q) { return q.visible; }).length;
      kitSummary.textContent = kit.length === 0 ? fill(kitBar.getAttribute('data-empty'), { shown: shown })
        : fill(kitBar.getAttribute('data-count'), { count: kit.length });
      root.classList.toggle('has-kit', kit.length > 0);
      questions.forEach(function (q) {
        var inKit = kit.indexOf(q.id) >= 0;
        q.li.classList.toggle('in-kit', inKit);
        if (q.check) { q.check.checked = inKit; }
      });
      kitBar.querySelector('[data-action="clear"]').disabled = kit.length === 0;
      var only = kitBar.querySelector('[data-action="kit-only"]');
      only.disabled = kit.length === 0;
      only.setAttribute('aria-pressed', String(kitOnly && kit.length > 0));
    }

    // Query keys that are not the page's own (a campaign tag, say) are kept as they were.
    function foreignQuery() {
      return location.search.replace(/^\?/, '').split('&').filter(function (pair) {
        var key = decode(pair.split('=')[0]);
        return pair !== '' && key !== 'q' && key !== 'kit' && facetNames.indexOf(key) < 0;
      });
    }

    function saveUrl() {
      var query = buildQuery(formState(), facetNames);
      var foreign = foreignQuery();
      if (foreign.length > 0) { query += (query === '' ? '?' : '&') + foreign.join('&'); }
      var url = location.pathname + query + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, '', url);
      }
    }

    function setKit(ids) {
      // Kept in page order, so the sheet reads like the catalogue.
      kit = questions.filter(function (q) { return ids.indexOf(q.id) >= 0; }).map(function (q) { return q.id; });
    }

    function say(text) {
      message.textContent = '';
      window.setTimeout(function () { message.textContent = text; }, 50);
    }

    // Sheet data, read back from the page so the export matches what is shown.
    function sheet() {
      var targets = kit.length > 0 ? kit.map(function (id) { return byId[id]; }) : questions.filter(function (q) { return q.visible; });
      var base = location.origin + location.pathname;
      var label = function (name) { return kitBar.getAttribute('data-label-' + name) || name; };
      return {
        title: root.getAttribute('data-title'),
        url: base,
        labels: {
          question: label('question'), intent: label('intent'), lookFor: label('look-for'), redFlags: label('red-flags'),
          followUps: label('follow-ups'), kpis: label('kpis'), notes: label('notes')
        },
        questions: targets.map(function (q) {
          var li = q.li;
          var texts = function (selector) {
            return Array.prototype.slice.call(li.querySelectorAll(selector)).map(function (el) { return el.textContent.trim(); });
          };
          var intent = li.querySelector('.intent');
          return {
            id: q.id,
            url: base + '#' + encodeURIComponent(q.id),
            text: li.querySelector('.question-text').textContent.trim(),
            facets: fieldsets.map(function (fs) {
              var name = fs.getAttribute('data-facet');
              return {
                label: fs.querySelector('legend').textContent.trim(),
                values: Array.prototype.slice.call(li.querySelectorAll('.facet-chip[data-facet]'))
                  .filter(function (chip) { return chip.getAttribute('data-facet') === name; })
                  .map(function (chip) { return chip.textContent.trim(); })
              };
            }),
            intent: intent ? intent.textContent.trim() : '',
            lookFor: texts('.look-for > li'),
            redFlags: texts('.red-flags > li'),
            followUps: texts('.follow-ups > li'),
            kpis: Array.prototype.slice.call(li.querySelectorAll('.question-kpis a')).map(function (a) {
              return { title: a.textContent.trim(), url: a.href };
            })
          };
        })
      };
    }

    function copyText(text) {
      function fallback() {
        var area = document.createElement('textarea');
        area.className = 'clipboard-buffer';
        area.setAttribute('readonly', '');
        area.setAttribute('aria-hidden', 'true');
        area.value = text;
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        document.body.removeChild(area);
        return ok;
      }
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallback(); });
      }
      return Promise.resolve(fallback());
    }

    function download(text, name, type) {
      var blob = new Blob([text], { type: type });
      var url = URL.createObjectURL(blob);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(fill(kitBar.getAttribute('data-downloaded'), { file: name }));
    }

    function copied(ok) {
      say(ok ? kitBar.getAttribute('data-copied') : kitBar.getAttribute('data-copy-failed'));
    }

    var slug = root.getAttribute('data-catalogue') || 'catalogue';
    var actions = {
      'print': function () { window.print(); },
      'copy-markdown': function () { copyText(toMarkdown(sheet())).then(copied); },
      'download-markdown': function () { download(toMarkdown(sheet()), slug + '.md', 'text/markdown;charset=utf-8'); },
      'copy-csv': function () { copyText(toCsv(toCsvRows(sheet()))).then(copied); },
      // The byte order mark lets spreadsheet programs read Japanese and Korean as UTF-8.
      'download-csv': function () { download('\ufeff' + toCsv(toCsvRows(sheet())), slug + '.csv', 'text/csv;charset=utf-8'); },
      'add-shown': function () {
        setKit(kit.concat(questions.filter(function (q) { return q.visible; }).map(function (q) { return q.id; })));
        renderKit(); saveUrl(); say(kitSummary.textContent);
      },
      'kit-only': function () {
        kitOnly = !kitOnly && kit.length > 0;
        apply();
      },
      'clear': function () {
        setKit([]); kitOnly = false; apply(); saveUrl(); say(kitBar.getAttribute('data-cleared'));
      }
    };

    // Print the whole block of each printed question, then give the reader back the page as it was.
    var opened = [];
    window.addEventListener('beforeprint', function () {
      opened = Array.prototype.slice.call(root.querySelectorAll('.question-details:not([open])'));
      opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener('afterprint', function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });

    // Wire up: controls that need script appear only now.
    kitBar.hidden = false;
    root.querySelectorAll('.copy-link, .kit-toggle').forEach(function (el) { el.hidden = false; });
    var applyButton = form.querySelector('.filter-apply');
    if (applyButton) { applyButton.hidden = true; }

    var initial = parseQuery(location.search, facetNames);
    setForm(initial);
    setKit(initial.kit);
    apply();
    saveUrl();
    // On a phone the filters fold away unless the link brought some, so the questions come first.
    if (panel && window.matchMedia && window.matchMedia('(max-width: 59.99rem)').matches && activeCount.textContent === '') {
      panel.open = false;
    }
    if (location.hash.length > 1) {
      var target = document.getElementById(decode(location.hash.slice(1)));
      if (target) { target.scrollIntoView(); }
    }

    var timer = 0;
    form.addEventListener('input', function (event) {
      if (event.target !== textInput) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { kitOnly = false; apply(); saveUrl(); }, 200);
    });
    form.addEventListener('change', function (event) {
      if (event.target === textInput) { return; }
      kitOnly = false;
      apply(); saveUrl();
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      apply(); saveUrl();
    });
    form.querySelector('.filter-reset').addEventListener('click', function (event) {
      event.preventDefault();
      setForm({ facets: Object.create(null), q: '' });
      kitOnly = false;
      apply(); saveUrl();
      textInput.focus();
    });
    root.addEventListener('change', function (event) {
      var input = event.target;
      if (!input.classList || !input.classList.contains('kit-check')) { return; }
      var ids = kit.filter(function (id) { return id !== input.value; });
      if (input.checked) { ids.push(input.value); }
      setKit(ids);
      if (kitOnly) { apply(); } else { renderKit(); }
      saveUrl();
      say(kitBar.getAttribute(input.checked ? 'data-added' : 'data-removed') + ' (' + kit.length + ')');
    });
    root.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('button') : null;
      if (!button || !root.contains(button)) { return; }
      if (button.classList.contains('copy-link')) {
        var id = button.getAttribute('data-id');
        copyText(location.origin + location.pathname + '#' + encodeURIComponent(id)).then(function (ok) {
          say(ok ? kitBar.getAttribute('data-link-copied') : kitBar.getAttribute('data-copy-failed'));
          // The announcement sits in the kit bar, far above; the button itself tells sighted readers too.
          var label = button.firstChild;
          if (ok && label && label.nodeType === 3 && !button.classList.contains('is-copied')) {
            var original = label.nodeValue;
            label.nodeValue = kitBar.getAttribute('data-copied');
            button.classList.add('is-copied');
            window.setTimeout(function () { label.nodeValue = original; button.classList.remove('is-copied'); }, 2000);
          }
        });
        return;
      }
      var action = actions[button.getAttribute('data-action')];
      if (action) { action(); }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
