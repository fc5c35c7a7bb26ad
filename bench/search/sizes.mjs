// Sizes of a built site's search files and the bytes of first queries, per language.
//   node bench/search/sizes.mjs SITE_DIR [--queries N]
// Prints, per language, each file kind's count, raw and gzip -9 bytes, then the bytes a fresh browser
// fetches for sampled queries (first tier + JS + lunr + the shards and text chunks the engine asks for),
// running theme/assets/js/search-worker.js itself under Node with the site's own files.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const site = process.argv[2];
const queryCount = Number(process.argv[process.argv.indexOf('--queries') + 1]) || 60;
if (!site) {
  console.error('usage: node bench/search/sizes.mjs SITE_DIR [--queries N]');
  process.exit(2);
}

const gz = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;
const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const bytes = fs.readFileSync(file);
    sizeCache.set(file, { raw: bytes.length, gz: gz(bytes) });
  }
  return sizeCache.get(file);
}
const kb = (n) => (n / 1024).toFixed(1);

// The engine, as the browser runs it.
const js = path.join(site, 'assets', 'js');
globalThis.self = globalThis;
for (const f of ['lunr.min.js', 'search-tokenizer.js', 'search-worker.js']) {
  vm.runInThisContext(fs.readFileSync(path.join(js, f), 'utf8'), { filename: f });
}
const scripts = ['lunr.min.js', 'search-tokenizer.js', 'search-worker.js', 'search.js'];
const scriptBytes = scripts.reduce((sum, f) => sum + sizes(path.join(js, f)).gz, 0);

function kindOf(name) {
  if (name === 'index-titles.json') return 'titles';
  if (name === 'docs.json') return 'docs';
  if (name.startsWith('index-full')) return 'full shards';
  if (name.startsWith('text')) return 'text chunks';
  return name;
}

// Deterministic sample: Japanese/Korean runs of the documents' texts, cut into n-character queries.
function sampleQueries(texts, n, count) {
  const T = globalThis.HubSearchTokenizer;
  const all = [];
  for (const text of texts) {
    for (const run of T.runs(text)) {
      if (n === 'word') {
        if (run.type === 'word' && run.text.length >= 4 && !/\d/.test(run.text)) all.push(run.text.slice(0, 3));
      } else if (run.type !== 'word' && run.chars.length >= n) {
        for (let i = 0; i + n <= run.chars.length; i += n) all.push(run.chars.slice(i, i + n).join(''));
      }
    }
  }
  const unique = [...new Set(all)].sort();
  const step = Math.max(1, Math.floor(unique.length / count));
  return unique.filter((_, i) => i % step === 0).slice(0, count);
}

async function firstQuery(dir, query, options) {
  const fetched = [];
  const engine = new globalThis.HubSearchEngine.Engine({
    indexUrl: dir + '/',
    fetchJson: (url) => {
      fetched.push(url);
      return Promise.resolve(JSON.parse(fs.readFileSync(url, 'utf8')));
    },
  });
  const started = process.hrtime.bigint();
  const response = await engine.search(query, options);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const bytes = fetched.reduce((sum, f) => sum + sizes(f).gz, 0) + scriptBytes;
  return { bytes, fetched: fetched.map((f) => path.basename(f)), response, ms };
}

for (const lang of fs.readdirSync(path.join(site, 'search')).sort()) {
  const dir = path.join(site, 'search', lang);
  const kinds = new Map();
  for (const name of fs.readdirSync(dir).sort()) {
    const s = sizes(path.join(dir, name));
    const k = kinds.get(kindOf(name)) ?? { count: 0, raw: 0, gz: 0, maxGz: 0 };
    k.count++; k.raw += s.raw; k.gz += s.gz; k.maxGz = Math.max(k.maxGz, s.gz);
    kinds.set(kindOf(name), k);
  }
  console.log(`\n## ${lang}`);
  console.log('| files | count | raw KB | gzip KB | largest gzip KB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, k] of kinds) console.log(`| ${name} | ${k.count} | ${kb(k.raw)} | ${kb(k.gz)} | ${kb(k.maxGz)} |`);
  console.log(`| search JS + lunr.min.js | ${scripts.length} | | ${kb(scriptBytes)} | |`);
  const firstTier = kinds.get('titles').gz + kinds.get('docs').gz + scriptBytes;
  console.log(`first tier + JS: ${kb(firstTier)} KB gz`);

  // Texts to draw queries from: titles and every text chunk.
  const docs = JSON.parse(fs.readFileSync(path.join(dir, 'docs.json'), 'utf8'));
  const texts = docs.map((d) => d[2]);
  for (const name of fs.readdirSync(dir).filter((n) => n.startsWith('text-'))) texts.push(...JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')).map((t) => (typeof t === 'string' ? t : t[0])));
  const cases = [
    ['3-char, full text, top 20', sampleQueries(texts, 3, queryCount), { full: 'always', limit: 20 }],
    ['2-char, full text, top 20', sampleQueries(texts, 2, queryCount), { full: 'always', limit: 20 }],
    ['1-char, full text, top 20', sampleQueries(texts, 1, queryCount), { full: 'always', limit: 20 }],
    ['1-char, as the results page asks (auto, top 20)', sampleQueries(texts, 1, queryCount), { full: 'auto', limit: 20 }],
    ['3-letter word prefix while typing, full text, top 20', sampleQueries(texts, 'word', queryCount), { full: 'always', limit: 20, typing: true }],
  ];
  for (const [label, queries, options] of cases) {
    if (queries.length === 0) continue;
    const runs = [];
    for (const q of queries) runs.push({ q, ...(await firstQuery(dir, q, options)) });
    runs.sort((a, b) => a.bytes - b.bytes);
    const worst = runs[runs.length - 1];
    const median = runs[Math.floor(runs.length / 2)];
    const approx = runs.filter((r) => r.response.approximate).length;
    const shards = worst.fetched.filter((f) => f.startsWith('index-full')).length;
    const chunks = worst.fetched.filter((f) => f.startsWith('text')).length;
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`${label} (${runs.length} queries): median ${kb(median.bytes)} KB, worst ${kb(worst.bytes)} KB gz ` +
      `('${worst.q}': ${shards} shards, ${chunks} text chunks, ${worst.response.total}${worst.response.approximate ? '+' : ''} results); ` +
      `approximate counts in ${approx}; engine time median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms (Node)`);
  }
}
