// @ts-check
// Starts one of the site's ES modules, as a classic script so that a page opened from disk stays clean.
//
// A page names each module it runs with a tag of its own:
//   <script src="…/assets/js/boot.js" data-module="…/assets/js/calculator.js" defer></script>
// Served over HTTP (any host, any path prefix), this adds the module to the page. Opened from disk (file://),
// Chromium refuses module scripts (their requests have an opaque origin), and a module tag there only leaves an error
// on the console; instead this marks the page (`hub-file` on <html>, which shows the notices saying what needs a
// server) and makes the site's folder links open their index.html, since no server is there to do it.

(function () {
  const root = document.documentElement;
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const onDisk = window.location.protocol === 'file:';

  if (onDisk) {
    if (!root.classList.contains('hub-file')) {
      root.classList.add('hub-file');
      openFolderIndexes();
    }
    return;
  }
  const name = script && script.getAttribute('data-module');
  if (!name) {
    return;
  }
  const module = document.createElement('script');
  module.type = 'module';
  module.src = new URL(name, window.location.href).href;
  // Run in the order the page lists them, as module tags in the markup would.
  module.async = false;
  document.head.appendChild(module);

  /** Points every link and form of this site that ends in a folder at that folder's index.html. */
  function openFolderIndexes() {
    const here = window.location.href;
    /** @param {string} value @returns {string | null} */
    const indexOf = (value) => {
      const url = new URL(value, here);
      if (url.protocol !== 'file:' || !url.pathname.endsWith('/')) {
        return null;
      }
      url.pathname += 'index.html';
      return url.href;
    };
    for (const link of Array.from(document.querySelectorAll('a[href]'))) {
      const href = link.getAttribute('href') || '';
      // In-page anchors stay as they are; the reader is already on the file.
      const target = href.startsWith('#') ? null : indexOf(href);
      if (target) {
        link.setAttribute('href', target);
      }
    }
    for (const form of Array.from(document.querySelectorAll('form[action]'))) {
      const target = indexOf(form.getAttribute('action') || '');
      if (target) {
        form.setAttribute('action', target);
      }
    }
  }
})();
