// Colour theme toggle: follows the system until the reader chooses, then remembers the choice.
(function () {
  'use strict';
  var root = document.documentElement;
  var key = 'hub-theme';
  var stored = null;
  try { stored = localStorage.getItem(key); } catch (e) { /* storage may be disabled */ }
  if (stored === 'dark' || stored === 'light') { root.setAttribute('data-theme', stored); }

  function isDark() {
    var chosen = root.getAttribute('data-theme');
    if (chosen) { return chosen === 'dark'; }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.theme-toggle');
    if (!button) { return; }
    button.hidden = false;
    button.setAttribute('aria-pressed', String(isDark()));
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      button.setAttribute('aria-pressed', String(next === 'dark'));
      try { localStorage.setItem(key, next); } catch (e) { /* ignore */ }
    });
  });
})();
