// @ts-check
// Glossary terms in a page's text (marked up by the build as .term > button.term-ref + span.term-def): CSS shows a
// definition on hover and keyboard focus; this module adds tap (a touch screen may not focus a button it taps),
// Escape to hide it, and a tap elsewhere to close it.

import { nextState } from './glossary-state.js';

/** @param {Element} term @param {import('./glossary-state.js').TermState} state */
function show(term, state) {
  term.classList.toggle('term-open', state === 'open');
  term.classList.toggle('term-dismissed', state === 'dismissed');
}

/** @param {Element | null} except */
function closeAll(except) {
  document.querySelectorAll('.term.term-open, .term.term-dismissed').forEach(function (term) {
    if (term !== except) {
      show(term, 'closed');
    }
  });
}

/** @param {Element} term @returns {import('./glossary-state.js').TermState} */
function stateOf(term) {
  return term.classList.contains('term-open') ? 'open' : term.classList.contains('term-dismissed') ? 'dismissed' : 'closed';
}

document.addEventListener('click', function (event) {
  let target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
  let button = target ? target.closest('.term-ref') : null;
  let term = button ? button.closest('.term') : null;
  closeAll(term);
  if (term) {
    show(term, nextState(stateOf(term), 'tap'));
  }
});

document.addEventListener('keydown', function (event) {
  if (event.key !== 'Escape') {
    return;
  }
  let active = document.activeElement;
  let term = active ? active.closest('.term') : null;
  closeAll(term);
  if (term) {
    show(term, nextState(stateOf(term), 'escape'));
  }
});

document.addEventListener('focusout', function (event) {
  let target = event.target instanceof Element ? event.target.closest('.term') : null;
  if (target) {
    show(target, nextState(stateOf(target), 'leave'));
  }
});

document.addEventListener('mouseout', function (event) {
  let target = event.target instanceof Element ? event.target.closest('.term') : null;
  let to = event.relatedTarget instanceof Element ? event.relatedTarget.closest('.term') : null;
  if (target && to !== target && stateOf(target) === 'dismissed') {
    show(target, nextState('dismissed', 'leave'));
  }
});
