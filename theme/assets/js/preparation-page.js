// @ts-check
// A candidate's preparation sheet (theme/partials/catalogue-preparation): every change is saved in localStorage
// (preparation-state.js) and restored on reload; the sheet is exported as JSON, Markdown or CSV (download.js) or
// printed. Nothing leaves the browser. When the sheet is live, the form carries data-state="ready".

import { saveFile } from './download.js';
import { FORMAT, VERSION, fileName, hasContent, parseRecord, storageKey, toCsvFile, toJson, toMarkdown } from './preparation-state.js';

const form = /** @type {HTMLFormElement | null} */ (document.querySelector('form.preparation-sheet[data-catalogue]'));
if (form) { setup(form); }

/** @param {HTMLFormElement} form */
function setup(form) {
  const catalogue = form.getAttribute('data-catalogue') ?? '';
  const key = storageKey(catalogue);
  const status = form.querySelector('.preparation-status');
  /** @param {string} name */
  const field = (name) => /** @type {HTMLInputElement | HTMLTextAreaElement | null} */ (form.elements.namedItem(name));
  const questions = Array.from(form.querySelectorAll('li[data-question]'), (li) => ({
    id: li.getAttribute('data-question') ?? '',
    text: li.querySelector('.preparation-question-text')?.textContent?.trim() ?? ''
  }));

  /** @returns {import('./preparation-state.js').PreparationRecord} */
  const read = () => ({
    format: FORMAT,
    version: VERSION,
    catalogue,
    lang: form.getAttribute('data-lang') ?? '',
    title: form.getAttribute('data-title') ?? '',
    company: field('company')?.value ?? '',
    date: field('date')?.value ?? '',
    questions: questions.map((q) => ({ id: q.id, text: q.text, notes: field('notes:' + q.id)?.value ?? '', answer: field('answer:' + q.id)?.value ?? '' })),
    saved: new Date().toISOString()
  });
  /** @param {string} text */
  const say = (text) => { if (status) { status.textContent = text; } };
  /** @param {string | null} pattern @param {string} file */
  const fill = (pattern, file) => (pattern ?? '').replace('{file}', file);

  let saved = null;
  try { saved = parseRecord(window.localStorage.getItem(key), catalogue); } catch { saved = null; }
  if (saved) {
    const record = saved;
    const company = field('company');
    const date = field('date');
    if (company) { company.value = record.company; }
    if (date) { date.value = record.date; }
    for (const q of record.questions) {
      const notes = field('notes:' + q.id);
      const answer = field('answer:' + q.id);
      if (notes) { notes.value = q.notes; }
      if (answer) { answer.value = q.answer; }
    }
  }

  form.addEventListener('input', () => {
    const record = read();
    try {
      if (hasContent(record)) { window.localStorage.setItem(key, toJson(record)); } else { window.localStorage.removeItem(key); }
    } catch {
      say(form.getAttribute('data-not-saved') ?? '');
    }
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); });

  const labels = {
    company: form.getAttribute('data-label-company') ?? '',
    date: form.getAttribute('data-label-date') ?? '',
    question: form.getAttribute('data-label-question') ?? '',
    notes: form.getAttribute('data-label-notes') ?? '',
    answer: form.getAttribute('data-label-answer') ?? ''
  };
  /** @param {string} content @param {string} name @param {string} type */
  const download = (content, name, type) => { saveFile(content, name, type); say(fill(form.getAttribute('data-downloaded'), name)); };
  form.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-preparation]') : null;
    if (!button) { return; }
    const record = read();
    switch (button.getAttribute('data-preparation')) {
      case 'export-json': download(toJson(record), fileName(record, 'json'), 'application/json'); break;
      case 'export-markdown': download(toMarkdown(record, labels), fileName(record, 'md'), 'text/markdown;charset=utf-8'); break;
      case 'export-csv': download(toCsvFile(record, labels), fileName(record, 'csv'), 'text/csv;charset=utf-8'); break;
      case 'print':
        document.documentElement.classList.add('is-printing-preparation');
        window.addEventListener('afterprint', () => { document.documentElement.classList.remove('is-printing-preparation'); }, { once: true });
        window.print();
        break;
      case 'clear':
        form.reset();
        try { window.localStorage.removeItem(key); } catch { /* nothing was kept */ }
        say(form.getAttribute('data-cleared') ?? '');
        break;
      default: break;
    }
  });
  form.setAttribute('data-state', 'ready');
}
