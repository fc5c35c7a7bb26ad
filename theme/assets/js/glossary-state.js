// @ts-check
// The state of one explained term, without the DOM: 'open' (tapped open), 'dismissed' (Escape hid it while it is
// hovered or focused) or 'closed' (CSS shows it on hover and focus).

/** @typedef {'open' | 'closed' | 'dismissed'} TermState */
/** @typedef {'tap' | 'escape' | 'leave'} TermEvent */

/**
 * @param {TermState} state
 * @param {TermEvent} event
 * @returns {TermState}
 */
export function nextState(state, event) {
  if (event === 'tap') {
    return state === 'open' ? 'dismissed' : 'open';
  }
  if (event === 'escape') {
    return 'dismissed';
  }
  return 'closed';
}
