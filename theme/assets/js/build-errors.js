// @ts-check
// hub serve only: shows the diagnostics of a failed build over the open page, which still shows the last good
// build. The live-reload script passes them on; the next successful build reloads the page, which clears them.
// Built with DOM calls and textContent only: a message quotes the author's text, which must never become markup.

/**
 * One diagnostic as the preview server sends it.
 * @typedef {{ file: string, line: number, column: number, severity: string, code: string, message: string, hint?: string }} Diagnostic
 */

/** @type {HTMLElement | null} */
let overlay = null;
/** @type {Element | null} */
let returnFocus = null;

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 * @returns {HTMLElement}
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text) { node.textContent = text; }
  return node;
}

/** @param {Diagnostic} d @returns {string} file(line,col), or the file alone */
function place(d) {
  return d.line > 0 ? d.file + '(' + d.line + ',' + d.column + ')' : String(d.file);
}

function close() {
  if (!overlay) { return; }
  overlay.remove();
  overlay = null;
  if (returnFocus instanceof HTMLElement && document.contains(returnFocus)) { returnFocus.focus(); }
  returnFocus = null;
}

/** @param {Diagnostic[]} diagnostics */
function show(diagnostics) {
  if (overlay) {
    overlay.remove();
  } else {
    returnFocus = document.activeElement;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  overlay = element('section', 'hub-build-errors');
  overlay.setAttribute('role', 'alertdialog');
  overlay.setAttribute('aria-labelledby', 'hub-build-errors-title');
  overlay.setAttribute('aria-describedby', 'hub-build-errors-note');
  overlay.setAttribute('lang', 'en');
  const header = element('div', 'hub-build-errors-header');
  const title = element('h2', 'hub-build-errors-title', 'Build failed: ' + errors + (errors === 1 ? ' error' : ' errors'));
  title.id = 'hub-build-errors-title';
  const dismiss = element('button', 'hub-build-errors-close', 'Close');
  /** @type {HTMLButtonElement} */ (dismiss).type = 'button';
  dismiss.addEventListener('click', close);
  header.appendChild(title);
  header.appendChild(dismiss);
  const note = element('p', 'hub-build-errors-note', 'This page is from the last good build. Fix the files and save: Hub rebuilds and reloads the page.');
  note.id = 'hub-build-errors-note';
  const list = element('ol', 'hub-build-errors-list');
  diagnostics.forEach((d) => {
    const severity = d.severity === 'warning' ? 'warning' : 'error';
    const item = element('li', 'hub-build-error hub-build-error-' + severity);
    item.appendChild(element('code', 'hub-build-error-place', place(d)));
    item.appendChild(element('span', 'hub-build-error-code', severity + ' ' + d.code));
    item.appendChild(element('p', 'hub-build-error-message', String(d.message)));
    if (d.hint) { item.appendChild(element('p', 'hub-build-error-hint', String(d.hint))); }
    list.appendChild(item);
  });
  overlay.appendChild(header);
  overlay.appendChild(note);
  overlay.appendChild(list);
  document.body.appendChild(overlay);
  dismiss.focus();
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && overlay) { close(); }
});
document.addEventListener('hub:build-errors', (event) => {
  const detail = /** @type {CustomEvent} */ (event).detail;
  if (Array.isArray(detail)) { show(detail); }
});
