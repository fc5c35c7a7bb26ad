// @ts-check
// The debrief page: scorecard files chosen or dropped are read in the browser (never sent), checked by
// scorecard-state.js, and compared by debrief-state.js. Everything from a file reaches the page as textContent.

import { fill } from './catalogue-state.js';
import { parseRecord } from './scorecard-state.js';
import { alreadyLoaded, summarize } from './debrief-state.js';
import { pointText } from './scorecard-export.js';

/** @typedef {import('./scorecard-state.js').ScorecardRecord} ScorecardRecord */

/**
 * @param {string} tag
 * @param {string} text
 * @param {string} [className]
 * @returns {HTMLElement}
 */
function element(tag, text, className) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) { el.className = className; }
  return el;
}

/**
 * @template {Element} T
 * @param {ParentNode} parent
 * @param {string} selector
 * @returns {T}
 */
function required(parent, selector) {
  const found = parent.querySelector(selector);
  if (!found) { throw new Error('debrief page without ' + selector); }
  return /** @type {T} */ (found);
}

/** @param {HTMLElement} root */
function start(root) {
  const catalogue = root.getAttribute('data-catalogue') ?? '';
  const points = Number(root.getAttribute('data-points') ?? '4');
  const attributes = Array.from(root.querySelectorAll('.debrief-attributes [data-attribute]'))
    .map((li) => ({ id: li.getAttribute('data-attribute') ?? '', label: (li.textContent ?? '').trim() }));
  const input = /** @type {HTMLInputElement} */ (required(root, '#debrief-files'));
  const drop = /** @type {HTMLElement} */ (required(root, '#debrief-drop'));
  const clear = /** @type {HTMLButtonElement} */ (required(root, '#debrief-clear'));
  const status = required(root, '#debrief-status');
  const errors = required(root, '#debrief-errors');
  const result = /** @type {HTMLElement} */ (required(root, '#debrief-result'));
  /** @type {ScorecardRecord[]} */
  let records = [];
  /** @param {string} name */
  const attr = (name) => root.getAttribute('data-' + name) ?? '';
  const labels = { notRated: attr('not-rated'), noDecision: attr('no-decision') };
  /** @param {ScorecardRecord} r */
  const who = (r) => r.interviewer.trim() || '—';

  function render() {
    result.hidden = records.length === 0;
    clear.hidden = records.length === 0;
    const summary = summarize(records, attributes, points);
    const table = /** @type {HTMLTableElement} */ (required(root, '#debrief-ratings'));
    const headRow = required(table, 'thead tr');
    while (headRow.children.length > 1) { headRow.removeChild(/** @type {Element} */ (headRow.lastElementChild)); }
    for (const r of records) {
      const th = element('th', who(r));
      th.setAttribute('scope', 'col');
      headRow.appendChild(th);
    }
    const spreadHead = element('th', attr('spread'));
    spreadHead.setAttribute('scope', 'col');
    headRow.appendChild(spreadHead);
    const body = required(table, 'tbody');
    body.replaceChildren();
    for (const a of summary.attributes) {
      const tr = document.createElement('tr');
      tr.setAttribute('data-attribute', a.id);
      if (a.disagreement) { tr.classList.add('is-disagreement'); }
      const th = element('th', a.label);
      th.setAttribute('scope', 'row');
      tr.appendChild(th);
      a.ratings.forEach((rating, i) => { tr.appendChild(element('td', pointText(records[i], rating, labels), 'debrief-rating')); });
      const spread = element('td', a.spread === null ? '—' : String(a.spread), 'debrief-spread');
      if (a.disagreement) { spread.appendChild(element('span', ' ' + attr('disagreement'), 'debrief-disagreement')); }
      tr.appendChild(spread);
      body.appendChild(tr);
    }
    const gaps = required(root, '#debrief-gaps');
    gaps.replaceChildren();
    const missing = summary.attributes.filter((a) => summary.gaps.includes(a.id));
    if (missing.length === 0) { gaps.appendChild(element('li', gaps.getAttribute('data-none') ?? '')); }
    for (const a of missing) {
      const li = element('li', a.label);
      li.setAttribute('data-attribute', a.id);
      gaps.appendChild(li);
    }
    const recs = required(root, '#debrief-recommendations tbody');
    recs.replaceChildren();
    for (const r of records) {
      const tr = document.createElement('tr');
      tr.append(element('td', who(r)), element('td', r.candidate.trim() || attr('no-candidate')), element('td', pointText(r, r.recommendation, labels)), element('td', r.probe, 'debrief-text'));
      recs.appendChild(tr);
    }
    const notes = required(root, '#debrief-notes');
    notes.replaceChildren();
    /** @type {Map<string, { text: string, entries: { who: string, notes: string }[] }>} */
    const byQuestion = new Map();
    for (const r of records) {
      for (const q of r.questions) {
        const entry = byQuestion.get(q.id) ?? { text: q.text, entries: [] };
        if (q.notes.trim() !== '') { entry.entries.push({ who: who(r), notes: q.notes }); }
        byQuestion.set(q.id, entry);
      }
    }
    for (const [id, q] of byQuestion) {
      const section = document.createElement('section');
      section.className = 'debrief-question';
      section.setAttribute('data-question', id);
      section.appendChild(element('h3', q.text));
      const dl = document.createElement('dl');
      for (const e of q.entries) { dl.append(element('dt', e.who), element('dd', e.notes, 'debrief-text')); }
      section.appendChild(dl);
      notes.appendChild(section);
    }
  }

  /** @param {FileList | File[]} files */
  async function load(files) {
    errors.replaceChildren();
    for (const file of Array.from(files)) {
      const parsed = parseRecord(await file.text(), catalogue);
      if (!parsed.ok) {
        errors.appendChild(element('li', fill(attr('error-' + parsed.error), { file: file.name, found: parsed.found ?? '' })));
        continue;
      }
      if (!alreadyLoaded(records, parsed.record)) { records.push(parsed.record); }
    }
    render();
    status.textContent = fill(attr('loaded'), { count: records.length });
  }

  input.addEventListener('change', () => {
    if (input.files) { load(input.files).then(() => { input.value = ''; }); }
  });
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('is-over'); });
  drop.addEventListener('dragleave', () => { drop.classList.remove('is-over'); });
  drop.addEventListener('drop', (/** @type {DragEvent} */ event) => {
    event.preventDefault();
    drop.classList.remove('is-over');
    if (event.dataTransfer) { load(event.dataTransfer.files); }
  });
  clear.addEventListener('click', () => {
    records = [];
    errors.replaceChildren();
    render();
    status.textContent = '';
    input.focus();
  });
}

const root = /** @type {HTMLElement | null} */ (document.querySelector('.debrief-page[data-catalogue]'));
if (root) { start(root); }
