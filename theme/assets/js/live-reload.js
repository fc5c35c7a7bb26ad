// hub serve only: reloads the page when a rebuild finished (server-sent events from the preview server), and hands
// the diagnostics of a failed build to the error overlay (build-errors.js) as a 'hub:build-errors' event.
(function () {
  'use strict';
  var script = document.currentScript;
  var url = script && script.getAttribute('data-events');
  if (!url || !window.EventSource) { return; }
  var source = new EventSource(url);
  source.onmessage = function (event) {
    if (event.data === 'reload') { window.location.reload(); }
  };
  source.addEventListener('errors', function (event) {
    var diagnostics;
    try { diagnostics = JSON.parse(event.data); } catch (e) { return; }
    document.dispatchEvent(new CustomEvent('hub:build-errors', { detail: diagnostics }));
  });
})();
