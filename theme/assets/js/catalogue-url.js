// @ts-check
// Question catalogues, the filter state in the address: ?{facet}={value} (repeated for several values), &q={words},
// &kit={id},{id}. Query keys that are not the page's own (a campaign tag, say) are kept as they were.

import { emptyState } from './catalogue-state.js';

/** @typedef {import('./catalogue-state.js').FilterState} FilterState */

/**
 * A query component decoded as a form would encode it ('+' for a space); kept as it is when it is not valid.
 * @param {string} part
 * @returns {string}
 */
export function decode(part) {
  try { return decodeURIComponent(part.replace(/\+/g, ' ')); } catch { return part; }
}

/**
 * Reads ?facet=value&facet=value&q=…&kit=a,b into { facets: { name: [values] }, q: '', kit: [ids] }.
 * Only the given facet names are read; kit accepts both a comma list and repeated keys.
 * @param {string | null | undefined} search
 * @param {string[]} facetNames
 * @returns {FilterState}
 */
export function parseQuery(search, facetNames) {
  const state = emptyState(facetNames);
  const text = String(search || '').replace(/^\?/, '');
  if (text === '') { return state; }
  for (const pair of text.split('&')) {
    if (pair === '') { continue; }
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (key === 'q') {
      state.q = state.q === '' ? value : state.q + ' ' + value;
    } else if (key === 'kit') {
      for (const id of value.split(',')) {
        if (id !== '' && !state.kit.includes(id)) { state.kit.push(id); }
      }
    } else if (Object.prototype.hasOwnProperty.call(state.facets, key) && value !== '' && !state.facets[key].includes(value)) {
      state.facets[key].push(value);
    }
  }
  return state;
}

/**
 * The inverse of parseQuery, facets in the given order; '' when nothing is set.
 * @param {{ facets: Record<string, string[]>, q?: string, kit?: string[] }} state
 * @param {string[]} facetNames
 * @returns {string}
 */
export function buildQuery(state, facetNames) {
  /** @type {string[]} */
  const parts = [];
  for (const name of facetNames) {
    for (const value of state.facets[name] || []) {
      parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(value));
    }
  }
  const q = String(state.q || '').trim();
  if (q !== '') { parts.push('q=' + encodeURIComponent(q).replace(/%20/g, '+')); }
  if (state.kit && state.kit.length > 0) {
    parts.push('kit=' + state.kit.map(encodeURIComponent).join(','));
  }
  return parts.length === 0 ? '' : '?' + parts.join('&');
}

/**
 * The pairs of a query that are not the catalogue's own, as they were written.
 * @param {string} search
 * @param {string[]} facetNames
 * @returns {string[]}
 */
export function foreignPairs(search, facetNames) {
  return search.replace(/^\?/, '').split('&').filter((pair) => {
    const key = decode(pair.split('=')[0]);
    return pair !== '' && key !== 'q' && key !== 'kit' && !facetNames.includes(key);
  });
}

/**
 * The query for a state, keeping the current query's foreign pairs after the catalogue's own.
 * @param {FilterState} state
 * @param {string[]} facetNames
 * @param {string} currentSearch
 * @returns {string}
 */
export function queryFor(state, facetNames, currentSearch) {
  const query = buildQuery(state, facetNames);
  const foreign = foreignPairs(currentSearch, facetNames);
  return foreign.length === 0 ? query : query + (query === '' ? '?' : '&') + foreign.join('&');
}
