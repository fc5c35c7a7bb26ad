// @ts-check
// The debrief without the DOM: several interviewers' scorecards of one candidate side by side, per attribute the
// ratings, their spread and whether the panel disagrees, and the attributes nobody rated. The tests import it alone.

/** @typedef {import('./scorecard-state.js').ScorecardRecord} ScorecardRecord */

/**
 * @typedef {object} AttributeSummary
 * @property {string} id
 * @property {string} label
 * @property {(number | null)[]} ratings one per scorecard, in the order loaded
 * @property {number | null} spread highest minus lowest rating, null when nobody rated it
 * @property {boolean} disagreement some rated it in the lower half of the scale and some in the upper half
 */

/**
 * @param {ScorecardRecord[]} records
 * @param {{ id: string, label: string }[]} attributes the catalogue's, in its order
 * @param {number} points the scale's points
 * @returns {{ attributes: AttributeSummary[], gaps: string[] }}
 */
export function summarize(records, attributes, points) {
  // With an even scale the halves meet in the middle; with an odd one the middle point belongs to neither.
  const low = Math.floor(points / 2);
  const high = points - low + 1;
  const summaries = attributes.map((a) => {
    const ratings = records.map((r) => {
      const found = r.attributes.find((x) => x.id === a.id);
      return found ? found.rating : null;
    });
    const given = /** @type {number[]} */ (ratings.filter((x) => x !== null));
    return {
      id: a.id,
      label: a.label,
      ratings,
      spread: given.length === 0 ? null : Math.max(...given) - Math.min(...given),
      disagreement: given.some((x) => x <= low) && given.some((x) => x >= high)
    };
  });
  return { attributes: summaries, gaps: summaries.filter((s) => s.spread === null).map((s) => s.id) };
}

/**
 * The same scorecard loaded twice (the same file, or a copy) counts once.
 * @param {ScorecardRecord[]} records
 * @param {ScorecardRecord} record
 * @returns {boolean}
 */
export function alreadyLoaded(records, record) {
  return records.some((r) => r.interviewer === record.interviewer && r.candidate === record.candidate && r.saved === record.saved);
}
