// @ts-check
/*
 * Hub search tokenizer: the browser twin of src/Hub.Search/SearchTokenizer.cs, with its character ranges from the
 * generated search-tables.js (written from CharacterClassifier.cs at build time). Queries are tokenized
 * here exactly as documents were at build time (tests run both over a large corpus and compare).
 *
 * NFKC, then a walk by code point: letters and numbers of alphabetic scripts form words (lowercased
 * one code point at a time, U+0130 to "i"); kanji/kana runs and Hangul runs become overlapping
 * bigrams, a one-character run itself, with katakana folded to hiragana (foldKana); a word's token is
 * its lunr stem when it is three or more ASCII letters (stem, lunr.stemmer itself, which the C#
 * EnglishStemmer reproduces); combining marks stay inside words and are dropped elsewhere;
 * joiners, soft hyphens and variation selectors are dropped without breaking a run; everything else
 * (punctuation, symbols, emoji) separates.
 */

import lunr from './lunr.module.js';
import { CLASS, HANGUL_RANGES, IGNORABLE_RANGES, JAPANESE_RANGES, KANA_FOLD_OFFSET, KANA_FOLD_RANGES } from './search-tables.js';

const { SEPARATOR, IGNORABLE, MARK, WORD, JAPANESE, HANGUL } = CLASS;

const WORD_PATTERN = /^[\p{L}\p{N}]$/u;
const MARK_PATTERN = /^[\p{Mn}\p{Mc}]$/u;
const STEMMED = /^[a-z]{3,}$/;

/**
 * A run of a text: a word, or a kanji/kana ('ja') or Hangul ('ko') run with its code points.
 * @typedef {{ type: 'word', text: string, chars: null } | { type: 'ja' | 'ko', text: string, chars: string[] }} Run
 */

/**
 * @param {readonly number[]} ranges
 * @param {number} cp
 * @returns {boolean}
 */
function inRanges(ranges, cp) {
  for (let i = 0; i < ranges.length; i += 2) {
    if (cp < ranges[i]) {
      return false;
    }
    if (cp <= ranges[i + 1]) {
      return true;
    }
  }
  return false;
}

/**
 * The class of a code point (a CLASS value).
 * @param {number} cp
 * @returns {number}
 */
export function classify(cp) {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7A) || (cp >= 0x41 && cp <= 0x5A) || (cp >= 0x30 && cp <= 0x39) ? WORD : SEPARATOR;
  }
  if (inRanges(IGNORABLE_RANGES, cp)) {
    return IGNORABLE;
  }
  if (inRanges(JAPANESE_RANGES, cp)) {
    return JAPANESE;
  }
  if (inRanges(HANGUL_RANGES, cp)) {
    return HANGUL;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    return SEPARATOR;
  }
  const ch = String.fromCodePoint(cp);
  if (WORD_PATTERN.test(ch)) {
    return WORD;
  }
  return MARK_PATTERN.test(ch) ? MARK : SEPARATOR;
}

// .NET cannot normalize unpaired surrogates nor U+FFFE: both twins turn them into spaces first.
/**
 * @param {string} text
 * @returns {string}
 */
function replaceUnnormalizable(text) {
  /** @type {string[] | null} */
  let out = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let paired = true;
    if (c >= 0xD800 && c <= 0xDBFF) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      paired = next >= 0xDC00 && next <= 0xDFFF;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      paired = prev >= 0xD800 && prev <= 0xDBFF;
    } else if (c === 0xFFFE) {
      paired = false;
    }
    if (!paired && out === null) {
      out = text.slice(0, i).split('');
    }
    if (out !== null) {
      out.push(paired ? text.charAt(i) : ' ');
    }
  }
  return out === null ? text : out.join('');
}

/**
 * @param {unknown} text
 * @returns {string} NFKC, unnormalizable code units replaced by spaces
 */
export function normalize(text) {
  return replaceUnnormalizable(String(text)).normalize('NFKC');
}

/**
 * The hiragana of a katakana code point that has one, else the code point (CharacterClassifier.FoldKana).
 * @param {number} cp
 * @returns {number}
 */
export function foldKana(cp) {
  return cp >= 0x30A1 && cp <= 0x30FE && inRanges(KANA_FOLD_RANGES, cp) ? cp - KANA_FOLD_OFFSET : cp;
}

/**
 * The index term of a word (as runs() gives it): lunr's stem for three or more ASCII letters, else the word.
 * @param {string} word
 * @returns {string}
 */
export function stem(word) {
  return STEMMED.test(word) ? lunr.stemmer(new lunr.Token(word, {})).toString() : word;
}

/**
 * @param {number} cp
 * @returns {string}
 */
export function lower(cp) {
  return cp === 0x130 ? 'i' : String.fromCodePoint(cp).toLowerCase();
}

/**
 * The runs of a text: { type: 'word' | 'ja' | 'ko', text: normalized run (kana folded, words not stemmed),
 * chars: code points (ja/ko) }.
 * @param {unknown} text
 * @returns {Run[]}
 */
export function runs(text) {
  /** @type {Run[]} */
  const result = [];
  if (text === null || text === undefined || text === '') {
    return result;
  }
  const s = normalize(text);
  let current = SEPARATOR;
  let word = '';
  /** @type {string[]} */
  let chars = [];

  function flush() {
    if (current === WORD) {
      result.push({ type: 'word', text: word, chars: null });
      word = '';
    } else if (current === JAPANESE || current === HANGUL) {
      result.push({ type: current === JAPANESE ? 'ja' : 'ko', text: chars.join(''), chars: chars });
      chars = [];
    }
  }

  for (let i = 0; i < s.length;) {
    const cp = /** @type {number} */ (s.codePointAt(i));
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    const cls = classify(cp);
    if (cls === IGNORABLE) {
      continue;
    }
    if (cls === MARK) {
      if (current === WORD) {
        word += ch;
      }
      continue;
    }
    if (cls === WORD) {
      if (current !== WORD) {
        flush();
        current = WORD;
      }
      word += lower(cp);
    } else if (cls === JAPANESE || cls === HANGUL) {
      if (current !== cls) {
        flush();
        current = cls;
      }
      chars.push(cls === JAPANESE ? String.fromCodePoint(foldKana(cp)) : ch);
    } else {
      flush();
      current = SEPARATOR;
    }
  }
  flush();
  return result;
}

/**
 * The tokens of one run: a word, a one-character run, or the overlapping bigrams of a longer run.
 * @param {Run} run
 * @returns {string[]}
 */
export function runTokens(run) {
  if (run.type === 'word') {
    return [stem(run.text)];
  }
  if (run.chars.length === 1) {
    return [run.chars[0]];
  }
  const tokens = [];
  for (let i = 0; i + 1 < run.chars.length; i++) {
    tokens.push(run.chars[i] + run.chars[i + 1]);
  }
  return tokens;
}

/**
 * The search tokens of a text.
 * @param {unknown} text
 * @returns {string[]}
 */
export function tokenize(text) {
  const all = runs(text);
  const tokens = [];
  for (let i = 0; i < all.length; i++) {
    const t = runTokens(all[i]);
    for (let j = 0; j < t.length; j++) {
      tokens.push(t[j]);
    }
  }
  return tokens;
}

