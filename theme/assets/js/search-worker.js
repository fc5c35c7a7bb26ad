// @ts-check
// Hub search in a module worker (search.js starts it with `new Worker(url, { type: 'module' })`): loading and parsing
// the full-text tier never blocks the page. The page sends {type: 'init', indexUrl, version} once, then
// {id, type: 'load'} (the title tier) or {id, type: 'search', query, options}; each is answered with {id, result} or
// {id, error}. The index URL is absolute.

import { Engine } from './search-engine.js';

const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (globalThis));

/** @type {Engine | null} */
let engine = null;

/**
 * @param {string} url
 * @param {string} version
 * @returns {Promise<any>}
 */
function fetchJson(url, version) {
  const versioned = version ? url + '?v=' + encodeURIComponent(version) : url;
  return fetch(versioned, { credentials: 'same-origin' }).then((response) => {
    if (!response.ok) {
      throw new Error(url + ': HTTP ' + response.status);
    }
    return response.json();
  });
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    engine = new Engine({ indexUrl: message.indexUrl, fetchJson: (url) => fetchJson(url, message.version) });
    return;
  }
  const current = engine;
  const work = !current ? Promise.reject(new Error('search worker not initialised'))
    : message.type === 'load' ? current.load().then(() => null)
    : current.search(message.query, message.options);
  work.then((result) => {
    scope.postMessage({ id: message.id, result });
  }, (error) => {
    scope.postMessage({ id: message.id, error: String((error && error.message) || error) });
  });
};
