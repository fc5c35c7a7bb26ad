// @ts-check
// Colour theme toggle: follows the system until the reader chooses, then remembers the choice.
// A module script runs once the document is parsed, so the toggle button is already there.

const root = document.documentElement;
const key = 'hub-theme';

/** @returns {string | null} the stored choice, or null when none or storage is disabled */
function stored() {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** @returns {boolean} whether the page shows the dark theme (chosen, or the system's) */
function isDark() {
  const chosen = root.getAttribute('data-theme');
  if (chosen) { return chosen === 'dark'; }
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

const choice = stored();
if (choice === 'dark' || choice === 'light') { root.setAttribute('data-theme', choice); }

const button = /** @type {HTMLButtonElement | null} */ (document.querySelector('.theme-toggle'));
if (button) {
  button.hidden = false;
  button.setAttribute('aria-pressed', String(isDark()));
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.setAttribute('data-theme', next);
    button.setAttribute('aria-pressed', String(next === 'dark'));
    try { localStorage.setItem(key, next); } catch { /* storage may be disabled: the choice lasts for this page */ }
  });
}
