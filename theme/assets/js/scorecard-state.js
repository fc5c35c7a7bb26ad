// @ts-check
// Interview scorecards without the DOM: the saved record (the documented JSON format, version 1), where it is kept in
// localStorage, and the checks a file must pass before the debrief or the form uses it. The tests import this module alone.

export const FORMAT = 'hub-scorecard';
export const VERSION = 1;

/**
 * @typedef {{ value: number, label: string }} ScalePoint
 * @typedef {{ id: string, label: string, rating: number | null }} AttributeRating
 * @typedef {{ id: string, text: string, attributes: string[], notes: string }} QuestionNotes
 * @typedef {object} ScorecardRecord
 * @property {string} format always 'hub-scorecard'
 * @property {number} version
 * @property {string} catalogue the catalogue's slug
 * @property {string} lang
 * @property {string} title
 * @property {string} candidate
 * @property {string} interviewer
 * @property {string} date YYYY-MM-DD, or empty
 * @property {ScalePoint[]} scale
 * @property {AttributeRating[]} attributes
 * @property {QuestionNotes[]} questions the kit's questions, in the interview's order
 * @property {number | 'none' | null} recommendation a point of the scale, 'none' for "no decision", null when not given
 * @property {string} probe
 * @property {string} saved ISO time of the last change
 */

/**
 * The prefix of every saved scorecard of a catalogue.
 * @param {string} catalogue
 * @returns {string}
 */
export function storagePrefix(catalogue) {
  return 'hub.scorecard.v' + VERSION + '.' + encodeURIComponent(catalogue) + '.';
}

/**
 * Where a scorecard is kept: under its catalogue, its kit and its candidate.
 * @param {{ catalogue: string, questions: { id: string }[], candidate: string }} record
 * @returns {string}
 */
export function storageKey(record) {
  return storagePrefix(record.catalogue) + encodeURIComponent(record.questions.map((q) => q.id).join(',')) + '.' + encodeURIComponent(record.candidate.trim());
}

/** The key remembering which scorecard of a catalogue is open, so a reload brings it back. */
export function openKey(/** @type {string} */ catalogue) {
  return 'hub.scorecard-open.v' + VERSION + '.' + encodeURIComponent(catalogue);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @returns {value is string}
 */
function isString(value) {
  return typeof value === 'string';
}

/**
 * Reads a scorecard file or saved entry. Nothing in it is run or parsed as HTML; it is only checked for shape.
 * @param {string} text
 * @param {string | null} catalogue the catalogue it must belong to, or null for any
 * @returns {{ ok: true, record: ScorecardRecord } | { ok: false, error: 'malformed' | 'foreign' | 'version', found?: string }}
 */
export function parseRecord(text, catalogue) {
  /** @type {unknown} */
  let data;
  try { data = JSON.parse(text); } catch { return { ok: false, error: 'malformed' }; }
  if (!isObject(data) || data.format !== FORMAT) { return { ok: false, error: 'malformed' }; }
  if (data.version !== VERSION) { return { ok: false, error: 'version', found: String(data.version) }; }
  if (!isString(data.catalogue)) { return { ok: false, error: 'malformed' }; }
  if (catalogue !== null && data.catalogue !== catalogue) { return { ok: false, error: 'foreign', found: data.catalogue }; }
  const texts = ['lang', 'title', 'candidate', 'interviewer', 'date', 'probe', 'saved'];
  if (!texts.every((k) => isString(data[k]))) { return { ok: false, error: 'malformed' }; }
  const scale = data.scale;
  if (!Array.isArray(scale) || scale.length < 2 || !scale.every((p, i) => isObject(p) && p.value === i + 1 && isString(p.label))) { return { ok: false, error: 'malformed' }; }
  /** @param {unknown} r */
  const point = (r) => r === null || (typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= scale.length);
  const attributes = data.attributes;
  if (!Array.isArray(attributes) || !attributes.every((a) => isObject(a) && isString(a.id) && isString(a.label) && point(a.rating))) { return { ok: false, error: 'malformed' }; }
  const questions = data.questions;
  if (!Array.isArray(questions) || !questions.every((q) => isObject(q) && isString(q.id) && isString(q.text) && isString(q.notes)
    && Array.isArray(q.attributes) && q.attributes.every(isString))) { return { ok: false, error: 'malformed' }; }
  if (!(data.recommendation === 'none' || point(data.recommendation))) { return { ok: false, error: 'malformed' }; }
  return { ok: true, record: /** @type {ScorecardRecord} */ (/** @type {unknown} */ (data)) };
}

/**
 * The JSON file: the record's keys in the documented order, two-space indented.
 * @param {ScorecardRecord} r
 * @returns {string}
 */
export function toJson(r) {
  const ordered = {
    format: FORMAT, version: VERSION, catalogue: r.catalogue, lang: r.lang, title: r.title,
    candidate: r.candidate, interviewer: r.interviewer, date: r.date,
    scale: r.scale.map((p) => ({ value: p.value, label: p.label })),
    attributes: r.attributes.map((a) => ({ id: a.id, label: a.label, rating: a.rating })),
    questions: r.questions.map((q) => ({ id: q.id, text: q.text, attributes: q.attributes.slice(), notes: q.notes })),
    recommendation: r.recommendation, probe: r.probe, saved: r.saved
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

/**
 * Whether the record holds anything an interviewer entered (an empty one is not worth keeping).
 * @param {ScorecardRecord} r
 * @returns {boolean}
 */
export function hasContent(r) {
  return r.candidate.trim() !== '' || r.interviewer.trim() !== '' || r.probe.trim() !== '' || r.recommendation !== null
    || r.attributes.some((a) => a.rating !== null) || r.questions.some((q) => q.notes.trim() !== '');
}

/**
 * A file name for the record's exports: the catalogue, the candidate (letters and digits of any script kept) and the date.
 * @param {ScorecardRecord} r
 * @param {string} extension
 * @returns {string}
 */
export function fileName(r, extension) {
  const parts = [r.catalogue, r.candidate, r.date].map((p) => p.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '')).filter((p) => p !== '');
  return parts.join('-') + '.' + extension;
}
