// @ts-check
// Interview scorecards, the page: "start interview" turns the kit into a form, every change is saved in this browser's
// localStorage (never sent anywhere), saved scorecards are listed to continue or delete, and a scorecard is exported
// (JSON, Markdown, CSV) or printed filled or blank. A thin DOM layer over scorecard-state.js and scorecard-export.js;
// text from the form or from storage reaches the page through textContent and input values only.

import { fill } from './catalogue-state.js';
import { VERSION, fileName, hasContent, openKey, parseRecord, storageKey, storagePrefix, toJson } from './scorecard-state.js';
import { toCsvFile, toMarkdown } from './scorecard-export.js';
import { saveFile } from './download.js';

/** @typedef {import('./scorecard-state.js').ScorecardRecord} ScorecardRecord */
/** @typedef {import('./scorecard-export.js').ScorecardLabels} ScorecardLabels */

/**
 * @typedef {object} Panel
 * @property {HTMLElement} root the catalogue page
 * @property {HTMLElement} area
 * @property {HTMLFormElement} form
 * @property {HTMLElement} start
 * @property {HTMLElement} saved
 * @property {HTMLElement} message
 * @property {string} catalogue
 * @property {string | null} key where the open scorecard is kept
 * @property {string[]} kit the open scorecard's questions, in order
 */

/**
 * @template {Element} T
 * @param {ParentNode} parent
 * @param {string} selector
 * @returns {T}
 */
function required(parent, selector) {
  const found = parent.querySelector(selector);
  if (!found) { throw new Error('scorecard without ' + selector); }
  return /** @type {T} */ (found);
}

/**
 * Local storage, or null where the browser refuses it (private modes, disabled storage).
 * @returns {Storage | null}
 */
function storage() {
  try { return window.localStorage; } catch { return null; }
}

/**
 * @param {Panel} panel
 * @param {string} name
 * @returns {string}
 */
function label(panel, name) {
  return panel.area.getAttribute('data-label-' + name) ?? name;
}

/**
 * @param {Panel} panel
 * @returns {ScorecardLabels}
 */
function labels(panel) {
  return {
    candidate: label(panel, 'candidate'), interviewer: label(panel, 'interviewer'), date: label(panel, 'date'), question: label(panel, 'question'),
    informs: label(panel, 'informs'), notes: label(panel, 'notes'), attribute: label(panel, 'attribute'), rating: label(panel, 'rating'),
    notRated: label(panel, 'not-rated'), recommendation: label(panel, 'recommendation'), noDecision: label(panel, 'no-decision'),
    probe: label(panel, 'probe'), ratings: label(panel, 'ratings'), questions: label(panel, 'questions')
  };
}

/**
 * @param {Panel} panel
 * @param {string} name
 * @returns {HTMLInputElement | HTMLTextAreaElement}
 */
function field(panel, name) {
  return required(panel.form, '[name="' + CSS.escape(name) + '"]');
}

/**
 * The checked point of a radio group, as a number, 'none', or null.
 * @param {Panel} panel
 * @param {string} name
 * @returns {number | 'none' | null}
 */
function checked(panel, name) {
  const input = /** @type {HTMLInputElement | null} */ (panel.form.querySelector('input[type="radio"][name="' + CSS.escape(name) + '"]:checked'));
  if (!input) { return null; }
  return input.value === 'none' ? 'none' : Number(input.value);
}

/**
 * The record the form shows.
 * @param {Panel} panel
 * @returns {ScorecardRecord}
 */
function readForm(panel) {
  const form = panel.form;
  const scale = /** @type {HTMLInputElement[]} */ (Array.from(form.querySelectorAll('.scorecard-recommendation input[data-label]')))
    .map((input) => ({ value: Number(input.value), label: input.getAttribute('data-label') ?? '' }));
  const attributes = Array.from(form.querySelectorAll('fieldset.scorecard-attribute[data-attribute]')).map((fs) => {
    const id = fs.getAttribute('data-attribute') ?? '';
    const rating = checked(panel, id);
    return { id, label: fs.getAttribute('data-label') ?? id, rating: rating === 'none' ? null : rating };
  });
  const questions = panel.kit.map((id) => {
    const li = required(form, '.scorecard-question[data-question="' + CSS.escape(id) + '"]');
    return {
      id,
      text: (li.querySelector('.scorecard-question-text')?.textContent ?? '').trim(),
      attributes: (li.getAttribute('data-attributes') ?? '').split(' ').filter((a) => a !== ''),
      notes: field(panel, 'note:' + id).value
    };
  });
  return {
    format: 'hub-scorecard', version: VERSION, catalogue: panel.catalogue, lang: form.getAttribute('data-lang') ?? '',
    title: form.getAttribute('data-title') ?? '',
    candidate: field(panel, 'candidate').value, interviewer: field(panel, 'interviewer').value, date: field(panel, 'date').value,
    scale, attributes, questions, recommendation: checked(panel, 'recommendation'), probe: field(panel, 'probe').value,
    saved: new Date().toISOString()
  };
}

/**
 * Fills the form with a record and shows its questions in its order.
 * @param {Panel} panel
 * @param {ScorecardRecord} record
 */
function showRecord(panel, record) {
  const form = panel.form;
  form.reset();
  const list = required(form, '.scorecard-questions');
  for (const li of /** @type {HTMLElement[]} */ (Array.from(list.querySelectorAll('.scorecard-question')))) { li.hidden = true; }
  panel.kit = [];
  for (const q of record.questions) {
    const li = /** @type {HTMLElement | null} */ (list.querySelector('.scorecard-question[data-question="' + CSS.escape(q.id) + '"]'));
    if (!li) { continue; }
    li.hidden = false;
    list.appendChild(li);
    panel.kit.push(q.id);
    field(panel, 'note:' + q.id).value = q.notes;
  }
  field(panel, 'candidate').value = record.candidate;
  field(panel, 'interviewer').value = record.interviewer;
  field(panel, 'date').value = record.date;
  field(panel, 'probe').value = record.probe;
  /** @param {string} name @param {number | 'none' | null} value */
  const check = (name, value) => {
    if (value === null) { return; }
    const input = /** @type {HTMLInputElement | null} */ (form.querySelector('input[type="radio"][name="' + CSS.escape(name) + '"][value="' + CSS.escape(String(value)) + '"]'));
    if (input) { input.checked = true; }
  };
  for (const a of record.attributes) { check(a.id, a.rating); }
  check('recommendation', record.recommendation);
}

/**
 * Saves the form under its catalogue, kit and candidate; a changed candidate moves the entry.
 * @param {Panel} panel
 */
function save(panel) {
  const store = storage();
  const record = readForm(panel);
  const key = storageKey(record);
  if (!store) { panel.key = key; return; }
  try {
    if (panel.key && panel.key !== key) { store.removeItem(panel.key); }
    store.setItem(key, toJson(record));
    store.setItem(openKey(panel.catalogue), key);
  } catch {
    // A full or refused storage keeps the form as it is; the exports still work.
  }
  panel.key = key;
}

/**
 * Every scorecard of this catalogue saved in this browser, newest first.
 * @param {Panel} panel
 * @returns {{ key: string, record: ScorecardRecord }[]}
 */
function savedRecords(panel) {
  const store = storage();
  if (!store) { return []; }
  const prefix = storagePrefix(panel.catalogue);
  /** @type {{ key: string, record: ScorecardRecord }[]} */
  const found = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key === null || !key.startsWith(prefix)) { continue; }
    const parsed = parseRecord(store.getItem(key) ?? '', panel.catalogue);
    if (parsed.ok) { found.push({ key, record: parsed.record }); }
  }
  return found.sort((a, b) => (a.record.saved < b.record.saved ? 1 : a.record.saved > b.record.saved ? -1 : a.key < b.key ? -1 : 1));
}

/**
 * The "continue" list.
 * @param {Panel} panel
 */
function renderSaved(panel) {
  const list = required(panel.saved, '.scorecard-saved-list');
  list.replaceChildren();
  const entries = savedRecords(panel);
  panel.saved.hidden = entries.length === 0;
  for (const { key, record } of entries) {
    const name = record.candidate.trim() || (panel.area.getAttribute('data-no-candidate') ?? '');
    const li = document.createElement('li');
    li.className = 'scorecard-saved-item';
    li.setAttribute('data-key', key);
    const text = document.createElement('span');
    text.className = 'scorecard-saved-name';
    text.textContent = fill(panel.area.getAttribute('data-saved-item'), { name, count: record.questions.length, date: record.date });
    const go = document.createElement('button');
    go.type = 'button';
    go.setAttribute('data-scorecard', 'continue');
    go.textContent = panel.area.getAttribute('data-continue') ?? '';
    go.setAttribute('aria-label', go.textContent + ': ' + name);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.setAttribute('data-scorecard', 'remove');
    remove.textContent = panel.area.getAttribute('data-delete') ?? '';
    remove.setAttribute('aria-label', remove.textContent + ': ' + name);
    li.append(text, ' ', go, ' ', remove);
    list.appendChild(li);
  }
}

/**
 * Opens the form on a record.
 * @param {Panel} panel
 * @param {ScorecardRecord} record
 * @param {string | null} key
 */
function open(panel, record, key) {
  showRecord(panel, record);
  panel.key = key;
  panel.form.hidden = false;
  panel.start.hidden = true;
  panel.root.classList.add('is-interviewing');
  save(panel);
}

/**
 * @param {Panel} panel
 * @param {boolean} keep whether the open scorecard stays saved
 */
function close(panel, keep) {
  const store = storage();
  if (store) {
    const record = readForm(panel);
    if (panel.key && (!keep || !hasContent(record))) { store.removeItem(panel.key); }
    store.removeItem(openKey(panel.catalogue));
  }
  panel.key = null;
  panel.kit = [];
  panel.form.hidden = true;
  panel.start.hidden = false;
  panel.root.classList.remove('is-interviewing');
  renderSaved(panel);
}

/**
 * A new scorecard on the kit (or the questions shown), dated today.
 * @param {Panel} panel
 */
function startNew(panel) {
  const inKit = Array.from(panel.root.querySelectorAll('li.question.in-kit[id]')).map((li) => li.id);
  const ids = inKit.length > 0 ? inKit : Array.from(panel.root.querySelectorAll('li.question[id]:not([hidden])')).map((li) => li.id);
  const now = new Date();
  const today = [now.getFullYear(), String(now.getMonth() + 1).padStart(2, '0'), String(now.getDate()).padStart(2, '0')].join('-');
  const empty = readForm({ ...panel, kit: [] });
  open(panel, {
    ...empty, candidate: '', interviewer: '', date: today, probe: '', recommendation: null,
    attributes: empty.attributes.map((a) => ({ ...a, rating: null })),
    questions: ids.map((id) => ({ id, text: '', attributes: [], notes: '' }))
  }, null);
  field(panel, 'candidate').focus();
}

/**
 * @param {Panel} panel
 * @param {string | null} text
 */
function say(panel, text) {
  panel.message.textContent = '';
  window.setTimeout(() => { panel.message.textContent = text ?? ''; }, 50);
}

/**
 * @param {Panel} panel
 * @param {string} content
 * @param {string} name
 * @param {string} type
 */
function download(panel, content, name, type) {
  saveFile(content, name, type);
  say(panel, fill(panel.area.getAttribute('data-downloaded'), { file: name }));
}

/**
 * @param {Panel} panel
 * @param {boolean} blank
 */
function print(panel, blank) {
  panel.form.classList.toggle('is-blank', blank);
  window.addEventListener('afterprint', () => { panel.form.classList.remove('is-blank'); }, { once: true });
  window.print();
}

/** @param {Panel} panel */
function focusStart(panel) {
  /** @type {HTMLButtonElement} */ (required(panel.start, 'button[data-scorecard="start"]')).focus();
}

/** @param {Panel} panel */
function listen(panel) {
  panel.form.addEventListener('input', () => { save(panel); });
  panel.form.addEventListener('change', () => { save(panel); });
  panel.form.addEventListener('submit', (event) => { event.preventDefault(); save(panel); });
  panel.area.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-scorecard]') : null;
    if (!button) { return; }
    const action = button.getAttribute('data-scorecard');
    const record = () => readForm(panel);
    if (action === 'start') { startNew(panel); return; }
    if (action === 'continue' || action === 'remove') {
      const key = button.closest('[data-key]')?.getAttribute('data-key') ?? '';
      const store = storage();
      const parsed = parseRecord(store?.getItem(key) ?? '', panel.catalogue);
      if (action === 'remove') {
        store?.removeItem(key);
        renderSaved(panel);
        say(panel, panel.area.getAttribute('data-deleted'));
        focusStart(panel);
      } else if (parsed.ok) {
        open(panel, parsed.record, key);
        field(panel, 'candidate').focus();
      }
      return;
    }
    if (action === 'export-json') { download(panel, toJson(record()), fileName(record(), 'json'), 'application/json'); }
    if (action === 'export-markdown') { download(panel, toMarkdown(record(), labels(panel)), fileName(record(), 'md'), 'text/markdown;charset=utf-8'); }
    if (action === 'export-csv') { download(panel, toCsvFile(record(), labels(panel)), fileName(record(), 'csv'), 'text/csv;charset=utf-8'); }
    if (action === 'print-filled') { print(panel, false); }
    if (action === 'print-blank') { print(panel, true); }
    if (action === 'delete') { close(panel, false); say(panel, panel.area.getAttribute('data-deleted')); focusStart(panel); }
    if (action === 'close') { close(panel, true); focusStart(panel); }
  });
}

/**
 * @param {HTMLElement} root
 * @param {HTMLElement} area
 */
function start(root, area) {
  const form = /** @type {HTMLFormElement} */ (required(area, 'form.scorecard'));
  /** @type {Panel} */
  const panel = {
    root, area, form,
    start: required(area, '.scorecard-start'),
    saved: required(area, '.scorecard-saved'),
    message: required(area, '.scorecard-message'),
    catalogue: form.getAttribute('data-catalogue') ?? '',
    key: null,
    kit: []
  };
  area.hidden = false;
  listen(panel);
  // A reload (or a closed tab opened again) comes back to the scorecard that was open.
  const store = storage();
  const openAt = store?.getItem(openKey(panel.catalogue)) ?? null;
  const parsed = openAt ? parseRecord(store?.getItem(openAt) ?? '', panel.catalogue) : null;
  if (openAt && parsed && parsed.ok) {
    open(panel, parsed.record, openAt);
  } else {
    renderSaved(panel);
  }
}

const root = /** @type {HTMLElement | null} */ (document.querySelector('.catalogue-page[data-catalogue]'));
const area = root ? /** @type {HTMLElement | null} */ (root.querySelector('#catalogue-scorecard')) : null;
if (root && area) { start(root, area); }
