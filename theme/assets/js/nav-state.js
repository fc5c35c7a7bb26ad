// @ts-check
// The decisions of the page navigation (nav.js) without the DOM: which section of the text is being read, when the
// back-to-top link shows, the address a heading link copies.

/**
 * The section being read: the last heading whose top has passed the reading line.
 * @param {number[]} tops the headings' tops relative to the viewport, in document order
 * @param {number} line the reading line, from the viewport's top
 * @returns {number} the index of that heading, or -1 while the reader is above the first one
 */
export function currentSection(tops, line) {
  let current = -1;
  for (let i = 0; i < tops.length; i++) {
    if (tops[i] <= line) {
      current = i;
    }
  }
  return current;
}

/**
 * The reading line for a viewport: a third of the way down, so a heading counts as read once it reaches the upper part.
 * @param {number} viewportHeight
 * @returns {number}
 */
export function readingLine(viewportHeight) {
  return Math.round(viewportHeight * 0.3);
}

/**
 * Whether the back-to-top link shows: once the reader has scrolled down more than one screen.
 * @param {number} scrollY how far the page is scrolled
 * @param {number} viewportHeight
 * @returns {boolean}
 */
export function backToTopVisible(scrollY, viewportHeight) {
  return scrollY > viewportHeight;
}

/**
 * The address of a heading: the page's own address with the heading's anchor.
 * @param {string} pageHref the page's address (any fragment is replaced)
 * @param {string} id the heading's id, as written in the page
 * @returns {string}
 */
export function headingUrl(pageHref, id) {
  const url = new URL(pageHref);
  url.hash = id;
  return url.href;
}

/**
 * The heading id a same-page link points at, decoded (a TOC or heading link's href, "#解約率を知る").
 * @param {string | null} href
 * @returns {string | null}
 */
export function anchorOf(href) {
  if (!href || !href.startsWith('#') || href.length < 2) {
    return null;
  }
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}
