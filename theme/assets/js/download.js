// @ts-check
// Saves text the page made (a kit, a scorecard) as a file, entirely in the browser: nothing is sent anywhere.

/**
 * Starts the download of `content` as a file called `name`.
 * @param {string} content
 * @param {string} name
 * @param {string} type the file's media type, e.g. 'text/csv;charset=utf-8'
 */
export function saveFile(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  // The download has started from the link's click; the object URL is released once the browser has read it.
  window.setTimeout(() => { URL.revokeObjectURL(url); }, 1000);
}
