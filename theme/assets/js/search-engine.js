// @ts-check
/*
 * Hub search engine: loads a language's lunr index (written by Hub.Search.SearchIndexWriter) piece by
 * piece, answers queries built from search-tokenizer.js tokens (never lunr's query parser), confirms
 * CJK adjacency on the stored text, and returns plain data (titles, snippets, highlight ranges).
 *
 * What it fetches, from search/{lang}/: index-titles.json (the title tier and the manifest) and
 * docs.json first; then, for a query the title tier cannot answer well, only the full-text shards
 * index-full-{k}.json of the query's terms (k from the term's first character, shardOf), and only
 * the text chunks text-{k}.json of the documents it shows or must confirm. Everything is cached.
 *
 * An ES module importing lunr (lunr.module.js), the tokenizer and the shard hash constants (search-tables.js,
 * generated from the C# side). search-worker.js runs it in a module worker, so that parsing and loading the
 * full-text tier never blocks the page; search.js imports it on the page where workers are unavailable.
 */

import lunr from './lunr.module.js';
import { SHARD_HASH } from './search-tables.js';
import * as tokenizerModule from './search-tokenizer.js';

/** Below this many first-tier results, the full-text tier is loaded and asked instead. */
let FIRST_TIER_ENOUGH = 10;
/** Adjacency is confirmed on the stored text this many candidates (at least) at a time. */
let CONFIRM_BATCH = 4;
/**
 * A search fetches about 2 × limit + CONFIRM_BATCH text chunks (twice that while it has nothing to
 * show) to confirm adjacency: a common
 * pair of bigrams can have hundreds of candidates. Past that, the remaining candidates are counted
 * unconfirmed (the response is approximate: "about N") and a larger limit (the results page's
 * "more") confirms further from the cache. Shown results are always confirmed.
 */
let CONFIRM_CHUNKS_PER_LIMIT = 2;
/** Shards listed in "ends" that a one-character query loads per result asked for (2 for 20). */
let ENDS_PER_LIMIT = 0.1;
let SNIPPET_LENGTH = 140;
let SNIPPET_BEFORE = 30;

// Docs store columns (docs.json): [kind, url, title, section, summary, tags]
let KIND = 0;
let URL = 1;
let TITLE = 2;
let SECTION = 3;
let SUMMARY = 4;
let TAGS = 5;

/**
 * A query clause: a term, how it may extend (none, a prefix, anywhere in a bigram), its edit distance when fuzzy.
 * @typedef {{ term: string, wildcard: 'none' | 'trailing' | 'both', editDistance?: number }} Clause
 */
/**
 * A parsed query: clauses, CJK runs whose adjacency is checked, needles to highlight, terms that may be retried fuzzy,
 * and (on a fuzzy retry) the index terms that matched instead.
 * @typedef {{ clauses: Clause[], phrases: Run[], needles: string[], fuzzy: string[], corrected?: string[] }} ParsedQuery
 */
/** @typedef {import('./search-tokenizer.js').Run} Run */
/** @typedef {{ text: string, ranges: number[][] }} Highlighted */
/** @typedef {{ text: string, starts: number[], ends: number[] }} NormalizedMap */

function tokenizer() {
  return tokenizerModule;
}

// lunr only reads postings: every empty posting and every ref's (empty) metadata can be one object.
let EMPTY = Object.freeze({});

/**
 * The lunr ref of the document at a position (see LunrPackedIndexJson.Ref).
 * @param {number} position
 * @returns {string}
 */
function ref(position) {
  return 'd' + position;
}

/**
 * The full-text shard of a term among n (a power of two): FNV-1a (32-bit) over the four
 * little-endian bytes of its first code point, high half folded into the low one, masked.
 * Hub.Search.Lunr.LunrShardedIndexJson.ShardOf computes the same.
 * @param {string} term
 * @param {number} n
 * @returns {number}
 */
function shardOf(term, n) {
  if (n <= 1 || !term) {
    return 0;
  }
  let cp = /** @type {number} */ (term.codePointAt(0));
  let hash = SHARD_HASH.offset;
  for (let i = 0; i < 4; i++) {
    hash ^= (cp >>> (8 * i)) & 0xFF;
    hash = Math.imul(hash, SHARD_HASH.prime) >>> 0;
  }
  return ((hash ^ (hash >>> 16)) & (n - 1)) >>> 0;
}

/** The letters a Latin index term one edit away from a typed word may start with (fuzzy terms are [a-z]{5,}). */
let LATIN_INITIALS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The full-text shards a clause's matches can be in: its term's own; for a fuzzy clause (a typo) also those of
 * every letter a–z, since an edit of the first letter (substituted, inserted, deleted, swapped with the second)
 * gives a term that starts with another letter, in another shard.
 * @param {Clause} clause
 * @param {number} n the shard count
 * @returns {number[]}
 */
function clauseShards(clause, n) {
  /** @type {number[]} */
  let ks = [shardOf(clause.term, n)];
  if (clause.editDistance) {
    for (let i = 0; i < LATIN_INITIALS.length; i++) {
      let k = shardOf(LATIN_INITIALS[i], n);
      if (ks.indexOf(k) < 0) {
        ks.push(k);
      }
    }
  }
  return ks;
}

/**
 * Rebuilds, from packed parts, the object lunr.Index.load takes. The first part (and any other
 * part of Hub.Search.Lunr.LunrPackedIndexJson) lists every document's vectors; a shard of
 * LunrShardedIndexJson ("postings" present) lists its terms' postings. From all parts (or the
 * first tier and every shard) it is exactly JSON.parse(JSON.stringify(index)) of lunr.js 2.3.9;
 * from fewer, the index of just the loaded fields and terms, with the same term indexes and scores.
 * @param {any} parts the parsed JSON of one part or an array of them
 * @returns {any} what lunr.Index.load takes
 */
function unpack(parts) {
  if (!Array.isArray(parts)) {
    parts = [parts];
  }
  /** @type {string[]} */
  let fields = [];
  /** @type {Record<string, number>} */
  let fieldAt = {};
  /** @type {[string, Record<string, any>][]} */
  let terms = [];
  /** @type {Record<string, any>[]} */
  let postings = [];
  /** @type {number} */
  let p;
  let i;
  let f;
  for (p = 0; p < parts.length; p++) {
    for (f = 0; f < parts[p].fields.length; f++) {
      if (!Object.prototype.hasOwnProperty.call(fieldAt, parts[p].fields[f])) {
        fieldAt[parts[p].fields[f]] = fields.length;
        fields.push(parts[p].fields[f]);
      }
    }
  }
  for (p = 0; p < parts.length; p++) {
    let id = 0;
    for (i = 0; i < parts[p].terms.length; i++) {
      id += parts[p].ids[i];
      if (typeof parts[p].terms[i] !== 'string') {
        continue; // a shard's posting of a term an earlier part has
      }
      /** @type {Record<string, any>} */
      let posting = { _index: id };
      for (f = 0; f < fields.length; f++) {
        posting[fields[f]] = EMPTY;
      }
      postings[id] = posting;
      terms.push([parts[p].terms[i], posting]);
    }
  }
  let documents = parts[0].vectors.length;
  let fieldCount = fields.length;
  let vectors = new Array(documents * fieldCount);
  let writer = new Array(documents * fieldCount); // the part that last wrote each vector
  /** @type {number[]} */
  let merged = []; // vectors filled by more than one part: sorted at the end
  /** @type {Record<number, boolean>} */
  let isMerged = {};

  /**
   * @param {number} slot
   * @param {number} termIndex
   * @param {number} score
   * @param {string} docRef
   * @param {string} field
   */
  function add(slot, termIndex, score, docRef, field) {
    let elements = vectors[slot];
    if (elements === undefined) {
      elements = vectors[slot] = [];
    } else if (writer[slot] !== p && elements.length > 0 && !isMerged[slot]) {
      isMerged[slot] = true;
      merged.push(slot);
    }
    writer[slot] = p;
    elements.push(termIndex, score / 1000);
    let fieldPosting = postings[termIndex][field];
    if (fieldPosting === EMPTY) {
      fieldPosting = postings[termIndex][field] = {};
    }
    fieldPosting[docRef] = EMPTY;
  }

  for (p = 0; p < parts.length; p++) {
    let part = parts[p];
    let termIndex;
    if (part.postings) {
      let shardFields = part.fields.length;
      termIndex = 0;
      for (i = 0; i < part.postings.length; i++) {
        termIndex += part.ids[i];
        let list = part.postings[i];
        let position = 0;
        for (let e = 0; e < list.length; e += 2) {
          position += Math.floor(list[e] / shardFields);
          let field = part.fields[list[e] % shardFields];
          add(position * fieldCount + fieldAt[field], termIndex, list[e + 1], ref(position), field);
        }
      }
      continue;
    }
    for (let d = 0; d < part.vectors.length; d++) {
      let docRef = ref(d);
      for (f = 0; f < part.fields.length; f++) {
        let packedVector = part.vectors[d][f];
        let slot = d * fieldCount + fieldAt[part.fields[f]];
        if (vectors[slot] === undefined) {
          vectors[slot] = [];
        }
        termIndex = 0;
        for (i = 0; i < packedVector.length; i += 2) {
          termIndex += packedVector[i];
          add(slot, termIndex, packedVector[i + 1], docRef, part.fields[f]);
        }
      }
    }
  }
  for (i = 0; i < merged.length; i++) {
    vectors[merged[i]] = sortPairs(vectors[merged[i]]);
  }
  let fieldVectors = new Array(vectors.length);
  for (let k = 0; k < documents; k++) {
    for (f = 0; f < fieldCount; f++) {
      fieldVectors[k * fieldCount + f] = [fields[f] + '/' + ref(k), vectors[k * fieldCount + f] || []];
    }
  }
  terms.sort(function (a, b) {
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  });
  return { version: parts[0].version, fields: fields, fieldVectors: fieldVectors, invertedIndex: terms, pipeline: [] };
}

/**
 * [index, value, index, value, …] sorted by index (lunr's vectors are; dot products rely on it).
 * @param {number[]} flat
 * @returns {number[]}
 */
function sortPairs(flat) {
  let order = [];
  for (let i = 0; i < flat.length; i += 2) {
    order.push(i);
  }
  order.sort(function (a, b) { return flat[a] - flat[b]; });
  let sorted = new Array(flat.length);
  for (let k = 0; k < order.length; k++) {
    sorted[2 * k] = flat[order[k]];
    sorted[2 * k + 1] = flat[order[k] + 1];
  }
  return sorted;
}

/**
 * Turns a query into lunr clauses: every token required; a one-character CJK run matches any bigram
 * holding it; while typing, the last word is a prefix. Runs of 3+ CJK characters become phrases
 * whose adjacency is checked on the stored text (bigrams alone would let 京都…東京 match 東京都).
 * @param {string} query
 * @param {boolean} [typing]
 * @returns {ParsedQuery}
 */
function parseQuery(query, typing) {
  let runs = tokenizer().runs(query);
  /** @type {Clause[]} */
  let clauses = [];
  /** @type {Run[]} */
  let phrases = [];
  /** @type {string[]} */
  let needles = [];
  /** @type {Record<string, boolean>} */
  let seen = {};
  let endsOpen = typing && !/[\s\u3000]$/.test(query);
  /** @type {string[]} */
  let fuzzy = []; // terms of Latin words of 5+ letters: retried at edit distance 1 when nothing matches

  /**
   * @param {string} term
   * @param {Clause['wildcard']} wildcard
   */
  function add(term, wildcard) {
    let key = wildcard + ':' + term;
    if (!seen[key]) {
      seen[key] = true;
      clauses.push({ term: term, wildcard: wildcard });
    }
  }

  for (let i = 0; i < runs.length; i++) {
    let run = runs[i];
    needles.push(run.text);
    if (run.type === 'word') {
      // The index holds stems: a word typed so far is a prefix of its stem's terms ("churne" of "churn").
      let term = tokenizer().stem(run.text);
      let open = endsOpen && i === runs.length - 1;
      add(term, open ? 'trailing' : 'none');
      if (term !== run.text) {
        needles.push(term);
      }
      if (!open && /^[a-z]{5,}$/.test(run.text)) {
        fuzzy.push(term);
      }
      continue;
    }
    if (run.chars.length === 1) {
      add(run.chars[0], 'both');
      continue;
    }
    let tokens = tokenizer().runTokens(run);
    for (let j = 0; j < tokens.length; j++) {
      add(tokens[j], 'none');
    }
    if (run.chars.length >= 3) {
      phrases.push(run);
    }
  }
  return { clauses: clauses, phrases: phrases, needles: needles, fuzzy: fuzzy };
}

/**
 * The query again with its Latin words of 5+ letters at edit distance 1 (lunr counts a transposition as one
 * edit), or null when it has none. Engine.shardsFor loads, for such a clause, the shards of every letter a–z as
 * well as its own: a typo in a word's first letter moves the term to another shard.
 * @param {ParsedQuery} parsed
 * @returns {ParsedQuery | null}
 */
function fuzzyQuery(parsed) {
  if (parsed.fuzzy.length === 0) {
    return null;
  }
  let clauses = parsed.clauses.map(function (clause) {
    return parsed.fuzzy.indexOf(clause.term) >= 0 && clause.wildcard === 'none'
      ? { term: clause.term, wildcard: clause.wildcard, editDistance: 1 } : clause;
  });
  return { clauses: clauses, phrases: parsed.phrases, needles: parsed.needles.slice(), fuzzy: [], corrected: [] };
}

/**
 * @param {lunr.Index} index
 * @param {Clause[]} clauses
 * @returns {lunr.Result[]}
 */
function queryIndex(index, clauses) {
  let wildcards = {
    none: lunr.Query.wildcard.NONE,
    trailing: lunr.Query.wildcard.TRAILING,
    both: lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING
  };
  return index.query(function (q) {
    for (let i = 0; i < clauses.length; i++) {
      /** @type {Omit<lunr.Clause, 'term'>} */
      let options = {
        presence: lunr.Query.presence.REQUIRED,
        usePipeline: false,
        wildcard: wildcards[clauses[i].wildcard]
      };
      if (clauses[i].editDistance) {
        // Only then: lunr matches a clause with any editDistance (0 too) literally, wildcards included.
        options.editDistance = clauses[i].editDistance;
      }
      q.term(clauses[i].term, options);
    }
  });
}

/**
 * The hits of a parsed query; for a fuzzy one (parsed.corrected), the index terms its hits matched become
 * needles to highlight and the corrections the response reports.
 * @param {lunr.Index} index
 * @param {ParsedQuery} parsed
 * @returns {lunr.Result[]}
 */
function matching(index, parsed) {
  let hits = queryIndex(index, parsed.clauses);
  if (parsed.corrected) {
    for (let h = 0; h < hits.length; h++) {
      let terms = Object.keys(hits[h].matchData.metadata);
      for (let t = 0; t < terms.length; t++) {
        if (parsed.corrected.indexOf(terms[t]) < 0) {
          parsed.corrected.push(terms[t]);
          parsed.needles.push(terms[t]);
        }
      }
    }
    parsed.corrected.sort();
  }
  return hits;
}

/**
 * The words of the shown results (titles, snippets) whose stems are the matched index terms, as the author wrote
 * them in lowercase ("retention", not its stem "retent"); a term found in none of them is given as it is.
 * @param {{ title: Highlighted, snippet: Highlighted | null }[]} results
 * @param {string[]} terms
 * @returns {string[]}
 */
function correctedWords(results, terms) {
  let words = [];
  for (let t = 0; t < terms.length; t++) {
    let word = '';
    for (let r = 0; r < results.length && !word; r++) {
      let parts = [results[r].title, results[r].snippet];
      for (let p = 0; p < parts.length && !word; p++) {
        word = wordWithStem(parts[p], terms[t]);
      }
    }
    words.push(word || terms[t]);
  }
  return words;
}

/**
 * The first word of a result's title or snippet ({text, ranges}) whose stem is the term, or ''.
 * @param {Highlighted | null} highlighted
 * @param {string} term
 * @returns {string}
 */
function wordWithStem(highlighted, term) {
  if (!highlighted || !highlighted.text) {
    return '';
  }
  let words = highlighted.text.match(/[a-z]+/gi) || [];
  for (let w = 0; w < words.length; w++) {
    let word = words[w].toLowerCase();
    if (tokenizer().stem(word) === term) {
      return word;
    }
  }
  return '';
}

/**
 * True when every phrase occurs inside one run (same script) of the text.
 * @param {Run[]} runs
 * @param {Run[]} phrases
 * @returns {boolean}
 */
function containsPhrases(runs, phrases) {
  for (let p = 0; p < phrases.length; p++) {
    let found = false;
    for (let r = 0; r < runs.length && !found; r++) {
      found = runs[r].type === phrases[p].type && runs[r].text.indexOf(phrases[p].text) >= 0;
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

let EXTENDER = /^[\p{M}\u200C\u200D\uFE00-\uFE0F\uFF9E\uFF9F]$/u;

/**
 * The text normalized as the tokenizer sees it (NFKC, lowercase, katakana as hiragana), with, for each UTF-16 unit of
 * it, where it came from in the original (start, end), so matches can be highlighted in the
 * author's own text. Normalizes one base character and its marks at a time.
 * @param {string} text
 * @returns {NormalizedMap}
 */
function normalizedMap(text) {
  let T = tokenizer();
  let norm = '';
  let starts = [];
  let ends = [];
  let i = 0;
  while (i < text.length) {
    let start = i;
    i += String.fromCodePoint(/** @type {number} */ (text.codePointAt(i))).length;
    while (i < text.length) {
      let next = String.fromCodePoint(/** @type {number} */ (text.codePointAt(i)));
      if (!EXTENDER.test(next)) {
        break;
      }
      i += next.length;
    }
    let segment = T.normalize(text.slice(start, i));
    let lowered = '';
    for (let k = 0; k < segment.length;) {
      let cp = /** @type {number} */ (segment.codePointAt(k));
      k += cp > 0xFFFF ? 2 : 1;
      lowered += T.lower(T.foldKana(cp)); // kana folded as the tokenizer folds it, one unit for one
    }
    for (let u = 0; u < lowered.length; u++) {
      starts.push(start);
      ends.push(i);
    }
    norm += lowered;
  }
  return { text: norm, starts: starts, ends: ends };
}

/**
 * Ranges [start, end) of the original text matching any needle, merged and sorted.
 * @param {NormalizedMap} map
 * @param {string[]} needles
 * @returns {number[][]}
 */
function findRanges(map, needles) {
  let ranges = [];
  for (let n = 0; n < needles.length; n++) {
    let needle = needles[n];
    if (!needle) {
      continue;
    }
    for (let at = map.text.indexOf(needle); at >= 0; at = map.text.indexOf(needle, at + needle.length)) {
      ranges.push([map.starts[at], map.ends[at + needle.length - 1]]);
    }
  }
  ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  let merged = [];
  for (let r = 0; r < ranges.length; r++) {
    let last = merged[merged.length - 1];
    if (last && ranges[r][0] <= last[1]) {
      last[1] = Math.max(last[1], ranges[r][1]);
    } else {
      merged.push([ranges[r][0], ranges[r][1]]);
    }
  }
  return merged;
}

/**
 * @param {string} text
 * @param {string[]} needles
 * @returns {Highlighted}
 */
function highlight(text, needles) {
  return { text: text, ranges: findRanges(normalizedMap(text), needles) };
}

/**
 * A window of the text around the first match, with its highlight ranges relative to the window.
 * @param {string | undefined} text
 * @param {string[]} needles
 * @returns {{ text: string, ranges: number[][], before: boolean, after: boolean, matched: boolean } | null}
 */
function snippet(text, needles) {
  if (!text) {
    return null;
  }
  let all = findRanges(normalizedMap(text), needles);
  let from = 0;
  if (all.length > 0 && all[0][0] > SNIPPET_BEFORE) {
    from = all[0][0] - SNIPPET_BEFORE;
    let lineStart = text.lastIndexOf('\n', all[0][0]);
    if (lineStart >= from) {
      from = lineStart + 1;
    }
  }
  // Not in the middle of a word of a spaced script: from the next word on ("…renewal pricing", not "…s renewal").
  if (from > 0 && /[\p{L}\p{N}]/u.test(text.charAt(from - 1)) && /[\p{L}\p{N}]/u.test(text.charAt(from))) {
    let space = text.slice(from, all[0][0]).search(/\s/);
    if (space >= 0) {
      from += space + 1;
    }
  }
  if (from > 0 && text.charCodeAt(from) >= 0xDC00 && text.charCodeAt(from) <= 0xDFFF) {
    from--;
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  if (to < text.length && text.charCodeAt(to) >= 0xDC00 && text.charCodeAt(to) <= 0xDFFF) {
    to++;
  }
  let ranges = [];
  for (let r = 0; r < all.length; r++) {
    let s = Math.max(all[r][0], from);
    let e = Math.min(all[r][1], to);
    if (s < e) {
      ranges.push([s - from, e - from]);
    }
  }
  let shown = separateLines(text.slice(from, to), ranges);
  return {
    text: shown.text,
    ranges: shown.ranges,
    before: from > 0,
    after: to < text.length,
    matched: all.length > 0
  };
}

/** Between the stored text's lines (paragraphs, list items, table cells) a snippet reads " · ", not words run together. */
let LINE_SEPARATOR = ' · ';

/**
 * The text with each run of line breaks (and the spaces around it) as LINE_SEPARATOR, none at either end, and the
 * ranges moved with it.
 * @param {string} text
 * @param {number[][]} ranges
 */
function separateLines(text, ranges) {
  let out = '';
  let shift = []; // for each original index, its index in out
  let breaks = /[ \t]*\n[\s]*/g;
  let at = 0;
  let match;
  let lead = text.match(/^\s*/);
  let start = lead ? lead[0].length : 0;
  for (let i = 0; i < start; i++) {
    shift.push(0);
  }
  at = start;
  breaks.lastIndex = start;
  while ((match = breaks.exec(text)) !== null) {
    for (let i = at; i < match.index; i++) {
      shift.push(out.length);
      out += text[i];
    }
    let last = match.index + match[0].length === text.length;
    for (let i = match.index; i < match.index + match[0].length; i++) {
      shift.push(out.length);
    }
    if (!last) {
      out += LINE_SEPARATOR;
    }
    at = match.index + match[0].length;
  }
  for (let i = at; i < text.length; i++) {
    shift.push(out.length);
    out += text[i];
  }
  shift.push(out.length);
  let moved = [];
  for (let r = 0; r < ranges.length; r++) {
    let s = shift[ranges[r][0]];
    let e = shift[ranges[r][1]];
    if (s < e) {
      moved.push([s, e]);
    }
  }
  return { text: out, ranges: moved };
}

/** The engine of one language's index; everything it fetches is cached. */
class Engine {
  /** @param {{ indexUrl: string, fetchJson: (url: string) => Promise<any> }} config */
  constructor(config) {
    this.indexUrl = config.indexUrl;
    this.fetchJson = config.fetchJson;
    /** @type {Promise<lunr.Index> | null} */
    this.titlesLoad = null;
    /** @type {lunr.Index} */
    this.titles = /** @type {any} */ (null); // the title tier's lunr index, once loaded
    /** @type {any} */
    this.titlesPart = null;
    /** @type {any[][]} */
    this.docs = /** @type {any} */ (null); // docs.json, once loaded
    this.shardCount = 1;
    /** @type {number[]} */
    this.chunkOf = /** @type {any} */ (null); // document position -> text chunk
    /** @type {number[]} */
    this.chunkStart = /** @type {any} */ (null); // text chunk -> its first document position
    /** @type {Record<string, any>} */
    this.shards = {}; // k -> loaded shard part
    /** @type {Record<string, Promise<any>>} */
    this.shardLoads = {}; // k -> promise of it
    /** @type {lunr.Index | null} */
    this.full = null; // lunr index of the title tier and every loaded shard
    this.fullKey = '';
    /** @type {Record<string, string[]>} */
    this.chunks = {}; // k -> loaded texts
    /** @type {Record<string, Promise<string[]>>} */
    this.chunkLoads = {};
    /** @type {Record<number, Array<string | number>>} */
    this.sections = {}; // document position -> [start, id, start, id, …] of its headings (from its text chunk)
    /** @type {Record<number, Run[]>} */
    this.titleRunsCache = {};
    /** @type {Record<number, Run[]>} */
    this.textRunsCache = {};
  }

  /** Loads the title tier: index-titles.json (with the manifest) and docs.json. */
  load() {
    let self = this;
    if (!self.titlesLoad) {
      self.titlesLoad = Promise.all([self.fetchJson(self.indexUrl + 'index-titles.json'), self.fetchJson(self.indexUrl + 'docs.json')])
        .then(function (loaded) {
          let part = loaded[0];
          self.titlesPart = part;
          self.docs = loaded[1];
          self.shardCount = part.shards || 1;
          self.chunkOf = new Array(self.docs.length);
          self.chunkStart = [];
          let position = 0;
          let sizes = part.chunks || [];
          for (let c = 0; c < sizes.length; c++) {
            self.chunkStart.push(position);
            for (let i = 0; i < sizes[c]; i++) {
              self.chunkOf[position++] = c;
            }
          }
          self.titles = lunr.Index.load(unpack([part]));
          return self.titles;
        });
      self.titlesLoad.catch(function () {
        self.titlesLoad = null;
      });
    }
    return self.titlesLoad;
  }

  /**
   * @param {number} k
   * @returns {Promise<any>}
   */
  loadShard(k) {
    let self = this;
    return cached(self.shardLoads, k, function () {
      return self.fetchJson(self.indexUrl + 'index-full-' + k + '.json').then(function (part) {
        self.shards[k] = part;
        return part;
      });
    });
  }

  /**
   * @param {number[]} ks
   * @returns {Promise<any[]>}
   */
  loadShards(ks) {
    let self = this;
    return Promise.all(ks.map(function (k) { return self.loadShard(k); }));
  }

  /**
   * Loads the shards a query needs: each term's own; for a one-character CJK clause (matched
   * anywhere in a bigram) also the shards its own shard lists in "ends" (bigrams ending with the
   * character), ENDS_PER_LIMIT of them per `limit` results asked for (a common character is in
   * every shard). Resolves to true when every needed shard is loaded; otherwise the results are all
   * true matches (each holds the character) but some may be missing, and scores lower.
   * @param {Clause[]} clauses
   * @param {number} limit
   * @returns {Promise<boolean>}
   */
  shardsFor(clauses, limit) {
    let self = this;
    /** @type {Record<number, boolean>} */
    let own = {};
    let i;
    for (i = 0; i < clauses.length; i++) {
      let ks = clauseShards(clauses[i], self.shardCount);
      for (let j = 0; j < ks.length; j++) {
        own[ks[j]] = true;
      }
    }
    return self.loadShards(Object.keys(own).map(Number)).then(function () {
      let more = [];
      let allowance = Math.ceil(limit * ENDS_PER_LIMIT);
      let complete = true;
      for (i = 0; i < clauses.length; i++) {
        if (clauses[i].wildcard === 'both') {
          let ends = self.shards[shardOf(clauses[i].term, self.shardCount)].ends;
          let list = ends && Object.prototype.hasOwnProperty.call(ends, clauses[i].term) ? ends[clauses[i].term] : [];
          for (let j = 0; j < list.length; j++) {
            if (self.shards[list[j]] || more.indexOf(list[j]) >= 0) {
              continue;
            }
            if (more.length < allowance) {
              more.push(list[j]);
            } else {
              complete = false;
            }
          }
        }
      }
      return self.loadShards(more).then(function () {
        return complete;
      });
    });
  }

  /** The lunr index of the title tier and every shard loaded so far (rebuilt when that set grew). */
  fullIndex() {
    let loaded = Object.keys(this.shards).map(Number).sort(function (a, b) { return a - b; });
    let key = loaded.join(',');
    if (!this.full || key !== this.fullKey) {
      let parts = [this.titlesPart];
      for (let i = 0; i < loaded.length; i++) {
        parts.push(this.shards[loaded[i]]);
      }
      this.full = lunr.Index.load(unpack(parts));
      this.fullKey = key;
    }
    return this.full;
  }

  /**
   * True when every shard the clauses need by their first character is loaded.
   * @param {Clause[]} clauses
   * @returns {boolean}
   */
  hasShards(clauses) {
    for (let i = 0; i < clauses.length; i++) {
      if (clauses[i].wildcard === 'both') {
        return false;
      }
      let ks = clauseShards(clauses[i], this.shardCount);
      for (let j = 0; j < ks.length; j++) {
        if (!this.shards[ks[j]]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The text chunks of the documents at positions that are not loaded yet.
   * @param {number[]} positions
   * @returns {string[]} the chunks' numbers as property names
   */
  chunksToFetch(positions) {
    /** @type {Record<number, boolean>} */
    let wanted = {};
    for (let i = 0; i < positions.length; i++) {
      let c = this.chunkOf[positions[i]];
      if (c !== undefined && !this.chunks[c]) {
        wanted[c] = true;
      }
    }
    return Object.keys(wanted);
  }

  /**
   * @param {number[]} positions
   * @returns {Promise<string[][]>}
   */
  loadChunks(positions) {
    let self = this;
    return Promise.all(self.chunksToFetch(positions).map(function (c) {
      return cached(self.chunkLoads, c, function () {
        return self.fetchJson(self.indexUrl + 'text-' + c + '.json').then(function (entries) {
          let texts = unpackTexts(entries, self.chunkStart[Number(c)], self.sections);
          self.chunks[c] = texts;
          return texts;
        });
      });
    }));
  }

  /**
   * A document's stored text, or undefined while its chunk is not loaded.
   * @param {number} position
   * @returns {string | undefined}
   */
  text(position) {
    let c = this.chunkOf[position];
    if (c === undefined) {
      return ''; // no text stored for it
    }
    let chunk = this.chunks[c];
    return chunk ? chunk[position - this.chunkStart[c]] : undefined;
  }

  /**
   * options: { typing: last word is a prefix; full: 'auto' | 'always' | 'never'; kinds: ['question', …]
   * or null for all; limit: results to describe (default 20) }.
   * Resolves to { query, tier, total, approximate, partial, counts: {article, catalogue, question, kpi, term}, results: [...] }.
   * partial: total and counts are a lower bound (the title tier answered, or shards a one-character
   * query may need are still unloaded). approximate: they include candidates whose adjacency was not
   * checked (their text not loaded), an estimate from above; a larger limit checks more.
   * @param {string} query
   * @param {any} [options]
   * @returns {Promise<any>}
   */
  search(query, options) {
    let self = this;
    options = options || {};
    return self.load().then(function () {
      let parsed = parseQuery(query, options.typing);
      return Promise.resolve(self.answer(query, parsed, options)).then(function (response) {
        let retry = response.total === 0 ? fuzzyQuery(parsed) : null;
        if (!retry) {
          return response;
        }
        let fuzzy = retry;
        return Promise.resolve(self.answer(query, fuzzy, options)).then(function (again) {
          if (again.total === 0) {
            return response;
          }
          // Shown as "showing results for …": the words that matched instead of those typed.
          again.corrected = correctedWords(again.results, fuzzy.corrected || []);
          return again;
        });
      });
    });
  }

  /**
   * The response to a parsed query (search without the fuzzy retry).
   * @param {string} query
   * @param {ParsedQuery} parsed
   * @param {any} options
   * @returns {any} the response, or a promise of it
   */
  answer(query, parsed, options) {
    let self = this;
    let full = options.full || 'auto';
    if (parsed.clauses.length === 0) {
      return self.respond(query, 'titles', parsed, [], options);
    }
    if (full === 'never' || (full === 'auto' && !self.hasShards(parsed.clauses))) {
      let hits = matching(self.titles, parsed);
      let first = self.respond(query, 'titles', parsed, hits, options);
      if (full === 'never' || first.total >= FIRST_TIER_ENOUGH) {
        // The full text may hold more: the counts are a lower bound ("N+").
        first.partial = true;
        return first;
      }
    }
    return self.shardsFor(parsed.clauses, options.limit || 20).then(function (complete) {
      let response = self.respond(query, 'full', parsed, matching(self.fullIndex(), parsed), options);
      return complete ? response : Promise.resolve(response).then(function (r) {
        r.partial = true; // shards still to load may hold more: a lower bound
        return r;
      });
    });
  }

  /**
   * @param {number} position
   * @returns {Run[]}
   */
  titleRuns(position) {
    let cache = this.titleRunsCache;
    if (!cache[position]) {
      let doc = this.docs[position];
      cache[position] = tokenizer().runs([doc[TITLE]].concat(doc[TAGS]).join('\n'));
    }
    return cache[position];
  }

  /**
   * Whether the document holds every phrase contiguously: true or false, or undefined when that
   * needs its text and the text is not loaded. The title tier only looks at titles and tags.
   * @param {string} tier
   * @param {number} position
   * @param {Run[]} phrases
   * @returns {boolean | undefined}
   */
  verdict(tier, position, phrases) {
    if (phrases.length === 0) {
      return true;
    }
    let titleRuns = this.titleRuns(position);
    if (containsPhrases(titleRuns, phrases)) {
      return true;
    }
    if (tier === 'titles') {
      return false;
    }
    if (!this.textRunsCache[position]) {
      let text = this.text(position);
      if (text === undefined) {
        return undefined;
      }
      this.textRunsCache[position] = tokenizer().runs(text);
    }
    return containsPhrases(titleRuns.concat(this.textRunsCache[position]), phrases);
  }

  /**
   * Confirms hits in score order until `limit` results are shown or the hits run out, loading the
   * text of unconfirmed candidates CONFIRM_BATCH (or the number of results still missing) at a time;
   * then loads the text of the shown results for their snippets. The title tier loads nothing, so
   * it answers synchronously.
   * @returns {any} the response, or a promise of it when candidates must be confirmed first
   * @param {string} query
   * @param {string} tier
   * @param {ParsedQuery} parsed
   * @param {lunr.Result[]} hits
   * @param {any} options
   */
  respond(query, tier, parsed, hits, options) {
    let self = this;
    let kinds = options.kinds && options.kinds.length ? options.kinds : null;
    let limit = options.limit || 20;
    let response = {
      query: query,
      tier: tier,
      total: 0,
      approximate: false,
      partial: false,
      counts: /** @type {Record<string, number>} */ ({ article: 0, catalogue: 0, question: 0, kpi: 0, term: 0 }),
      results: /** @type {any[]} */ ([]),
      clauseCount: parsed.clauses.length
    };
    /** @type {number[]} */
    let shown = [];
    let next = 0;
    let chunkBudget = CONFIRM_CHUNKS_PER_LIMIT * limit + CONFIRM_BATCH;
    let spent = 0;

    /**
     * @param {number} h
     */
    function count(h) {
      let doc = self.docs[Number(hits[h].ref.slice(1))];
      response.total++;
      response.counts[doc[KIND]] = (response.counts[doc[KIND]] || 0) + 1;
      return doc;
    }

    /**
     * @param {number} h
     */
    function record(h) {
      let doc = count(h);
      if ((!kinds || kinds.indexOf(doc[KIND]) >= 0) && shown.length < limit) {
        shown.push(h);
      }
    }

    /**
     * @param {number} h
     */
    function position(h) {
      return Number(hits[h].ref.slice(1));
    }

    // Decides hits in order while they need no new text; returns false when done.
    function advance() {
      while (next < hits.length && shown.length < limit) {
        let v = self.verdict(tier, position(next), parsed.phrases);
        if (v === undefined) {
          return true;
        }
        if (v) {
          record(next);
        }
        next++;
      }
      return false;
    }

    /**
     * @returns {Promise<unknown> | null}
     */
    function confirm() {
      if (!advance()) {
        return null;
      }
      let batch = [];
      let want = Math.max(CONFIRM_BATCH, limit - shown.length);
      for (let h = next; h < hits.length && batch.length < want; h++) {
        if (self.verdict(tier, position(h), parsed.phrases) === undefined) {
          batch.push(position(h));
        }
      }
      let fetches = self.chunksToFetch(batch).length;
      // Over budget: leave the rest unconfirmed (finish() says approximate); with nothing to show
      // yet, go on to twice the budget first.
      if (fetches > chunkBudget && spent > 0 && (shown.length > 0 || spent + fetches > 2 * (spent + chunkBudget))) {
        return null;
      }
      chunkBudget -= fetches;
      spent += fetches;
      return self.loadChunks(batch).then(confirm);
    }

    function finish() {
      // The rest: count what can be decided without new text, and the candidates whose text is not
      // loaded as if they matched (they hold every bigram, in the wrong order only rarely): the
      // counts are then an estimate from above ("about N"). They are never shown unconfirmed.
      for (let h = next; h < hits.length; h++) {
        let v = self.verdict(tier, position(h), parsed.phrases);
        if (v === undefined) {
          response.approximate = true;
          count(h);
        } else if (v) {
          record(h);
        }
      }
      for (let s = 0; s < shown.length; s++) {
        response.results.push(self.describe(tier, position(shown[s]), hits[shown[s]].score, parsed.needles));
      }
      return response;
    }

    if (tier === 'titles') {
      advance();
      return finish();
    }
    return Promise.resolve(confirm()).then(function () {
      return self.loadChunks(shown.map(position));
    }).then(finish);
  }

  /**
   * @param {string} tier
   * @param {number} position
   * @param {number} score
   * @param {string[]} needles
   */
  describe(tier, position, score, needles) {
    let doc = this.docs[position];
    let text = tier === 'full' ? this.text(position) : doc[SUMMARY];
    let sections = tier === 'full' ? this.sections[position] : undefined;
    let snip = sections ? snippet(text.slice(0, Number(sections[0])), needles) : snippet(text, needles);
    let subResults = sections ? sectionResults(doc[URL], text, sections, needles) : [];
    if (snip && !snip.matched && subResults.length > 0) {
      snip = null; // the page's matches are all under headings: its sub-results show them
    }
    if ((!snip || !snip.matched) && subResults.length === 0 && doc[SUMMARY] && text !== doc[SUMMARY]) {
      let summary = snippet(doc[SUMMARY], needles);
      snip = summary && (summary.matched || !snip) ? summary : snip;
    }
    return {
      position: position,
      kind: doc[KIND],
      url: doc[URL],
      title: highlight(doc[TITLE], needles),
      section: doc[SECTION],
      snippet: snip,
      subResults: subResults,
      needles: needles,
      score: score
    };
  }
}

/**
 * A text chunk's entries as texts, recording the sections of those stored with them: an entry is the document's text,
 * or [text, start, id, start, id, …] (Hub.Search.SearchStoreJson.Texts), each start where the heading id's line begins.
 * @param {Array<string | Array<string | number>>} entries
 * @param {number} first the position of the chunk's first document
 * @param {Record<number, Array<string | number>>} sections filled in: position -> [start, id, …]
 * @returns {string[]}
 */
function unpackTexts(entries, first, sections) {
  let texts = [];
  for (let i = 0; i < entries.length; i++) {
    let entry = entries[i];
    if (typeof entry === 'string') {
      texts.push(entry);
    } else {
      texts.push(String(entry[0]));
      sections[first + i] = entry.slice(1);
    }
  }
  return texts;
}

/** How many headings of one page are shown under it at most (the best, in page order). */
let SUB_RESULTS = 3;

/**
 * The page's sections that hold a match, as sub-results linking to their heading (url#id): the heading's text as the
 * title, a snippet of the section's text after it, and the number of matches (the sections with most are kept).
 * @param {string} url
 * @param {string} text
 * @param {Array<string | number>} sections [start, id, start, id, …]
 * @param {string[]} needles
 */
function sectionResults(url, text, sections, needles) {
  let found = [];
  for (let s = 0; s < sections.length; s += 2) {
    let start = Number(sections[s]);
    let end = s + 2 < sections.length ? Number(sections[s + 2]) : text.length;
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0 || lineEnd > end) {
      lineEnd = end;
    }
    let heading = text.slice(start, lineEnd);
    let body = text.slice(Math.min(lineEnd + 1, end), end).replace(/\n+$/, '');
    let title = highlight(heading, needles);
    let snip = snippet(body, needles);
    let hits = title.ranges.length + (snip && snip.matched ? snip.ranges.length : 0);
    if (hits > 0) {
      found.push({
        url: url + '#' + String(sections[s + 1]),
        title: title,
        snippet: snip && snip.text ? snip : null,
        hits: hits,
        order: found.length
      });
    }
  }
  found.sort(function (a, b) { return b.hits - a.hits || a.order - b.order; });
  found = found.slice(0, SUB_RESULTS);
  found.sort(function (a, b) { return a.order - b.order; });
  return found;
}

/**
 * Retries a failed fetch next time instead of caching the failure.
 * @template T
 * @param {Record<string, Promise<T>>} store
 * @param {string | number} key
 * @param {() => Promise<T>} make
 * @returns {Promise<T>}
 */
function cached(store, key, make) {
  if (!store[key]) {
    store[key] = make();
    store[key].catch(function () {
      delete store[key];
    });
  }
  return store[key];
}

export { Engine, unpack, ref, parseQuery, fuzzyQuery, queryIndex, normalizedMap, findRanges, snippet, separateLines, sectionResults, unpackTexts, shardOf, FIRST_TIER_ENOUGH };
