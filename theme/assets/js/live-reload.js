// hub serve only: reloads the page when a rebuild finished (server-sent events from the preview server).
(function () {
  'use strict';
  var script = document.currentScript;
  var url = script && script.getAttribute('data-events');
  if (!url || !window.EventSource) { return; }
  var source = new EventSource(url);
  source.onmessage = function (event) {
    if (event.data === 'reload') { window.location.reload(); }
  };
})();
