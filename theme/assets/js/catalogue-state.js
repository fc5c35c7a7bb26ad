// @ts-check
// Question catalogues, the filter state without the DOM: text matching, facet filters (alternatives within a facet,
// every facet at once), the kit in page order. catalogue.js reads the page into these shapes and writes the results
// back; the tests run this module alone.

/**
 * A filter state: the wanted values of each facet (none means no filter), the text filter, the kit's question ids.
 * Maps keyed by facet names have no prototype, so any name an author picks ("constructor", "__proto__") is just a key.
 * @typedef {{ facets: Record<string, string[]>, q: string, kit: string[] }} FilterState
 */

/**
 * What the filters need of one question: its id, its facet values, and its searchable text (normalized).
 * @typedef {{ id: string, facets: Record<string, string[]>, haystack: string }} QuestionFacts
 */

/**
 * Text for matching: NFKC (full-width letters and half-width kana match their usual forms), lower case.
 * @param {unknown} text
 * @returns {string}
 */
export function normalize(text) {
  return String(text ?? '').normalize('NFKC').toLowerCase();
}

/**
 * The words of a text filter; every word must occur in a question (substring match, so no spaces are needed in
 * Japanese or Korean).
 * @param {string} query
 * @returns {string[]}
 */
export function terms(query) {
  return normalize(query).split(/\s+/).filter((w) => w.length > 0);
}

/**
 * Where the words occur in a text, as the filter matches them (normalize: NFKC, lower case), in the text as written:
 * ranges [start, end) of UTF-16 units, sorted and merged, for marking what matched.
 * @param {string} text
 * @param {string[]} words normalized (terms)
 * @returns {number[][]}
 */
export function matchRanges(text, words) {
  let folded = '';
  /** @type {number[]} */
  const origin = []; // for each unit of folded, the start of the character it came from in text
  /** @type {number[]} */
  const originEnd = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(/** @type {number} */ (text.codePointAt(i)));
    const norm = normalize(ch);
    for (let u = 0; u < norm.length; u++) { origin.push(i); originEnd.push(i + ch.length); }
    folded += norm;
    i += ch.length;
  }
  /** @type {number[][]} */
  const ranges = [];
  for (const word of words) {
    if (!word) { continue; }
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      ranges.push([origin[at], originEnd[at + word.length - 1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  /** @type {number[][]} */
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) { last[1] = Math.max(last[1], range[1]); } else { merged.push([range[0], range[1]]); }
  }
  return merged;
}

/**
 * @param {string} haystack normalized text
 * @param {string[]} words
 * @returns {boolean} whether every word occurs
 */
export function matchesTerms(haystack, words) {
  return words.every((word) => haystack.includes(word));
}

/**
 * Whether a question whose facet holds `values` passes a filter on `wanted` (alternatives; none means no filter):
 * it carries one of them, or the facet's all-value (`allValue`, declared `all: true`; null when none).
 * The twin of Facet.Matches in the build.
 * @param {string[]} values
 * @param {string[]} wanted
 * @param {string | null | undefined} allValue
 * @returns {boolean}
 */
export function facetMatches(values, wanted, allValue) {
  if (wanted.length === 0) { return true; }
  if (allValue != null && values.includes(allValue)) { return true; }
  return wanted.some((v) => values.includes(v));
}

/**
 * An empty filter state for the given facets.
 * @param {string[]} facetNames
 * @returns {FilterState}
 */
export function emptyState(facetNames) {
  /** @type {Record<string, string[]>} */
  const facets = Object.create(null);
  for (const name of facetNames) { facets[name] = []; }
  return { facets, q: '', kit: [] };
}

/**
 * Whether a question passes every facet filter but `except`'s, and the text filter.
 * @param {QuestionFacts} question
 * @param {FilterState} state
 * @param {string[]} words the text filter's terms
 * @param {Record<string, string | null>} allValues each facet's all-value
 * @param {string | null} except a facet to leave out (for the counts next to its own values), or null
 * @returns {boolean}
 */
export function passes(question, state, words, allValues, except) {
  for (const name of Object.keys(state.facets)) {
    const wanted = state.facets[name];
    if (name === except || wanted.length === 0) { continue; }
    if (!facetMatches(question.facets[name] ?? [], wanted, allValues[name])) { return false; }
  }
  return matchesTerms(question.haystack, words);
}

/**
 * How many questions a facet value would show, given the other filters: the count next to its checkbox.
 * @param {QuestionFacts[]} questions
 * @param {FilterState} state
 * @param {string[]} words
 * @param {Record<string, string | null>} allValues
 * @param {string} facet
 * @param {string} value
 * @returns {number}
 */
export function valueCount(questions, state, words, allValues, facet, value) {
  return questions.filter((q) => facetMatches(q.facets[facet] ?? [], [value], allValues[facet]) && passes(q, state, words, allValues, facet)).length;
}

/**
 * How many filters are on: each checked value, and the text filter as one.
 * @param {FilterState} state
 * @param {string[]} words
 * @returns {number}
 */
export function activeFilters(state, words) {
  return Object.keys(state.facets).reduce((n, name) => n + state.facets[name].length, words.length > 0 ? 1 : 0);
}

/**
 * The kit's ids in page order, so the sheet reads like the catalogue; unknown ids are dropped.
 * @param {{ id: string }[]} questions in page order
 * @param {string[]} ids
 * @returns {string[]}
 */
export function kitInPageOrder(questions, ids) {
  return questions.filter((q) => ids.includes(q.id)).map((q) => q.id);
}

/**
 * A message template with {placeholders} filled in; unknown placeholders stay as written.
 * @param {string | null} template
 * @param {Record<string, string | number>} values
 * @returns {string}
 */
export function fill(template, values) {
  return String(template ?? '').replace(/\{(\w+)\}/g, (m, key) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m);
}
