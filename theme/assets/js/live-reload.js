// @ts-check
// hub serve only: reloads the page when a rebuild finished (server-sent events from the preview server), and hands
// the diagnostics of a failed build to the error overlay (build-errors.js) as a 'hub:build-errors' event.
// A module script has no document.currentScript: its own tag is found by the attribute it carries.

const script = document.querySelector('script[data-events]');
const url = script && script.getAttribute('data-events');
if (url && typeof window.EventSource === 'function') {
  const source = new EventSource(url);
  source.onmessage = (event) => {
    if (event.data === 'reload') { window.location.reload(); }
  };
  source.addEventListener('errors', (event) => {
    /** @type {unknown} */
    let diagnostics;
    try { diagnostics = JSON.parse(/** @type {MessageEvent} */ (event).data); } catch { return; }
    document.dispatchEvent(new CustomEvent('hub:build-errors', { detail: diagnostics }));
  });
}
