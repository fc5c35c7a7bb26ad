// @ts-check
// A candidate's preparation sheet (a catalogue with audience: candidate, theme/partials/catalogue-preparation) without
// the DOM: the saved record (JSON format "hub-preparation", version 1), where localStorage keeps it, the checks a saved
// entry must pass, and its Markdown and CSV (the kit's quoting, catalogue-export.js). The tests import it alone.

import { markdownText, toCsv } from './catalogue-export.js';

export const FORMAT = 'hub-preparation';
export const VERSION = 1;

/**
 * @typedef {{ id: string, text: string, notes: string, answer: string }} PreparedQuestion
 * @typedef {object} PreparationRecord
 * @property {string} format always 'hub-preparation'
 * @property {number} version
 * @property {string} catalogue the catalogue's slug
 * @property {string} lang
 * @property {string} title
 * @property {string} company who the candidate meets
 * @property {string} date YYYY-MM-DD, or empty
 * @property {PreparedQuestion[]} questions the catalogue's questions, in its order
 * @property {string} saved ISO time of the last change
 * @typedef {{ company: string, date: string, question: string, notes: string, answer: string }} PreparationLabels
 */

/**
 * Where a catalogue's sheet is kept (one per catalogue: a candidate prepares one conversation at a time).
 * @param {string} catalogue
 * @returns {string}
 */
export function storageKey(catalogue) {
  return 'hub.preparation.v' + VERSION + '.' + encodeURIComponent(catalogue);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A saved sheet, checked for shape only (nothing in it is run or parsed as HTML); null when it is not one of this catalogue.
 * @param {string | null} text
 * @param {string} catalogue
 * @returns {PreparationRecord | null}
 */
export function parseRecord(text, catalogue) {
  if (text === null) { return null; }
  /** @type {unknown} */
  let data;
  try { data = JSON.parse(text); } catch { return null; }
  if (!isObject(data) || data.format !== FORMAT || data.version !== VERSION || data.catalogue !== catalogue) { return null; }
  if (!['lang', 'title', 'company', 'date', 'saved'].every((k) => typeof data[k] === 'string')) { return null; }
  const questions = data.questions;
  if (!Array.isArray(questions) || !questions.every((q) => isObject(q) && ['id', 'text', 'notes', 'answer'].every((k) => typeof q[k] === 'string'))) {
    return null;
  }
  return /** @type {PreparationRecord} */ (/** @type {unknown} */ (data));
}

/**
 * The JSON file: keys in the documented order, two-space indented.
 * @param {PreparationRecord} r
 * @returns {string}
 */
export function toJson(r) {
  const ordered = {
    format: FORMAT, version: VERSION, catalogue: r.catalogue, lang: r.lang, title: r.title, company: r.company, date: r.date,
    questions: r.questions.map((q) => ({ id: q.id, text: q.text, notes: q.notes, answer: q.answer })), saved: r.saved
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

/**
 * Whether the candidate wrote anything (an empty sheet is not kept).
 * @param {PreparationRecord} r
 * @returns {boolean}
 */
export function hasContent(r) {
  return r.company.trim() !== '' || r.date !== '' || r.questions.some((q) => q.notes.trim() !== '' || q.answer.trim() !== '');
}

/**
 * A file name: the catalogue, the company (letters and digits of any script kept) and the date.
 * @param {PreparationRecord} r
 * @param {string} extension
 * @returns {string}
 */
export function fileName(r, extension) {
  const parts = [r.catalogue, r.company, r.date].map((p) => p.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '')).filter((p) => p !== '');
  return parts.join('-') + '.' + extension;
}

/**
 * Text kept line by line as literal Markdown.
 * @param {string} text
 * @returns {string}
 */
function lines(text) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').map(markdownText).join('  \n');
}

/**
 * @param {PreparationRecord} r
 * @param {PreparationLabels} labels
 * @returns {string}
 */
export function toMarkdown(r, labels) {
  const out = ['# ' + markdownText(r.title), ''];
  out.push('- ' + markdownText(labels.company) + ': ' + markdownText(r.company));
  out.push('- ' + markdownText(labels.date) + ': ' + markdownText(r.date), '');
  r.questions.forEach((q, i) => {
    out.push('## ' + (i + 1) + '. ' + markdownText(q.text), '');
    if (q.notes.trim() !== '') { out.push('**' + markdownText(labels.notes) + '**  ', lines(q.notes), ''); }
    if (q.answer.trim() !== '') { out.push('**' + markdownText(labels.answer) + '**  ', lines(q.answer), ''); }
  });
  return out.join('\n');
}

/**
 * The CSV file's text (one row per question), with the byte order mark spreadsheet programs need for Japanese and Korean.
 * @param {PreparationRecord} r
 * @param {PreparationLabels} labels
 * @returns {string}
 */
export function toCsvFile(r, labels) {
  const rows = [[labels.company, labels.date, labels.question, labels.notes, labels.answer]];
  for (const q of r.questions) { rows.push([r.company, r.date, q.text, q.notes, q.answer]); }
  return '\ufeff' + toCsv(rows);
}
