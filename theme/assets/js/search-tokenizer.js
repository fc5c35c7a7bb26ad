/*
 * Hub search tokenizer: the browser twin of src/Hub.Search/SearchTokenizer.cs. Queries are tokenized
 * here exactly as documents were at build time (tests run both over a large corpus and compare).
 *
 * NFKC, then a walk by code point: letters and numbers of alphabetic scripts form words (lowercased
 * one code point at a time, U+0130 to "i"); kanji/kana runs and Hangul runs become overlapping
 * bigrams, a one-character run itself; combining marks stay inside words and are dropped elsewhere;
 * joiners, soft hyphens and variation selectors are dropped without breaking a run; everything else
 * (punctuation, symbols, emoji) separates.
 */
(function (root) {
  'use strict';

  var SEPARATOR = 0;
  var IGNORABLE = 1;
  var MARK = 2;
  var WORD = 3;
  var JAPANESE = 4;
  var HANGUL = 5;

  // Inclusive [start, end] pairs, sorted. Keep in sync with CharacterClassifier.cs.
  var IGNORABLE_RANGES = [
    0x00AD, 0x00AD, 0x034F, 0x034F, 0x061C, 0x061C, 0x180B, 0x180F, 0x200C, 0x200F,
    0x202A, 0x202E, 0x2060, 0x2064, 0x2066, 0x206F, 0xFE00, 0xFE0F, 0xFEFF, 0xFEFF,
    0xE0001, 0xE0001, 0xE0020, 0xE007F, 0xE0100, 0xE01EF
  ];

  var JAPANESE_RANGES = [
    0x3005, 0x3007, 0x3031, 0x3035, 0x303B, 0x303C, 0x3041, 0x3096, 0x309D, 0x309F,
    0x30A1, 0x30FA, 0x30FC, 0x30FF, 0x31F0, 0x31FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF,
    0xF900, 0xFAFF, 0xFF66, 0xFF9D, 0x1AFF0, 0x1B16F, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD
  ];

  var HANGUL_RANGES = [
    0x1100, 0x11FF, 0x3131, 0x318E, 0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xD7B0, 0xD7FF,
    0xFFA0, 0xFFDC
  ];

  var WORD_PATTERN = /^[\p{L}\p{N}]$/u;
  var MARK_PATTERN = /^[\p{Mn}\p{Mc}]$/u;

  function inRanges(ranges, cp) {
    for (var i = 0; i < ranges.length; i += 2) {
      if (cp < ranges[i]) {
        return false;
      }
      if (cp <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  function classify(cp) {
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
    var ch = String.fromCodePoint(cp);
    if (WORD_PATTERN.test(ch)) {
      return WORD;
    }
    return MARK_PATTERN.test(ch) ? MARK : SEPARATOR;
  }

  // .NET cannot normalize unpaired surrogates nor U+FFFE: both twins turn them into spaces first.
  function replaceUnnormalizable(text) {
    var out = null;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      var paired = true;
      if (c >= 0xD800 && c <= 0xDBFF) {
        var next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        paired = next >= 0xDC00 && next <= 0xDFFF;
      } else if (c >= 0xDC00 && c <= 0xDFFF) {
        var prev = i > 0 ? text.charCodeAt(i - 1) : 0;
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

  function normalize(text) {
    return replaceUnnormalizable(String(text)).normalize('NFKC');
  }

  function lower(cp) {
    return cp === 0x130 ? 'i' : String.fromCodePoint(cp).toLowerCase();
  }

  /**
   * The runs of a text: { type: 'word' | 'ja' | 'ko', text: normalized run, chars: code points (ja/ko) }.
   */
  function runs(text) {
    var result = [];
    if (text === null || text === undefined || text === '') {
      return result;
    }
    var s = normalize(text);
    var current = SEPARATOR;
    var word = '';
    var chars = [];

    function flush() {
      if (current === WORD) {
        result.push({ type: 'word', text: word, chars: null });
        word = '';
      } else if (current === JAPANESE || current === HANGUL) {
        result.push({ type: current === JAPANESE ? 'ja' : 'ko', text: chars.join(''), chars: chars });
        chars = [];
      }
    }

    for (var i = 0; i < s.length;) {
      var cp = s.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      i += ch.length;
      var cls = classify(cp);
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
        chars.push(ch);
      } else {
        flush();
        current = SEPARATOR;
      }
    }
    flush();
    return result;
  }

  /** The tokens of one run: a word, a one-character run, or the overlapping bigrams of a longer run. */
  function runTokens(run) {
    if (run.type === 'word') {
      return [run.text];
    }
    if (run.chars.length === 1) {
      return [run.chars[0]];
    }
    var tokens = [];
    for (var i = 0; i + 1 < run.chars.length; i++) {
      tokens.push(run.chars[i] + run.chars[i + 1]);
    }
    return tokens;
  }

  function tokenize(text) {
    var all = runs(text);
    var tokens = [];
    for (var i = 0; i < all.length; i++) {
      var t = runTokens(all[i]);
      for (var j = 0; j < t.length; j++) {
        tokens.push(t[j]);
      }
    }
    return tokens;
  }

  var api = { tokenize: tokenize, runs: runs, runTokens: runTokens, normalize: normalize, lower: lower, classify: classify };
  root.HubSearchTokenizer = api;
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  }
})(typeof self !== 'undefined' ? self : this);
