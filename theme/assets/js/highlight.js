// @ts-check
/*
 * Marks the words a search result was found by on the page it opens: the results link here with ?highlight=words
 * (search.js), and this wraps each occurrence in the main content in <mark class="search-highlight">, matched as the
 * search matched them (search-engine.js's normalizedMap and findRanges: NFKC, lowercase, across scripts), scrolls to
 * the first (after the heading the link names, if any) and adds a control that removes the marks. The next search
 * removes them too (clearHighlights). search.js passes the engine's matching in, importing the engine's module only on
 * a page opened with ?highlight.
 */

/**
 * The search engine's matching (search-engine.js): text as the tokenizer sees it, mapped back to the original, and the
 * ranges of the original where needles occur.
 * @typedef {{ normalizedMap: (text: string) => { text: string }, findRanges: (map: any, needles: string[]) => number[][] }} Matcher
 */

/** The control that removes the marks, while they are shown. */
/** @type {HTMLElement | null} */
let control = null;

/**
 * The words of ?highlight= in the page's URL.
 * @param {string} search location.search
 * @returns {string[]}
 */
export function highlightWords(search) {
  const value = new URLSearchParams(search).get('highlight') || '';
  return value.split(/[\s\u3000]+/).filter((word) => word.length > 0);
}

/**
 * The text nodes under root that can be marked (not in scripts, form controls or existing marks).
 * @param {Element} root
 * @returns {Text[]}
 */
function textNodes(root) {
  const skipped = /^(SCRIPT|STYLE|TEXTAREA|INPUT|SELECT|OPTION|MARK|SVG|MATH|TEMPLATE|NOSCRIPT)$/;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let parent = node.parentElement; parent && parent !== root; parent = parent.parentElement) {
        if (skipped.test(parent.tagName.toUpperCase()) || parent.closest('form')) {
          return NodeFilter.FILTER_REJECT;
        }
      }
      return node.nodeValue && node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    }
  });
  /** @type {Text[]} */
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(/** @type {Text} */ (node));
  }
  return nodes;
}

/**
 * Wraps the ranges [start, end) of a text node in marks.
 * @param {Text} node
 * @param {number[][]} ranges sorted, not overlapping
 * @returns {HTMLElement[]} the marks
 */
function wrap(node, ranges) {
  const marks = [];
  const text = node.data;
  const parent = /** @type {Node} */ (node.parentNode);
  let at = 0;
  const fragment = document.createDocumentFragment();
  for (const [start, end] of ranges) {
    if (start > at) {
      fragment.appendChild(document.createTextNode(text.slice(at, start)));
    }
    const mark = document.createElement('mark');
    mark.className = 'search-highlight';
    mark.textContent = text.slice(start, end);
    fragment.appendChild(mark);
    marks.push(mark);
    at = end;
  }
  if (at < text.length) {
    fragment.appendChild(document.createTextNode(text.slice(at)));
  }
  parent.replaceChild(fragment, node);
  return marks;
}

/** Removes the marks, the control and ?highlight from the address (a reload shows the page as it is). */
export function clearHighlights() {
  const marks = Array.from(document.querySelectorAll('mark.search-highlight'));
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (parent) {
      parent.replaceChild(document.createTextNode(mark.textContent || ''), mark);
      parent.normalize();
    }
  }
  if (control) {
    control.remove();
    control = null;
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('highlight')) {
    url.searchParams.delete('highlight');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
}

/**
 * Marks the words of ?highlight= in the page's main content, scrolls to the first and adds the control that removes them.
 * @param {() => Promise<Matcher>} matcher loads the engine's matching, called only when there are words to mark
 * @param {string} clearLabel the control's text
 * @param {string} countLabel what the control says about the marks ({count} replaced)
 * @returns {Promise<number>} how many places were marked
 */
export function highlightFromUrl(matcher, clearLabel, countLabel) {
  const words = highlightWords(window.location.search);
  const main = document.getElementById('main') || document.querySelector('main');
  if (words.length === 0 || !main) {
    return Promise.resolve(0);
  }
  return matcher().then((engine) => {
    const needles = words.map((word) => engine.normalizedMap(word).text);
    /** @type {HTMLElement[]} */
    let marks = [];
    for (const node of textNodes(main)) {
      const ranges = engine.findRanges(engine.normalizedMap(node.data), needles);
      if (ranges.length > 0) {
        marks = marks.concat(wrap(node, ranges));
      }
    }
    if (marks.length === 0) {
      return 0;
    }
    showControl(main, clearLabel, countLabel.replace('{count}', String(marks.length)));
    const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    const first = (target && marks.find((mark) => (target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)) || marks[0];
    first.scrollIntoView({ block: 'center' });
    return marks.length;
  });
}

/**
 * @param {HTMLElement} main
 * @param {string} clearLabel
 * @param {string} status
 */
function showControl(main, clearLabel, status) {
  const bar = document.createElement('p');
  bar.className = 'search-highlight-bar';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = status;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-highlight-clear';
  button.textContent = clearLabel;
  button.addEventListener('click', () => {
    clearHighlights();
  });
  bar.appendChild(text);
  bar.appendChild(document.createTextNode(' '));
  bar.appendChild(button);
  main.insertBefore(bar, main.firstChild);
  control = bar;
}
