// @ts-check
// Interview scorecards as files people read: Markdown and CSV (RFC 4180, the same quoting as the kit's exports).
// Plain data in, text out; the tests run this module alone.

import { markdownText, toCsv } from './catalogue-export.js';

/** @typedef {import('./scorecard-state.js').ScorecardRecord} ScorecardRecord */

/**
 * The headings of an export, in the page's language.
 * @typedef {{ candidate: string, interviewer: string, date: string, question: string, informs: string, notes: string,
 *   attribute: string, rating: string, notRated: string, recommendation: string, noDecision: string, probe: string,
 *   ratings: string, questions: string }} ScorecardLabels
 */

/**
 * A point of the scale as shown: "3 Yes".
 * @param {ScorecardRecord} r
 * @param {number | 'none' | null} value
 * @param {{ notRated: string, noDecision: string }} labels
 * @returns {string}
 */
export function pointText(r, value, labels) {
  if (value === null) { return labels.notRated; }
  if (value === 'none') { return labels.noDecision; }
  const point = r.scale.find((p) => p.value === value);
  return point ? point.value + ' ' + point.label : String(value);
}

/**
 * @param {ScorecardRecord} r
 * @param {ScorecardLabels} labels
 * @returns {string}
 */
export function toMarkdown(r, labels) {
  const lines = ['# ' + markdownText(r.title), ''];
  lines.push('- ' + markdownText(labels.candidate) + ': ' + markdownText(r.candidate));
  lines.push('- ' + markdownText(labels.interviewer) + ': ' + markdownText(r.interviewer));
  lines.push('- ' + markdownText(labels.date) + ': ' + markdownText(r.date));
  lines.push('- ' + markdownText(labels.recommendation) + ': ' + markdownText(pointText(r, r.recommendation, labels)));
  lines.push('', '## ' + markdownText(labels.ratings), '');
  lines.push('| ' + markdownText(labels.attribute) + ' | ' + markdownText(labels.rating) + ' |', '|---|---|');
  for (const a of r.attributes) { lines.push('| ' + markdownText(a.label) + ' | ' + markdownText(pointText(r, a.rating, labels)) + ' |'); }
  lines.push('', '## ' + markdownText(labels.questions), '');
  r.questions.forEach((q, i) => {
    const informs = q.attributes.map((id) => (r.attributes.find((a) => a.id === id) || { label: id }).label);
    lines.push('### ' + (i + 1) + '. ' + markdownText(q.text), '');
    lines.push(markdownText(labels.informs) + ': ' + informs.map(markdownText).join(' · '), '');
    // Notes keep their line breaks: each line is literal text, a blank line between paragraphs.
    const notes = q.notes.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    if (notes.length > 0) { lines.push(notes.map(markdownText).join('  \n'), ''); }
  });
  lines.push('## ' + markdownText(labels.probe), '');
  const probe = r.probe.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (probe.length > 0) { lines.push(probe.map(markdownText).join('  \n'), ''); }
  return lines.join('\n');
}

/**
 * One row per attribute, then one per question: a table a spreadsheet sorts and filters.
 * @param {ScorecardRecord} r
 * @param {ScorecardLabels} labels
 * @returns {string[][]}
 */
export function toCsvRows(r, labels) {
  const rows = [[labels.candidate, labels.interviewer, labels.date, labels.attribute, labels.rating, labels.question, labels.notes]];
  const head = [r.candidate, r.interviewer, r.date];
  for (const a of r.attributes) { rows.push([...head, a.label, pointText(r, a.rating, labels), '', '']); }
  rows.push([...head, labels.recommendation, pointText(r, r.recommendation, labels), '', '']);
  for (const q of r.questions) {
    const informs = q.attributes.map((id) => (r.attributes.find((a) => a.id === id) || { label: id }).label).join(' · ');
    rows.push([...head, informs, '', q.text, q.notes]);
  }
  rows.push([...head, labels.probe, '', '', r.probe]);
  return rows;
}

/**
 * The CSV file's text, with the byte order mark spreadsheet programs need to read Japanese and Korean as UTF-8.
 * @param {ScorecardRecord} r
 * @param {ScorecardLabels} labels
 * @returns {string}
 */
export function toCsvFile(r, labels) {
  return '\ufeff' + toCsv(toCsvRows(r, labels));
}
