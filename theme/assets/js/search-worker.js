/*
 * Hub search engine: loads a language's two-tier lunr index (written by Hub.Search.SearchIndexWriter),
 * answers queries built from HubSearchTokenizer tokens (never lunr's query parser), confirms CJK
 * adjacency on the stored text, and returns plain data (titles, snippets, highlight ranges).
 *
 * It needs lunr.js and search-tokenizer.js loaded first. On a page it defines HubSearchEngine; loaded
 * as a Web Worker (what search.js does when it can) it answers messages with the same engine, so
 * parsing and loading the full-text tier never blocks the page (at 1,000 pages it takes ~1 s).
 */
(function (root) {
  'use strict';

  /** Below this many first-tier results, the full-text tier is loaded and asked instead. */
  var FIRST_TIER_ENOUGH = 10;
  var SNIPPET_LENGTH = 140;
  var SNIPPET_BEFORE = 30;

  // Docs store columns (docs.json): [kind, url, title, section, summary, tags]
  var KIND = 0;
  var URL = 1;
  var TITLE = 2;
  var SECTION = 3;
  var SUMMARY = 4;
  var TAGS = 5;

  function tokenizer() {
    return root.HubSearchTokenizer;
  }

  // lunr only reads postings: every empty posting and every ref's (empty) metadata can be one object.
  var EMPTY = Object.freeze({});

  /** The lunr ref of the document at a position (see LunrPackedIndexJson.Ref). */
  function ref(position) {
    return 'd' + position;
  }

  /**
   * Rebuilds, from packed parts (Hub.Search.Lunr.LunrPackedIndexJson), the object lunr.Index.load
   * takes: from all parts exactly JSON.parse(JSON.stringify(index)) of lunr.js 2.3.9; from the
   * first parts, the index of just their fields (same term indexes and scores).
   */
  function unpack(parts) {
    if (!Array.isArray(parts)) {
      parts = [parts];
    }
    var fields = [];
    var terms = [];
    var postings = [];
    var p;
    var i;
    var f;
    for (p = 0; p < parts.length; p++) {
      fields = fields.concat(parts[p].fields);
    }
    for (p = 0; p < parts.length; p++) {
      var id = 0;
      for (i = 0; i < parts[p].terms.length; i++) {
        id += parts[p].ids[i];
        var posting = { _index: id };
        for (f = 0; f < fields.length; f++) {
          posting[fields[f]] = EMPTY;
        }
        postings[id] = posting;
        terms.push([parts[p].terms[i], posting]);
      }
    }
    var fieldVectors = [];
    var documents = parts[0].vectors.length;
    for (var d = 0; d < documents; d++) {
      var docRef = ref(d);
      for (p = 0; p < parts.length; p++) {
        for (f = 0; f < parts[p].fields.length; f++) {
          var field = parts[p].fields[f];
          var packedVector = parts[p].vectors[d][f];
          var elements = new Array(packedVector.length);
          var termIndex = 0;
          for (i = 0; i < packedVector.length; i += 2) {
            termIndex += packedVector[i];
            elements[i] = termIndex;
            elements[i + 1] = packedVector[i + 1] / 1000;
            var fieldPosting = postings[termIndex][field];
            if (fieldPosting === EMPTY) {
              fieldPosting = postings[termIndex][field] = {};
            }
            fieldPosting[docRef] = EMPTY;
          }
          fieldVectors.push([field + '/' + docRef, elements]);
        }
      }
    }
    terms.sort(function (a, b) {
      return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
    });
    return { version: parts[0].version, fields: fields, fieldVectors: fieldVectors, invertedIndex: terms, pipeline: [] };
  }

  /**
   * Turns a query into lunr clauses: every token required; a one-character CJK run matches any bigram
   * holding it; while typing, the last word is a prefix. Runs of 3+ CJK characters become phrases
   * whose adjacency is checked on the stored text (bigrams alone would let 京都…東京 match 東京都).
   */
  function parseQuery(query, typing) {
    var runs = tokenizer().runs(query);
    var clauses = [];
    var phrases = [];
    var needles = [];
    var seen = {};
    var endsOpen = typing && !/[\s\u3000]$/.test(query);

    function add(term, wildcard) {
      var key = wildcard + ':' + term;
      if (!seen[key]) {
        seen[key] = true;
        clauses.push({ term: term, wildcard: wildcard });
      }
    }

    for (var i = 0; i < runs.length; i++) {
      var run = runs[i];
      needles.push(run.text);
      if (run.type === 'word') {
        add(run.text, endsOpen && i === runs.length - 1 ? 'trailing' : 'none');
        continue;
      }
      if (run.chars.length === 1) {
        add(run.chars[0], 'both');
        continue;
      }
      var tokens = tokenizer().runTokens(run);
      for (var j = 0; j < tokens.length; j++) {
        add(tokens[j], 'none');
      }
      if (run.chars.length >= 3) {
        phrases.push(run);
      }
    }
    return { clauses: clauses, phrases: phrases, needles: needles };
  }

  function queryIndex(index, clauses) {
    var lunr = root.lunr;
    var wildcards = {
      none: lunr.Query.wildcard.NONE,
      trailing: lunr.Query.wildcard.TRAILING,
      both: lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING
    };
    return index.query(function (q) {
      for (var i = 0; i < clauses.length; i++) {
        q.term(clauses[i].term, {
          presence: lunr.Query.presence.REQUIRED,
          usePipeline: false,
          wildcard: wildcards[clauses[i].wildcard]
        });
      }
    });
  }

  /** True when every phrase occurs inside one run (same script) of the text. */
  function containsPhrases(runs, phrases) {
    for (var p = 0; p < phrases.length; p++) {
      var found = false;
      for (var r = 0; r < runs.length && !found; r++) {
        found = runs[r].type === phrases[p].type && runs[r].text.indexOf(phrases[p].text) >= 0;
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  var EXTENDER = /^[\p{M}\u200C\u200D\uFE00-\uFE0F\uFF9E\uFF9F]$/u;

  /**
   * The text normalized as the tokenizer sees it (NFKC, lowercase), with, for each UTF-16 unit of
   * it, where it came from in the original (start, end), so matches can be highlighted in the
   * author's own text. Normalizes one base character and its marks at a time.
   */
  function normalizedMap(text) {
    var T = tokenizer();
    var norm = '';
    var starts = [];
    var ends = [];
    var i = 0;
    while (i < text.length) {
      var start = i;
      i += String.fromCodePoint(text.codePointAt(i)).length;
      while (i < text.length) {
        var next = String.fromCodePoint(text.codePointAt(i));
        if (!EXTENDER.test(next)) {
          break;
        }
        i += next.length;
      }
      var segment = T.normalize(text.slice(start, i));
      var lowered = '';
      for (var k = 0; k < segment.length;) {
        var cp = segment.codePointAt(k);
        k += cp > 0xFFFF ? 2 : 1;
        lowered += T.lower(cp);
      }
      for (var u = 0; u < lowered.length; u++) {
        starts.push(start);
        ends.push(i);
      }
      norm += lowered;
    }
    return { text: norm, starts: starts, ends: ends };
  }

  /** Ranges [start, end) of the original text matching any needle, merged and sorted. */
  function findRanges(map, needles) {
    var ranges = [];
    for (var n = 0; n < needles.length; n++) {
      var needle = needles[n];
      if (!needle) {
        continue;
      }
      for (var at = map.text.indexOf(needle); at >= 0; at = map.text.indexOf(needle, at + needle.length)) {
        ranges.push([map.starts[at], map.ends[at + needle.length - 1]]);
      }
    }
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    for (var r = 0; r < ranges.length; r++) {
      var last = merged[merged.length - 1];
      if (last && ranges[r][0] <= last[1]) {
        last[1] = Math.max(last[1], ranges[r][1]);
      } else {
        merged.push([ranges[r][0], ranges[r][1]]);
      }
    }
    return merged;
  }

  function highlight(text, needles) {
    return { text: text, ranges: findRanges(normalizedMap(text), needles) };
  }

  /** A window of the text around the first match, with its highlight ranges relative to the window. */
  function snippet(text, needles) {
    if (!text) {
      return null;
    }
    var all = findRanges(normalizedMap(text), needles);
    var from = 0;
    if (all.length > 0 && all[0][0] > SNIPPET_BEFORE) {
      from = all[0][0] - SNIPPET_BEFORE;
      var lineStart = text.lastIndexOf('\n', all[0][0]);
      if (lineStart >= from) {
        from = lineStart + 1;
      }
    }
    if (from > 0 && text.charCodeAt(from) >= 0xDC00 && text.charCodeAt(from) <= 0xDFFF) {
      from--;
    }
    var to = Math.min(text.length, from + SNIPPET_LENGTH);
    if (to < text.length && text.charCodeAt(to) >= 0xDC00 && text.charCodeAt(to) <= 0xDFFF) {
      to++;
    }
    var ranges = [];
    for (var r = 0; r < all.length; r++) {
      var s = Math.max(all[r][0], from);
      var e = Math.min(all[r][1], to);
      if (s < e) {
        ranges.push([s - from, e - from]);
      }
    }
    return {
      text: text.slice(from, to),
      ranges: ranges,
      before: from > 0,
      after: to < text.length,
      matched: all.length > 0
    };
  }

  function Engine(config) {
    this.indexUrl = config.indexUrl;
    this.fetchJson = config.fetchJson;
    this.tiers = { titles: null, full: null };
    this.loads = { titles: null, full: null };
    this.docs = null;
    this.texts = null;
    this.titlesPart = null;
    this.runsCache = { titles: {}, full: {} };
  }

  /** Loads a tier: 'titles' (index-titles.json, docs.json) or 'full' (also index-full.json, text.json). */
  Engine.prototype.load = function (tier) {
    var self = this;
    if (!self.loads[tier]) {
      var fetches = tier === 'titles'
        ? [self.fetchJson(self.indexUrl + 'index-titles.json'), self.fetchJson(self.indexUrl + 'docs.json')]
        : [self.load('titles'), self.fetchJson(self.indexUrl + 'index-full.json'), self.fetchJson(self.indexUrl + 'text.json')];
      self.loads[tier] = Promise.all(fetches).then(function (loaded) {
        if (tier === 'titles') {
          self.titlesPart = loaded[0];
          self.docs = loaded[1];
          self.tiers.titles = root.lunr.Index.load(unpack([loaded[0]]));
        } else {
          self.texts = loaded[2];
          self.tiers.full = root.lunr.Index.load(unpack([self.titlesPart, loaded[1]]));
        }
        return self.tiers[tier];
      });
      self.loads[tier].catch(function () {
        self.loads[tier] = null; // allow a retry
      });
    }
    return self.loads[tier];
  };

  /**
   * options: { typing: last word is a prefix; full: 'auto' | 'always' | 'never'; kinds: ['question', …]
   * or null for all; limit: results to describe (default 20) }.
   * Resolves to { query, tier, total, counts: {article, question, kpi}, results: [...], fullAvailable }.
   */
  Engine.prototype.search = function (query, options) {
    var self = this;
    options = options || {};
    var full = options.full || 'auto';
    return self.load('titles').then(function () {
      if (self.tiers.full || full === 'always') {
        return self.load('full').then(function () {
          return self.run(query, 'full', options);
        });
      }
      var first = self.run(query, 'titles', options);
      if (full === 'never' || first.clauseCount === 0 || first.total >= FIRST_TIER_ENOUGH) {
        return first;
      }
      return self.load('full').then(function () {
        return self.run(query, 'full', options);
      });
    });
  };

  Engine.prototype.confirmRuns = function (tier, position) {
    var cache = this.runsCache[tier];
    if (!cache[position]) {
      var doc = this.docs[position];
      var parts = [doc[TITLE]].concat(doc[TAGS]);
      if (tier === 'full') {
        parts.push(this.texts[position]);
      }
      cache[position] = tokenizer().runs(parts.join('\n'));
    }
    return cache[position];
  };

  /** Synchronous query of a loaded tier. */
  Engine.prototype.run = function (query, tier, options) {
    var parsed = parseQuery(query, options.typing);
    var response = {
      query: query,
      tier: tier,
      total: 0,
      counts: { article: 0, question: 0, kpi: 0 },
      results: [],
      fullAvailable: tier === 'full',
      clauseCount: parsed.clauses.length
    };
    if (parsed.clauses.length === 0) {
      return response;
    }
    var hits = queryIndex(this.tiers[tier], parsed.clauses);
    var kinds = options.kinds && options.kinds.length ? options.kinds : null;
    var limit = options.limit || 20;
    for (var h = 0; h < hits.length; h++) {
      var position = Number(hits[h].ref.slice(1));
      if (parsed.phrases.length > 0 && !containsPhrases(this.confirmRuns(tier, position), parsed.phrases)) {
        continue;
      }
      var doc = this.docs[position];
      response.total++;
      response.counts[doc[KIND]] = (response.counts[doc[KIND]] || 0) + 1;
      if ((kinds && kinds.indexOf(doc[KIND]) < 0) || response.results.length >= limit) {
        continue;
      }
      var text = tier === 'full' ? this.texts[position] : doc[SUMMARY];
      var snip = snippet(text, parsed.needles);
      if (snip && !snip.matched && doc[SUMMARY] && text !== doc[SUMMARY]) {
        snip = snippet(doc[SUMMARY], parsed.needles);
      }
      response.results.push({
        position: position,
        kind: doc[KIND],
        url: doc[URL],
        title: highlight(doc[TITLE], parsed.needles),
        section: doc[SECTION],
        snippet: snip,
        score: hits[h].score
      });
    }
    return response;
  };

  var api = {
    Engine: Engine,
    unpack: unpack,
    ref: ref,
    parseQuery: parseQuery,
    normalizedMap: normalizedMap,
    findRanges: findRanges,
    snippet: snippet,
    FIRST_TIER_ENOUGH: FIRST_TIER_ENOUGH
  };
  root.HubSearchEngine = api;

  // As a dedicated worker: the page sends {type: 'init', lunrUrl, tokenizerUrl, indexUrl, version}
  // once, then {id, type: 'load', tier} or {id, type: 'search', query, options}; each is answered
  // with {id, result} or {id, error}. URLs are absolute.
  var isWorker = typeof document === 'undefined' && typeof importScripts === 'function' && typeof root.postMessage === 'function';
  if (isWorker) {
    var engine = null;
    root.onmessage = function (event) {
      var message = event.data;
      if (message.type === 'init') {
        importScripts(message.lunrUrl, message.tokenizerUrl);
        engine = new Engine({
          indexUrl: message.indexUrl,
          fetchJson: function (url) {
            var versioned = message.version ? url + '?v=' + encodeURIComponent(message.version) : url;
            return fetch(versioned, { credentials: 'same-origin' }).then(function (r) {
              if (!r.ok) {
                throw new Error(url + ': HTTP ' + r.status);
              }
              return r.json();
            });
          }
        });
        return;
      }
      var work = message.type === 'load'
        ? engine.load(message.tier).then(function () { return null; })
        : engine.search(message.query, message.options);
      work.then(function (result) {
        root.postMessage({ id: message.id, result: result });
      }, function (error) {
        root.postMessage({ id: message.id, error: String(error && error.message || error) });
      });
    };
  }
})(typeof self !== 'undefined' ? self : this);
