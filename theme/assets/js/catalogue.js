// @ts-check
// Question catalogues, the page: live filters kept in the URL, copy-link buttons, and the interview kit (print,
// Markdown, CSV). A thin DOM layer over catalogue-state.js (filtering), catalogue-url.js (the address) and
// catalogue-export.js (the files). Builds DOM with textContent only; never parses catalogue text as HTML.

import { activeFilters, emptyState, fill, kitInPageOrder, matchRanges, normalize, passes, terms, valueCount } from './catalogue-state.js';
import { decode, parseQuery, queryFor } from './catalogue-url.js';
import { toCsv, toCsvRows, toMarkdown } from './catalogue-export.js';
import { saveFile } from './download.js';

/** @typedef {import('./catalogue-state.js').FilterState} FilterState */
/** @typedef {import('./catalogue-export.js').Sheet} Sheet */

/**
 * A question on the page: its facts for the filters, its list item, and whether it is shown.
 * @typedef {import('./catalogue-state.js').QuestionFacts & { li: HTMLElement, check: HTMLInputElement | null, visible: boolean }} Question
 */

/**
 * The catalogue page: its elements, read once, and the kit (the part of the state that is not in the form).
 * @typedef {object} Page
 * @property {HTMLElement} root
 * @property {HTMLFormElement} form
 * @property {HTMLElement} status
 * @property {HTMLElement} empty
 * @property {HTMLElement} kitBar
 * @property {HTMLElement} kitSummary
 * @property {HTMLElement} message
 * @property {HTMLInputElement} textInput
 * @property {HTMLDetailsElement | null} panel
 * @property {HTMLElement} activeCount
 * @property {HTMLFieldSetElement[]} fieldsets
 * @property {string[]} facetNames
 * @property {Record<string, string | null>} allValues
 * @property {HTMLElement[]} groups
 * @property {Question[]} questions
 * @property {Record<string, Question>} byId
 * @property {string[]} kit question ids, in page order
 * @property {boolean} kitOnly "show only the kit" is a view of the moment, not part of the link
 */

/**
 * @template {Element} T
 * @param {ParentNode} parent
 * @param {string} selector
 * @returns {T}
 */
function required(parent, selector) {
  const found = parent.querySelector(selector);
  if (!found) { throw new Error('catalogue page without ' + selector); }
  return /** @type {T} */ (found);
}

/**
 * @template {Element} T
 * @param {ParentNode} parent
 * @param {string} selector
 * @returns {T[]}
 */
function all(parent, selector) {
  return /** @type {T[]} */ (Array.from(parent.querySelectorAll(selector)));
}

/**
 * @param {Element | null} element
 * @returns {string}
 */
function text(element) {
  if (!element || !element.textContent) {
    return '';
  }
  // A glossary term's definition sits inside the text it explains (for its popover): it is not part of the text.
  if (!element.querySelector('.term-def')) {
    return element.textContent.trim();
  }
  const copy = /** @type {Element} */ (element.cloneNode(true));
  copy.querySelectorAll('.term-def').forEach((d) => d.remove());
  return (copy.textContent || '').trim();
}

/**
 * Reads the page once.
 * @param {HTMLElement} root
 * @returns {Page}
 */
function readPage(root) {
  const form = /** @type {HTMLFormElement} */ (required(root, '.catalogue-filters'));
  const fieldsets = /** @type {HTMLFieldSetElement[]} */ (all(form, 'fieldset[data-facet]'));
  const facetNames = fieldsets.map((f) => f.getAttribute('data-facet') ?? '');
  /** @type {Record<string, string | null>} */
  const allValues = Object.create(null);
  for (const f of fieldsets) { allValues[f.getAttribute('data-facet') ?? ''] = f.getAttribute('data-all-value'); }
  const questions = /** @type {HTMLElement[]} */ (all(root, 'li.question[id]')).map((li) => readQuestion(li, facetNames));
  /** @type {Record<string, Question>} */
  const byId = Object.create(null);
  for (const q of questions) { byId[q.id] = q; }
  return {
    root,
    form,
    status: required(root, '#catalogue-status'),
    empty: required(root, '#catalogue-empty'),
    kitBar: required(root, '#catalogue-kit'),
    kitSummary: required(root, '#catalogue-kit-summary'),
    message: required(root, '#catalogue-kit-message'),
    textInput: required(form, 'input[name="q"]'),
    panel: form.querySelector('.filters-panel'),
    activeCount: required(form, '.filters-active'),
    fieldsets,
    facetNames,
    allValues,
    groups: all(root, '.question-group'),
    questions,
    byId,
    kit: [],
    kitOnly: false
  };
}

/**
 * @param {HTMLElement} li
 * @param {string[]} facetNames
 * @returns {Question}
 */
function readQuestion(li, facetNames) {
  /** @type {Record<string, string[]>} */
  const facets = Object.create(null);
  for (const name of facetNames) { facets[name] = []; }
  for (const chip of all(li, '.facet-chip[data-facet]')) {
    const values = facets[chip.getAttribute('data-facet') ?? ''];
    if (values) { values.push(chip.getAttribute('data-value') ?? ''); }
  }
  return {
    id: li.id,
    li,
    facets,
    // Every field of the question: its text, the details (intent, look-fors, red flags, follow-ups), tags and the KPIs
    // it names (title and abbreviation: "NRR" finds the questions about net revenue retention).
    haystack: normalize([text(li.querySelector('.question-text')), ...all(li, '.question-details .intent, .question-details li').map(text), li.getAttribute('data-tags') || '',
      ...all(li, '.question-kpis a').map((a) => text(a) + ' ' + (a.getAttribute('data-abbr') || ''))].join('\n')),
    check: li.querySelector('.kit-check'),
    visible: true
  };
}

/**
 * Marks where the text filter's words occur in a question (<mark class="filter-match">), replacing earlier marks; a
 * match in the folded details opens them (and they close again once the filter no longer matches there), a KPI named by
 * its abbreviation is marked as a whole.
 * @param {HTMLElement} li
 * @param {string[]} words
 */
function markMatches(li, words) {
  for (const mark of all(li, 'mark.filter-match')) {
    const parent = mark.parentNode;
    if (parent) {
      parent.replaceChild(document.createTextNode(mark.textContent || ''), mark);
      parent.normalize();
    }
  }
  for (const link of all(li, '.question-kpis a.filter-match-kpi')) { link.classList.remove('filter-match-kpi'); }
  const details = /** @type {HTMLDetailsElement | null} */ (li.querySelector('details.question-details'));
  let inDetails = false;
  if (words.length > 0) {
    for (const element of all(li, '.question-text, .question-details .intent, .question-details li, .question-kpis a')) {
      for (const node of Array.from(element.childNodes)) {
        if (node.nodeType !== Node.TEXT_NODE || !node.nodeValue) { continue; }
        const ranges = matchRanges(node.nodeValue, words);
        if (ranges.length === 0) { continue; }
        wrapRanges(/** @type {Text} */ (node), ranges);
        inDetails = inDetails || (details !== null && details.contains(element));
      }
    }
    for (const link of all(li, '.question-kpis a[data-abbr]')) {
      const abbr = normalize(link.getAttribute('data-abbr'));
      if (!link.querySelector('mark.filter-match') && words.some((w) => abbr.includes(w))) { link.classList.add('filter-match-kpi'); }
    }
  }
  if (details) {
    if (inDetails && !details.open) {
      details.open = true;
      details.setAttribute('data-opened-by-filter', '');
    } else if (!inDetails && details.hasAttribute('data-opened-by-filter')) {
      details.open = false;
      details.removeAttribute('data-opened-by-filter');
    }
  }
}

/**
 * @param {Text} node
 * @param {number[][]} ranges sorted, not overlapping
 */
function wrapRanges(node, ranges) {
  const value = node.data;
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) { fragment.appendChild(document.createTextNode(value.slice(at, start))); }
    const mark = document.createElement('mark');
    mark.className = 'filter-match';
    mark.textContent = value.slice(start, end);
    fragment.appendChild(mark);
    at = end;
  }
  if (at < value.length) { fragment.appendChild(document.createTextNode(value.slice(at))); }
  node.replaceWith(fragment);
}

/**
 * The filter state the form shows, with the kit.
 * @param {Page} page
 * @returns {FilterState}
 */
function formState(page) {
  const state = emptyState(page.facetNames);
  state.q = page.textInput.value;
  state.kit = page.kit.slice();
  for (const fs of page.fieldsets) {
    state.facets[fs.getAttribute('data-facet') ?? ''] = /** @type {HTMLInputElement[]} */ (all(fs, 'input[type="checkbox"]:checked')).map((input) => input.value);
  }
  return state;
}

/**
 * @param {Page} page
 * @param {{ facets: Record<string, string[]>, q: string }} state
 */
function setForm(page, state) {
  page.textInput.value = state.q;
  for (const fs of page.fieldsets) {
    const selected = state.facets[fs.getAttribute('data-facet') ?? ''] || [];
    for (const input of /** @type {HTMLInputElement[]} */ (all(fs, 'input[type="checkbox"]'))) { input.checked = selected.includes(input.value); }
  }
}

/**
 * Shows the questions that pass the filters (or the kit alone), with the counts and the status line.
 * @param {Page} page
 */
function apply(page) {
  const state = formState(page);
  const words = terms(state.q);
  const onlyKit = page.kitOnly && page.kit.length > 0;
  let shown = 0;
  for (const q of page.questions) {
    q.visible = onlyKit ? page.kit.includes(q.id) : passes(q, state, words, page.allValues, null);
    q.li.hidden = !q.visible;
    markMatches(q.li, q.visible && !onlyKit ? words : []);
    if (q.visible) { shown++; }
  }
  for (const g of page.groups) {
    const visible = g.querySelectorAll('li.question:not([hidden])').length;
    g.hidden = visible === 0;
    const count = g.querySelector('h2 .count');
    if (count) { count.textContent = String(visible); }
  }
  for (const fs of page.fieldsets) {
    const name = fs.getAttribute('data-facet') ?? '';
    for (const input of /** @type {HTMLInputElement[]} */ (all(fs, 'input[type="checkbox"]'))) {
      const n = valueCount(page.questions, state, words, page.allValues, name, input.value);
      const label = input.closest('label');
      if (!label) { continue; }
      const count = label.querySelector('.filter-count');
      if (count) { count.textContent = String(n); }
      label.classList.toggle('is-empty', n === 0 && !input.checked);
    }
  }
  const active = activeFilters(state, words);
  page.activeCount.textContent = active === 0 ? '' : fill(page.activeCount.getAttribute('data-template'), { count: active });
  page.empty.hidden = shown > 0;
  const status = page.status;
  const total = page.questions.length;
  const line = onlyKit ? fill(status.getAttribute('data-kit'), { count: shown })
    : shown === 0 ? status.getAttribute('data-none') ?? ''
    : fill(shown === total ? status.getAttribute('data-all') : status.getAttribute('data-some'), { shown, total });
  if (status.textContent !== line) { status.textContent = line; }
  renderKit(page);
}

/** @param {Page} page */
function renderKit(page) {
  const { kit, kitBar } = page;
  const shown = page.questions.filter((q) => q.visible).length;
  page.kitSummary.textContent = kit.length === 0 ? fill(kitBar.getAttribute('data-empty'), { shown })
    : fill(kitBar.getAttribute('data-count'), { count: kit.length });
  page.root.classList.toggle('has-kit', kit.length > 0);
  for (const q of page.questions) {
    const inKit = kit.includes(q.id);
    q.li.classList.toggle('in-kit', inKit);
    if (q.check) { q.check.checked = inKit; }
  }
  /** @type {HTMLButtonElement} */ (required(kitBar, '[data-action="clear"]')).disabled = kit.length === 0;
  const only = /** @type {HTMLButtonElement} */ (required(kitBar, '[data-action="kit-only"]'));
  only.disabled = kit.length === 0;
  only.setAttribute('aria-pressed', String(page.kitOnly && kit.length > 0));
}

/**
 * Writes the state into the address (without a history entry), unless it is there already.
 * @param {Page} page
 */
function saveUrl(page) {
  const url = location.pathname + queryFor(formState(page), page.facetNames, location.search) + location.hash;
  if (url !== location.pathname + location.search + location.hash) {
    history.replaceState(history.state, '', url);
  }
}

/**
 * @param {Page} page
 * @param {string[]} ids
 */
function setKit(page, ids) {
  page.kit = kitInPageOrder(page.questions, ids);
}

/**
 * Announces a message in the kit bar's live region (emptied first, so the same message is announced again).
 * @param {Page} page
 * @param {string | null} message
 */
function say(page, message) {
  page.message.textContent = '';
  window.setTimeout(() => { page.message.textContent = message ?? ''; }, 50);
}

/**
 * Sheet data, read back from the page so the export matches what is shown: the kit, or else the shown questions.
 * @param {Page} page
 * @returns {Sheet}
 */
function sheet(page) {
  const targets = page.kit.length > 0 ? page.kit.map((id) => page.byId[id]) : page.questions.filter((q) => q.visible);
  const base = location.origin + location.pathname;
  /** @param {string} name */
  const label = (name) => page.kitBar.getAttribute('data-label-' + name) || name;
  return {
    title: page.root.getAttribute('data-title') ?? '',
    url: base,
    labels: {
      question: label('question'), intent: label('intent'), lookFor: label('look-for'), redFlags: label('red-flags'),
      followUps: label('follow-ups'), kpis: label('kpis'), notes: label('notes')
    },
    questions: targets.map((q) => {
      const li = q.li;
      /** @param {string} selector */
      const texts = (selector) => all(li, selector).map(text);
      return {
        id: q.id,
        url: base + '#' + encodeURIComponent(q.id),
        text: text(li.querySelector('.question-text')),
        facets: page.fieldsets.map((fs) => {
          const name = fs.getAttribute('data-facet');
          return {
            label: text(fs.querySelector('legend')),
            values: all(li, '.facet-chip[data-facet]').filter((chip) => chip.getAttribute('data-facet') === name).map(text)
          };
        }),
        intent: text(li.querySelector('.intent')),
        lookFor: texts('.look-for > li'),
        redFlags: texts('.red-flags > li'),
        followUps: texts('.follow-ups > li'),
        kpis: /** @type {HTMLAnchorElement[]} */ (all(li, '.question-kpis a')).map((a) => ({ title: text(a), url: a.href }))
      };
    })
  };
}

/**
 * Copies text to the clipboard; where the Clipboard API is missing or refused, through a selected text area.
 * @param {string} value
 * @returns {Promise<boolean>} whether it was copied
 */
function copyText(value) {
  function fallback() {
    const area = document.createElement('textarea');
    area.className = 'clipboard-buffer';
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.value = value;
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(value).then(() => true, () => fallback());
  }
  return Promise.resolve(fallback());
}

/**
 * @param {Page} page
 * @param {string} content
 * @param {string} name
 * @param {string} type
 */
function download(page, content, name, type) {
  saveFile(content, name, type);
  say(page, fill(page.kitBar.getAttribute('data-downloaded'), { file: name }));
}

/**
 * The kit bar's buttons, by their data-action.
 * @param {Page} page
 * @returns {Record<string, () => void>}
 */
function actions(page) {
  const slug = page.root.getAttribute('data-catalogue') || 'catalogue';
  /** @param {boolean} ok */
  const copied = (ok) => say(page, page.kitBar.getAttribute(ok ? 'data-copied' : 'data-copy-failed'));
  return {
    'print': () => { window.print(); },
    'copy-markdown': () => { copyText(toMarkdown(sheet(page))).then(copied); },
    'download-markdown': () => { download(page, toMarkdown(sheet(page)), slug + '.md', 'text/markdown;charset=utf-8'); },
    'copy-csv': () => { copyText(toCsv(toCsvRows(sheet(page)))).then(copied); },
    // The byte order mark lets spreadsheet programs read Japanese and Korean as UTF-8.
    'download-csv': () => { download(page, '\ufeff' + toCsv(toCsvRows(sheet(page))), slug + '.csv', 'text/csv;charset=utf-8'); },
    'add-shown': () => {
      setKit(page, page.kit.concat(page.questions.filter((q) => q.visible).map((q) => q.id)));
      renderKit(page); saveUrl(page); say(page, page.kitSummary.textContent);
    },
    'kit-only': () => {
      page.kitOnly = !page.kitOnly && page.kit.length > 0;
      apply(page);
    },
    'clear': () => {
      setKit(page, []); page.kitOnly = false; apply(page); saveUrl(page); say(page, page.kitBar.getAttribute('data-cleared'));
    }
  };
}

/**
 * A copy-link button: copies the question's address, announces it, and says so on the button for a moment.
 * @param {Page} page
 * @param {HTMLButtonElement} button
 */
function copyLink(page, button) {
  const id = button.getAttribute('data-id') ?? '';
  copyText(location.origin + location.pathname + '#' + encodeURIComponent(id)).then((ok) => {
    say(page, page.kitBar.getAttribute(ok ? 'data-link-copied' : 'data-copy-failed'));
    // The announcement sits in the kit bar, far above; the button itself tells sighted readers too.
    const label = button.firstChild;
    if (ok && label && label.nodeType === Node.TEXT_NODE && !button.classList.contains('is-copied')) {
      const original = label.nodeValue;
      label.nodeValue = page.kitBar.getAttribute('data-copied');
      button.classList.add('is-copied');
      window.setTimeout(() => { label.nodeValue = original; button.classList.remove('is-copied'); }, 2000);
    }
  });
}

/**
 * Print the whole block of each printed question, then give the reader back the page as it was.
 * @param {Page} page
 */
function openDetailsForPrint(page) {
  /** @type {HTMLDetailsElement[]} */
  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = /** @type {HTMLDetailsElement[]} */ (all(page.root, '.question-details:not([open])'));
    for (const d of opened) { d.open = true; }
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) { d.open = false; }
    opened = [];
  });
}

/** @param {Page} page */
function listen(page) {
  const { form, root, textInput, kitBar } = page;
  const buttons = actions(page);
  let timer = 0;
  form.addEventListener('input', (event) => {
    if (event.target !== textInput) { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(() => { page.kitOnly = false; apply(page); saveUrl(page); }, 200);
  });
  form.addEventListener('change', (event) => {
    if (event.target === textInput) { return; }
    page.kitOnly = false;
    apply(page); saveUrl(page);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    apply(page); saveUrl(page);
  });
  required(form, '.filter-reset').addEventListener('click', (event) => {
    event.preventDefault();
    setForm(page, { facets: Object.create(null), q: '' });
    page.kitOnly = false;
    apply(page); saveUrl(page);
    textInput.focus();
  });
  root.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains('kit-check')) { return; }
    const ids = page.kit.filter((id) => id !== input.value);
    if (input.checked) { ids.push(input.value); }
    setKit(page, ids);
    if (page.kitOnly) { apply(page); } else { renderKit(page); }
    saveUrl(page);
    say(page, kitBar.getAttribute(input.checked ? 'data-added' : 'data-removed') + ' (' + page.kit.length + ')');
  });
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || !root.contains(button)) { return; }
    if (button.classList.contains('copy-link')) {
      copyLink(page, button);
      return;
    }
    const action = buttons[button.getAttribute('data-action') ?? ''];
    if (action) { action(); }
  });
}

/** @param {HTMLElement} root */
function start(root) {
  const page = readPage(root);
  openDetailsForPrint(page);
  // Controls that need script appear only now.
  page.kitBar.hidden = false;
  for (const el of /** @type {HTMLElement[]} */ (all(root, '.copy-link, .kit-toggle'))) { el.hidden = false; }
  const applyButton = /** @type {HTMLElement | null} */ (page.form.querySelector('.filter-apply'));
  if (applyButton) { applyButton.hidden = true; }

  const initial = parseQuery(location.search, page.facetNames);
  setForm(page, initial);
  setKit(page, initial.kit);
  apply(page);
  saveUrl(page);
  // On a phone the filters fold away unless the link brought some, so the questions come first.
  if (page.panel && typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 59.99rem)').matches && page.activeCount.textContent === '') {
    page.panel.open = false;
  }
  if (location.hash.length > 1) {
    const target = document.getElementById(decode(location.hash.slice(1)));
    if (target) { target.scrollIntoView(); }
  }
  listen(page);
}

// A module script runs once the document is parsed: the catalogue is all there.
const catalogue = /** @type {HTMLElement | null} */ (document.querySelector('.catalogue-page[data-catalogue]'));
if (catalogue) { start(catalogue); }
