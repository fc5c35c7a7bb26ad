// @ts-check
/*
 * Hub search UI: instant results under every search box, the results page (/{lang}/search/?q=…),
 * and the "/" shortcut. The engine (search-engine.js in a module worker, search-worker.js, or on the page where
 * workers are unavailable) and the first index tier load on the first focus of a search box; modules are found
 * next to this one (import.meta.url), so the site works under any path prefix; nothing here uses innerHTML, eval or
 * inline styles, so it runs under a strict Content-Security-Policy.
 *
 * Configuration comes from the data-* attributes of the search-box form (theme/partials/search-box).
 */

import { clearHighlights, highlightFromUrl } from './highlight.js';

let BOX_LIMIT = 8;
let PAGE_LIMIT = 20; // what a first search shows (and whose text it fetches); "more" adds as many
let DEBOUNCE_MS = 60;

/**
 * The search box's configuration (data-* attributes of the form).
 * @typedef {{ indexUrl: string, pageUrl: string, root: string, version: string, noWorker: boolean, labels: Record<string, string> }} Config
 */

/**
 * Types of the engine's answers (src/Hub.Search/Scripts/search-ui.d.ts: for the type check only, never served).
 * @typedef {import('./search-ui.js').Response} Response
 * @typedef {import('./search-ui.js').Result} Result
 * @typedef {import('./search-ui.js').Snippet} Snippet
 * @typedef {import('./search-ui.js').SearchEngine} SearchEngine
 */

/** @type {Config} */
let config = { indexUrl: '', pageUrl: '', root: '', version: '', noWorker: false, labels: {} };
/** The engine of each index (a language's /search/{lang}/), with its title tier loaded, by index URL. */
/** @type {Record<string, Promise<SearchEngine>>} */
let enginePromises = {};
let nextId = 0;

/**
 * A UI string of the page's language (the form's data-i18n-* attributes), with {count} filled in.
 * @param {string} key
 * @param {number} [count]
 * @returns {string}
 */
function label(key, count) {
  let text = config.labels[key] || key;
  return count === undefined ? text : text.replace('{count}', String(count));
}

/**
 * "Showing results for …" when the engine answered with words one edit away from those typed (response.corrected).
 * @param {Response} response
 * @returns {string}
 */
function corrected(response) {
  return response.corrected && response.corrected.length ? ' ' + label('corrected').replace('{words}', response.corrected.join(' ')) : '';
}

/**
 * @param {string} tag
 * @param {string | null} [className]
 * @param {string | null} [text]
 * @returns {HTMLElement}
 */
function element(tag, className, text) {
  let node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

/**
 * Appends text with [start, end) ranges wrapped in <mark>, as text nodes only.
 * @param {Node} parent
 * @param {string} text
 * @param {number[][]} ranges
 */
function appendHighlighted(parent, text, ranges) {
  let at = 0;
  for (let i = 0; i < ranges.length; i++) {
    let start = ranges[i][0];
    let end = ranges[i][1];
    if (start > at) {
      parent.appendChild(document.createTextNode(text.slice(at, start)));
    }
    parent.appendChild(element('mark', null, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) {
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
}

/**
 * @param {string} url
 * @returns {Promise<any>} the parsed JSON
 */
function fetchJson(url) {
  let versioned = config.version ? url + '?v=' + encodeURIComponent(config.version) : url;
  return fetch(versioned, { credentials: 'same-origin' }).then(function (response) {
    if (!response.ok) {
      throw new Error(url + ': HTTP ' + response.status);
    }
    return response.json();
  });
}

/**
 * @param {string} url
 * @returns {string}
 */
function absolute(url) {
  return new URL(url, window.location.href).href;
}

/**
 * The engine in a Web Worker: loading the full-text tier of a large site (JSON parse, unpack,
 * lunr.Index.load) blocked the page for seconds at 1,000 pages when done here.
 * @param {string} indexUrl
 * @returns {Promise<SearchEngine>}
 */
function workerEngine(indexUrl) {
  return new Promise(function (resolve, reject) {
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), { type: 'module' });
    /** @type {Record<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
    let pending = {};
    let next = 0;
    /**
     * @param {{ type: string, id?: number, query?: string, options?: object }} message
     * @returns {Promise<any>}
     */
    function call(message) {
      return new Promise(function (res, rej) {
        message.id = ++next;
        pending[message.id] = { resolve: res, reject: rej };
        worker.postMessage(message);
      });
    }
    worker.onmessage = function (event) {
      let answer = pending[event.data.id];
      delete pending[event.data.id];
      if (answer) {
        if (event.data.error) {
          answer.reject(new Error(event.data.error));
        } else {
          answer.resolve(event.data.result);
        }
      }
    };
    worker.onerror = function (event) {
      event.preventDefault();
      Object.keys(pending).forEach(function (id) {
        pending[Number(id)].reject(new Error('search worker failed'));
      });
      pending = {};
      worker.terminate();
      reject(new Error('search worker failed'));
    };
    worker.postMessage({ type: 'init', indexUrl: absolute(indexUrl), version: config.version });
    /** @type {SearchEngine & { load: () => Promise<unknown> }} */
    let proxy = {
      search: function (query, options) {
        return call({ type: 'search', query: query, options: options });
      },
      load: function () {
        return call({ type: 'load' });
      }
    };
    proxy.load().then(function () {
      resolve(proxy);
    }, reject);
  });
}

/**
 * The engine on the page itself, where workers are unavailable (or forbidden by the CSP).
 * @param {string} indexUrl
 * @returns {Promise<SearchEngine>}
 */
function pageEngine(indexUrl) {
  return import('./search-engine.js').then(function (module) {
    let created = new module.Engine({ indexUrl: indexUrl, fetchJson: fetchJson });
    return created.load().then(function () {
      return created;
    });
  });
}

/**
 * The engine of an index (by default this page's language), with its title tier loaded; created on first use.
 * @param {string} [indexUrl]
 */
function engine(indexUrl) {
  let url = indexUrl || config.indexUrl;
  if (!enginePromises[url]) {
    let useWorker = typeof window.Worker === 'function' && !config.noWorker;
    let created = useWorker
      ? workerEngine(url).catch(function () {
        return pageEngine(url);
      })
      : pageEngine(url);
    enginePromises[url] = created;
    created.catch(function () {
      delete enginePromises[url];
    });
  }
  return enginePromises[url];
}

/**
 * Where a result leads: the index holds paths from the site root (/ja/kpis/…), found under the root this page links to
 * relatively, so one index serves the site at any prefix; ?highlight= carries the query's words to the page
 * (highlight.js marks them there).
 * @param {string} url
 * @param {string[] | undefined} needles
 */
function resultHref(url, needles) {
  const target = new URL(url.replace(/^\/+/, ''), absolute(config.root));
  if (needles && needles.length > 0) {
    target.searchParams.set('highlight', needles.join(' '));
  }
  return target.pathname + target.search + target.hash;
}

/**
 * @param {Snippet} snippet
 * @param {string} className
 * @returns {HTMLElement}
 */
function renderSnippet(snippet, className) {
  let paragraph = element('p', className);
  if (snippet.before) {
    paragraph.appendChild(document.createTextNode('…'));
  }
  appendHighlighted(paragraph, snippet.text, snippet.ranges);
  if (snippet.after) {
    paragraph.appendChild(document.createTextNode('…'));
  }
  return paragraph;
}

/**
 * @param {Result} result
 * @returns {HTMLElement}
 */
function renderResult(result) {
  let item = element('li', 'search-result search-result-' + result.kind);
  let link = /** @type {HTMLAnchorElement} */ (element('a', 'search-result-link'));
  link.href = resultHref(result.url, result.needles);
  link.appendChild(element('span', 'search-result-kind', label(result.kind)));
  let title = element('span', 'search-result-title');
  appendHighlighted(title, result.title.text, result.title.ranges);
  link.appendChild(title);
  item.appendChild(link);
  if (result.snippet && result.snippet.text) {
    item.appendChild(renderSnippet(result.snippet, 'search-result-snippet'));
  }
  // The headings under which the page matched (Pagefind's and MkDocs Material's sub-results).
  let subResults = result.subResults || [];
  if (subResults.length > 0) {
    let list = element('ul', 'search-subresults');
    for (let i = 0; i < subResults.length; i++) {
      let sub = subResults[i];
      let subItem = element('li', 'search-subresult');
      let subLink = /** @type {HTMLAnchorElement} */ (element('a', 'search-subresult-link'));
      subLink.href = resultHref(sub.url, result.needles);
      appendHighlighted(subLink, sub.title.text, sub.title.ranges);
      subItem.appendChild(subLink);
      if (sub.snippet && sub.snippet.text) {
        subItem.appendChild(renderSnippet(sub.snippet, 'search-subresult-snippet'));
      }
      list.appendChild(subItem);
    }
    item.appendChild(list);
  }
  if (result.section) {
    item.appendChild(element('p', 'search-result-section', result.section));
  }
  return item;
}

/**
 * @param {Element} list
 * @param {Result[]} results
 */
function renderList(list, results) {
  while (list.firstChild) {
    list.removeChild(list.firstChild);
  }
  for (let i = 0; i < results.length; i++) {
    list.appendChild(renderResult(results[i]));
  }
}

/**
 * "12 results"; "about 12 results" when the count includes candidates whose adjacency is not
 * confirmed yet (their text not loaded: an estimate from above, and the results page confirms
 * more); "12+ results" when it is a lower bound (the title tier answered alone).
 * @param {string} key
 * @param {Response} response
 * @param {number} [count] the count to show, when not the response's total (one kind's)
 * @returns {string}
 */
function countLabel(key, response, count) {
  let n = count === undefined ? response.total : count;
  return label(response.approximate ? key + '_about' : response.partial ? key + '_more' : key, n);
}

/**
 * @param {Response} response
 * @param {number} [count]
 * @returns {boolean}
 */
function nothingFound(response, count) {
  return (count === undefined ? response.total : count) === 0 && !response.approximate && !response.partial;
}

/**
 * @param {string} query
 * @param {string} [kind]
 * @returns {string}
 */
function pageUrl(query, kind) {
  let url = config.pageUrl + '?q=' + encodeURIComponent(query);
  return kind ? url + '&kind=' + encodeURIComponent(kind) : url;
}

/**
 * Calls onQuery() after the user pauses typing, never in the middle of an IME composition (the
 * composition's end counts as typing).
 * @param {HTMLInputElement} input
 * @param {() => void} onQuery
 */
function watchTyping(input, onQuery) {
  let composing = false;
  let timer = 0;
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(onQuery, DEBOUNCE_MS);
  }
  input.addEventListener('compositionstart', function () {
    composing = true;
    window.clearTimeout(timer);
  });
  input.addEventListener('compositionend', function () {
    composing = false;
    schedule();
  });
  input.addEventListener('input', function (event) {
    if (composing || event.isComposing) {
      return;
    }
    schedule();
  });
}

/**
 * Arrow keys move between the input and the result links; Escape goes back to the input.
 * @param {HTMLInputElement} input
 * @param {HTMLElement} container
 * @param {(() => void) | null} close
 */
function arrowKeys(input, container, close) {
  /** @returns {HTMLElement[]} */
  function links() {
    return Array.prototype.slice.call(container.querySelectorAll('a[href]'));
  }
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' && links().length > 0) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === 'Escape' && close) {
      close();
    }
  });
  container.addEventListener('keydown', function (event) {
    let all = links();
    let at = all.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (event.key === 'ArrowDown' && at >= 0 && at + 1 < all.length) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
      if (close) {
        close();
      }
    }
  });
}

/**
 * A search box with instant results in a panel below it; Enter opens the results page.
 * @param {HTMLFormElement} form
 */
function enhanceBox(form) {
  const found = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="q"]'));
  if (!found) {
    return;
  }
  const input = found;
  let panel = element('div', 'search-panel');
  panel.id = 'search-panel-' + (nextId++);
  panel.hidden = true;
  let status = element('p', 'search-status');
  status.setAttribute('role', 'status');
  let list = element('ol', 'search-results');
  let footer = element('p', 'search-panel-footer');
  let all = /** @type {HTMLAnchorElement} */ (element('a', 'search-view-all'));
  footer.appendChild(all);
  panel.appendChild(status);
  panel.appendChild(list);
  panel.appendChild(footer);
  form.appendChild(panel);
  form.classList.add('search-enhanced');
  // A text box that opens a panel of suggestions is a combobox (aria-expanded is not allowed on a searchbox).
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', panel.id);
  input.setAttribute('aria-expanded', 'false');

  let sequence = 0;
  function open() {
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  function close() {
    sequence++;
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }
  function run() {
    let query = input.value;
    let mine = ++sequence;
    clearHighlights();
    if (!query.trim()) {
      close();
      return;
    }
    open();
    let ready = false;
    window.setTimeout(function () {
      if (!ready && mine === sequence) {
        status.textContent = label('loading');
      }
    }, 150);
    engine().then(function (e) {
      return e.search(query, { typing: true, limit: BOX_LIMIT });
    }).then(function (response) {
      ready = true;
      if (mine !== sequence) {
        return;
      }
      status.textContent = nothingFound(response) ? label('no_results') : countLabel('results', response) + corrected(response);
      renderList(list, response.results);
      all.href = pageUrl(query);
      all.textContent = countLabel('view_all', response);
      footer.hidden = nothingFound(response);
    }, function () {
      ready = true;
      if (mine === sequence) {
        status.textContent = label('error');
        renderList(list, []);
        footer.hidden = true;
      }
    });
  }

  input.addEventListener('focus', function () {
    engine();
    if (input.value.trim() && panel.hidden) {
      run();
    }
  });
  watchTyping(input, run);
  arrowKeys(input, panel, close);
  form.addEventListener('focusout', function (event) {
    if (!event.relatedTarget || !form.contains(/** @type {Node} */ (event.relatedTarget))) {
      window.setTimeout(function () {
        if (!form.contains(document.activeElement)) {
          close();
        }
      }, 0);
    }
  });
}

/**
 * The results page: the query and kind filter live in the URL (?q=…&kind=question).
 * @param {HTMLFormElement} form
 */
function enhancePage(form) {
  const foundInput = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="q"]'));
  /** @type {HTMLInputElement[]} */
  let kinds = Array.prototype.slice.call(form.querySelectorAll('input[name="kind"]'));
  /** @type {HTMLInputElement[]} */
  let langs = Array.prototype.slice.call(form.querySelectorAll('input[name="lang"]'));
  let langBase = form.querySelector('[data-search-base]');
  let ownLang = langs.filter(function (radio) { return radio.checked; }).map(function (radio) { return radio.value; })[0] || '';
  const status = /** @type {HTMLElement} */ (document.getElementById('search-status'));
  const foundList = document.getElementById('search-results');
  const more = /** @type {HTMLElement} */ (document.getElementById('search-more'));
  if (!foundInput || !status || !foundList || !more) {
    return;
  }
  const input = foundInput;
  const list = foundList;
  let params = new URLSearchParams(window.location.search);
  input.value = params.get('q') || '';
  let kind = params.get('kind') || '';
  kinds.forEach(function (radio) {
    radio.checked = radio.value === kind;
  });
  let langAsked = params.get('lang') || '';
  if (langs.some(function (radio) { return radio.value === langAsked; })) {
    langs.forEach(function (radio) {
      radio.checked = radio.value === langAsked;
    });
  }
  let limit = PAGE_LIMIT;
  // The results page always asks the full text (only the shards of the query's terms load).
  let full = 'always';
  let sequence = 0;

  function selectedKind() {
    let checked = kinds.filter(function (radio) { return radio.checked; })[0];
    return checked ? checked.value : '';
  }

  function selectedLang() {
    let checked = langs.filter(function (radio) { return radio.checked; })[0];
    return checked ? checked.value : ownLang;
  }

  /** The index of the language filter's choice: another language's index when it is not this page's. */
  function selectedIndex() {
    let lang = selectedLang();
    return lang && lang !== ownLang && langBase ? (langBase.getAttribute('data-search-base') || '') + lang + '/' : config.indexUrl;
  }

  function updateUrl() {
    let query = input.value;
    let lang = selectedLang();
    let url = query.trim() ? pageUrl(query, selectedKind()) + (lang && lang !== ownLang ? '&lang=' + encodeURIComponent(lang) : '') : config.pageUrl;
    window.history.replaceState(null, '', url);
  }

  /**
   * @param {Record<string, number> | null} counts
   * @param {number} total
   * @param {Partial<Response>} response
   */
  function showCounts(counts, total, response) {
    kinds.forEach(function (radio) {
      let count = radio.parentNode && radio.parentNode.querySelector('.search-kind-count');
      if (count) {
        let n = radio.value ? counts && counts[radio.value] || 0 : total;
        count.textContent = counts ? '(' + (response.approximate ? '≈' : '') + n + (response.partial ? '+' : '') + ')' : '';
      }
    });
  }

  /** @param {boolean} typing */
  function run(typing) {
    let query = input.value;
    let mine = ++sequence;
    let kindNow = selectedKind();
    if (!query.trim()) {
      status.textContent = label('prompt');
      renderList(list, []);
      showCounts(null, 0, {});
      more.hidden = true;
      return;
    }
    let ready = false;
    window.setTimeout(function () {
      if (!ready && mine === sequence) {
        status.textContent = label('loading');
      }
    }, 150);
    engine(selectedIndex()).then(function (e) {
      return e.search(query, { typing: typing, kinds: kindNow ? [kindNow] : null, limit: limit, full: full });
    }).then(function (response) {
      ready = true;
      if (mine !== sequence) {
        return;
      }
      let shown = kindNow ? response.counts[kindNow] || 0 : response.total;
      status.textContent = nothingFound(response, shown) ? label('no_results') : countLabel('results', response, shown) + corrected(response);
      showCounts(response.counts, response.total, response);
      renderList(list, response.results);
      // More to show: results beyond the limit, or candidates not confirmed yet.
      more.hidden = response.results.length >= shown && !response.approximate && !response.partial;
    }, function () {
      ready = true;
      if (mine === sequence) {
        status.textContent = label('error');
        renderList(list, []);
      }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    limit = PAGE_LIMIT;
    updateUrl();
    run(false);
  });
  watchTyping(input, function () {
    limit = PAGE_LIMIT;
    updateUrl();
    run(true);
  });
  kinds.concat(langs).forEach(function (radio) {
    radio.addEventListener('change', function () {
      limit = PAGE_LIMIT;
      updateUrl();
      run(false);
    });
  });
  more.addEventListener('click', function () {
    limit += PAGE_LIMIT;
    run(false);
  });
  arrowKeys(input, list, null);
  run(false);
  if (!input.value) {
    input.focus();
  }
}

/**
 * "/" focuses the search field (the results page's, else the header's) unless the user is typing.
 * @param {KeyboardEvent} event
 */
function onSlash(event) {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
    return;
  }
  let target = /** @type {HTMLElement | null} */ (event.target);
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
    return;
  }
  let input = /** @type {HTMLInputElement | null} */ (document.querySelector('form[data-search-results] input[name="q"]') ||
    document.querySelector('form[data-search-index] input[name="q"]'));
  if (input) {
    event.preventDefault();
    input.focus();
    input.select();
  }
}

function init() {
  let source = document.querySelector('form[data-search-index]');
  if (!source) {
    return;
  }
  config = {
    indexUrl: source.getAttribute('data-search-index') || '',
    pageUrl: source.getAttribute('data-search-page') || source.getAttribute('action') || '',
    root: source.getAttribute('data-search-root') || './',
    version: source.getAttribute('data-search-version') || '',
    noWorker: source.hasAttribute('data-search-no-worker'),
    labels: {}
  };
  for (let i = 0; i < source.attributes.length; i++) {
    let attribute = source.attributes[i];
    if (attribute.name.indexOf('data-i18n-') === 0) {
      config.labels[attribute.name.slice('data-i18n-'.length).replace(/-/g, '_')] = attribute.value;
    }
  }
  let forms = /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll('form[role="search"]'));
  for (let f = 0; f < forms.length; f++) {
    if (forms[f].hasAttribute('data-search-results')) {
      enhancePage(forms[f]);
    } else {
      enhanceBox(forms[f]);
    }
  }
  document.addEventListener('keydown', onSlash);
  highlightFromUrl(function () { return import('./search-engine.js'); }, label('highlight_clear'), label('highlight_count')).catch(function () {
    // The page reads as it is without the marks.
  });
}

// A module script runs once the document is parsed: the search forms are all there.
init();
