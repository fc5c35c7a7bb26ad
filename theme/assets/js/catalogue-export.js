// @ts-check
// Question catalogues, the interview kit as files: Markdown and CSV (RFC 4180) built from plain data that
// catalogue.js reads back from the page, so an export matches what is shown. The exact bytes people paste into a
// spreadsheet or a document: the tests run this module alone.

/**
 * The interview sheet: what is exported.
 * @typedef {{ question: string, intent: string, lookFor: string, redFlags: string, followUps: string, kpis: string, notes: string }} SheetLabels
 * @typedef {{ label: string, values: string[] }} SheetFacet
 * @typedef {{ title: string, url: string }} SheetKpi
 * @typedef {{ id: string, url: string, text: string, facets: SheetFacet[], intent: string, lookFor: string[], redFlags: string[], followUps: string[], kpis: SheetKpi[] }} SheetQuestion
 * @typedef {{ title: string, url: string, labels: SheetLabels, questions: SheetQuestion[] }} Sheet
 */

/**
 * One CSV field per RFC 4180, always quoted. A leading = + - @ or control gets a ' so spreadsheets do not run it as
 * a formula.
 * @param {unknown} value
 * @returns {string}
 */
export function csvField(value) {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
  return '"' + s.replace(/"/g, '""') + '"';
}

/**
 * @param {unknown[][]} rows
 * @returns {string} CRLF-separated records, the last one terminated too
 */
export function toCsv(rows) {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Text as literal Markdown: one line, every character with a meaning backslash-escaped, and nothing read as a list
 * or heading.
 * @param {unknown} value
 * @returns {string}
 */
export function markdownText(value) {
  let s = String(value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
  // Brackets are escaped, so parentheses and '!' can never form a link or image and stay readable.
  s = s.replace(/[\\`*_\[\]<>#|~&$]/g, '\\$&');
  if (/^\d+[.)]/.test(s)) { return s.replace(/^(\d+)/, '$1\\'); }
  return /^[-+=]/.test(s) ? '\\' + s : s;
}

/**
 * A URL as a Markdown link destination: the characters that would end or break it are percent-encoded.
 * @param {unknown} url
 * @returns {string}
 */
export function markdownUrl(url) {
  return String(url).replace(/[\s()<>\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/**
 * The interview sheet as Markdown.
 * @param {Sheet} sheet
 * @returns {string}
 */
export function toMarkdown(sheet) {
  const out = ['# ' + markdownText(sheet.title), '', '<' + markdownUrl(sheet.url) + '>', ''];
  const labels = sheet.labels;
  /**
   * @param {string} label
   * @param {string[]} items
   */
  function list(label, items) {
    if (!items || items.length === 0) { return; }
    out.push('**' + markdownText(label) + '**', '');
    for (const item of items) { out.push('- ' + markdownText(item)); }
    out.push('');
  }
  sheet.questions.forEach((q, i) => {
    out.push('## ' + (i + 1) + '. ' + markdownText(q.text), '');
    out.push('[#' + markdownText(q.id) + '](' + markdownUrl(q.url) + ')' +
      q.facets.filter((f) => f.values.length > 0)
        .map((f) => ' · ' + markdownText(f.label) + ': ' + f.values.map(markdownText).join(', ')).join(''), '');
    if (q.intent) { out.push('**' + markdownText(labels.intent) + '**', '', markdownText(q.intent), ''); }
    list(labels.lookFor, q.lookFor);
    list(labels.redFlags, q.redFlags);
    list(labels.followUps, q.followUps);
    if (q.kpis && q.kpis.length > 0) {
      out.push('**' + markdownText(labels.kpis) + '**: ' +
        q.kpis.map((k) => '[' + markdownText(k.title) + '](' + markdownUrl(k.url) + ')').join(', '), '');
    }
    out.push('**' + markdownText(labels.notes) + '**', '', '', '');
  });
  return out.join('\n').replace(/\n{3,}$/, '\n');
}

/**
 * The interview sheet as CSV rows: a header, then one row per question; list values one per line inside the cell.
 * @param {Sheet} sheet
 * @returns {string[][]}
 */
export function toCsvRows(sheet) {
  const labels = sheet.labels;
  const facetLabels = sheet.questions.length > 0 ? sheet.questions[0].facets.map((f) => f.label) : [];
  const rows = [['ID', labels.question, ...facetLabels, labels.intent, labels.lookFor, labels.redFlags, labels.followUps, labels.kpis, 'URL', labels.notes]];
  for (const q of sheet.questions) {
    rows.push([q.id, q.text, ...q.facets.map((f) => f.values.join('\n')),
      q.intent || '', q.lookFor.join('\n'), q.redFlags.join('\n'), q.followUps.join('\n'),
      q.kpis.map((k) => k.title).join('\n'), q.url, '']);
  }
  return rows;
}
