// @ts-check
// Navigation of content pages: the sidebar as a drawer on narrow screens (Escape or a tap outside closes it, focus
// moves in and back), the table of contents marking the section being read, heading links that also copy their
// address, and the back-to-top link floating once the reader has scrolled. Without this script the sidebar is a list
// on wide screens, heading links and back to top are plain links. The decisions are in nav-state.js.
import { anchorOf, backToTopVisible, currentSection, headingUrl, readingLine } from './nav-state.js';

const root = document.documentElement;

setUpDrawer();
setUpToc();
setUpHeadingLinks();
setUpBackToTop();

function setUpDrawer() {
  const toggle = /** @type {HTMLButtonElement | null} */ (document.querySelector('.sidebar-toggle'));
  const sidebar = document.getElementById('sidebar');
  const close = /** @type {HTMLButtonElement | null} */ (sidebar && sidebar.querySelector('.sidebar-close'));
  if (!toggle || !sidebar || !close) {
    return;
  }
  const drawer = sidebar;
  const opener = toggle;
  const narrow = window.matchMedia('(max-width: 63.99rem)');
  /** What the open drawer makes inert, so that focus and taps stay in it. */
  const outside = () => /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll('body > .site-header, body > main, body > .site-footer, body > .sidebar-toggle')));
  toggle.hidden = false;
  close.hidden = false;

  const isOpen = () => drawer.classList.contains('is-open');

  function open() {
    drawer.classList.add('is-open');
    opener.setAttribute('aria-expanded', 'true');
    for (const element of outside()) {
      element.inert = true;
    }
    const current = /** @type {HTMLElement | null} */ (drawer.querySelector('a[aria-current="page"]') || drawer.querySelector('a'));
    (current || close)?.focus();
  }

  /** @param {boolean} returnFocus */
  function shut(returnFocus) {
    if (!isOpen()) {
      return;
    }
    drawer.classList.remove('is-open');
    opener.setAttribute('aria-expanded', 'false');
    for (const element of outside()) {
      element.inert = false;
    }
    if (returnFocus) {
      opener.focus();
    }
  }

  toggle.addEventListener('click', () => (isOpen() ? shut(true) : open()));
  close.addEventListener('click', () => shut(true));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) {
      shut(true);
    }
  });
  // A tap on the shade beside the drawer closes it.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Node ? event.target : null;
    if (isOpen() && target && !drawer.contains(target) && !opener.contains(target)) {
      shut(false);
    }
  });
  // Widening the window shows the sidebar in its column: nothing stays inert.
  narrow.addEventListener('change', () => {
    if (!narrow.matches) {
      shut(false);
    }
  });
}

function setUpToc() {
  const toc = document.querySelector('.toc');
  if (!toc || typeof IntersectionObserver !== 'function') {
    return;
  }
  /** @type {{ link: HTMLAnchorElement, heading: HTMLElement }[]} */
  const entries = [];
  for (const link of Array.from(toc.querySelectorAll('a'))) {
    const id = anchorOf(link.getAttribute('href'));
    const heading = id ? document.getElementById(id) : null;
    if (heading) {
      entries.push({ link: /** @type {HTMLAnchorElement} */ (link), heading });
    }
  }
  if (entries.length === 0) {
    return;
  }
  /** @type {HTMLAnchorElement | null} */
  let marked = null;
  const update = () => {
    const index = currentSection(entries.map((e) => e.heading.getBoundingClientRect().top), readingLine(window.innerHeight) + 1);
    const link = index >= 0 ? entries[index].link : null;
    if (link === marked) {
      return;
    }
    if (marked) {
      marked.classList.remove('is-current');
      marked.removeAttribute('aria-current');
    }
    if (link) {
      link.classList.add('is-current');
      link.setAttribute('aria-current', 'location');
    }
    marked = link;
  };
  // The observed band is the viewport above the reading line: a heading crossing that line is what changes the mark.
  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -70% 0px' });
  for (const entry of entries) {
    observer.observe(entry.heading);
  }
  update();
}

function setUpHeadingLinks() {
  const status = /** @type {HTMLElement | null} */ (document.querySelector('.copy-status'));
  /** @type {number | undefined} */
  let timer;
  /** @param {string} text */
  const say = (text) => {
    if (!status) {
      return;
    }
    status.textContent = text;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      status.textContent = '';
    }, 2500);
  };
  for (const element of Array.from(document.querySelectorAll('a.heading-link'))) {
    const link = /** @type {HTMLAnchorElement} */ (element);
    const id = anchorOf(link.getAttribute('href'));
    if (!id) {
      continue;
    }
    // The link still goes to its heading (the address bar gets the anchor); the full address is also copied.
    link.addEventListener('click', () => {
      const url = headingUrl(window.location.href, id);
      const copied = () => {
        for (const other of Array.from(document.querySelectorAll('a.heading-link.is-copied'))) {
          other.classList.remove('is-copied');
        }
        link.classList.add('is-copied');
        say(status?.dataset.copied || '');
      };
      const failed = () => say(status?.dataset.failed || '');
      if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
        navigator.clipboard.writeText(url).then(copied, failed);
      } else {
        failed();
      }
    });
  }
}

function setUpBackToTop() {
  const back = /** @type {HTMLElement | null} */ (document.querySelector('.back-to-top'));
  const link = back && back.querySelector('a');
  if (!back || !link) {
    return;
  }
  root.classList.add('nav-floating');
  let pending = false;
  const update = () => {
    pending = false;
    back.classList.toggle('is-visible', backToTopVisible(window.scrollY, window.innerHeight));
  };
  window.addEventListener('scroll', () => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(update);
    }
  }, { passive: true });
  // Back at the top, keyboard focus goes to the start of the page's content rather than staying on a hidden link.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.scrollTo(0, 0);
    const main = document.getElementById('main');
    if (main) {
      main.focus({ preventScroll: true });
    }
    update();
  });
  update();
}
