// The Markdown report of bench/search/run.sh, from the measurements of measure.mjs and the timings of run.sh.
//
//   node report.mjs RESULTS.json TIMINGS.txt
//
// TIMINGS.txt: one "key site value" per line (hub_build, stage_cold, stage_warm, pagefind_ms, pagefind_pages)
// and "meta key value…" lines.
import { readFileSync } from 'node:fs';

const [resultsPath, timingsPath] = process.argv.slice(2);
const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
const timings = [];
const meta = {};
for (const line of readFileSync(timingsPath, 'utf8').split('\n').filter(Boolean)) {
  const [key, site, ...rest] = line.split(' ');
  if (key === 'meta') {
    meta[site] = rest.join(' ');
  } else {
    timings.push({ key, site, value: Number(rest[0]) });
  }
}

const BUDGET_FIRST_SEARCH = 150_000;
const BUDGET_RATIO = 2;
const SITE_NAMES = { default: 'default site', 'corpus-1000': '1,000 pages' };
const siteName = key => SITE_NAMES[key] || key;
const n = value => value.toLocaleString('en-US');
const kb = bytes => (bytes / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' KB';
const values = (key, site) => timings.filter(t => t.key === key && t.site === site).map(t => t.value).sort((a, b) => a - b);
function median(list) {
  if (list.length === 0) {
    return NaN;
  }
  const mid = Math.floor(list.length / 2);
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}
function seconds(key, site) {
  const list = values(key, site);
  if (list.length === 0) {
    return '–';
  }
  const s = ms => (ms / 1000).toFixed(2);
  return list.length === 1 ? `${s(list[0])} s` : `${s(median(list))} s (${s(list[0])}–${s(list[list.length - 1])}, ${list.length} runs)`;
}
const check = ok => (ok ? 'met' : '**not met**');
const breakdown = parts => parts.map(p => `${p.pattern.split('/').slice(-2).join('/')}${p.count > 1 ? ` ×${p.count}` : ''} ${kb(p.wire)}`).join(', ');

const out = [];
const print = line => out.push(line);
print('### Search: Hub and Pagefind 1.6 on the same pages (provisional)');
print('');
print(`Machine: ${meta.machine || '?'}; .NET SDK ${meta.dotnet || '?'}, Node ${meta.node || '?'}, ${meta.chromium || 'Chromium'}, Pagefind ${meta.pagefind || '?'}; commit ${meta.commit || '?'}.`);
print(`Load average before/after: ${meta.load_before || '?'} / ${meta.load_after || '?'} (a shared machine: treat latency differences under ~30 % as noise; bytes and hits do not vary).`);
print('Bytes are what the browser received: gzip -9 for text (as GitHub Pages would send it, or a little smaller), Pagefind\'s own pre-compressed chunks as they are. KB = 1,000 bytes.');
print('');

// Issue 22 item 7: on each site, for every query, Hub's first search (query typed into a loaded page -> first results
// painted) takes no longer and fetches no more gzip bytes than Pagefind's, in at most 8 files.
const MAX_FILES = 8;
const versus = results.sites.flatMap(site => site.queries.map(q => ({ site: site.key, q })))
  .filter(r => r.q.hub && r.q.hub.first && r.q.pagefind && r.q.pagefind.first);
if (versus.length) {
  print('#### Hub against Pagefind: the first query (issue 22, item 7)');
  print('');
  print(`Time from the query entered into the already-loaded page's search box to the first results painted (median of ${results.repeats || 1} run${(results.repeats || 1) > 1 ? 's' : ''}, each in a fresh browser context), and the gzip bytes and files fetched for it (\`search.js\` included for Hub).`);
  print('');
  print('| site | lang | query | Hub ms | Pagefind ms | Hub bytes | Pagefind bytes | Hub files | Pagefind files | Hub hits | Pagefind hits |');
  print('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { site, q } of versus) {
    const h = q.hub.first;
    const p = q.pagefind.first;
    const bold = (mine, theirs, text) => (mine <= theirs ? text : `**${text}**`);
    print(`| ${siteName(site)} | ${q.lang} | ${q.query} | ${bold(h.ms, p.ms, n(h.ms))} | ${n(p.ms)} | ${bold(h.wire, p.wire, kb(h.wire))} | ${kb(p.wire)} | ${bold(h.requests, MAX_FILES, n(h.requests))} | ${n(p.requests)} | ${n(h.hits)} | ${n(p.hits)} |`);
  }
  print('');
  print('| target, on each site | measured | |');
  print('|---|---|---|');
  for (const key of [...new Set(versus.map(r => r.site))]) {
    const mine = versus.filter(r => r.site === key);
    const slower = mine.filter(r => r.q.hub.first.ms > r.q.pagefind.first.ms);
    const heavier = mine.filter(r => r.q.hub.first.wire > r.q.pagefind.first.wire);
    const many = mine.filter(r => r.q.hub.first.requests > MAX_FILES);
    const ratios = list => median(list.sort((a, b) => a - b)).toFixed(2);
    const names = list => list.map(r => `${r.q.lang} ${r.q.query}`).join(', ');
    print(`| ${siteName(key)}: Hub's time to results ≤ Pagefind's, every query | ${mine.length - slower.length} of ${mine.length}; median Hub/Pagefind ${ratios(mine.map(r => r.q.hub.first.ms / r.q.pagefind.first.ms))}×${slower.length ? `; slower: ${names(slower)}` : ''} | ${check(slower.length === 0)} |`);
    print(`| ${siteName(key)}: Hub's bytes ≤ Pagefind's, every query | ${mine.length - heavier.length} of ${mine.length}; median Hub/Pagefind ${ratios(mine.map(r => r.q.hub.first.wire / r.q.pagefind.first.wire))}×${heavier.length ? `; heavier: ${names(heavier)}` : ''} | ${check(heavier.length === 0)} |`);
    print(`| ${siteName(key)}: Hub's first query fetches ≤ ${MAX_FILES} files | worst ${Math.max(...mine.map(r => r.q.hub.first.requests))} | ${check(many.length === 0)} |`);
  }
  print('');
}

print('#### Index on disk');
print('');
print('| site | language | files | raw | gzip -9 |');
print('|---|---|---:|---:|---:|');
for (const site of results.sites) {
  for (const l of site.languages) {
    print(`| ${siteName(site.key)} | ${l.lang}: \`search/${l.lang}/\` | ${l.files} | ${kb(l.raw)} | ${kb(l.gz)} |`);
  }
  print(`| ${siteName(site.key)} | engine JS (${site.engine.names.map(f => f.split('/').pop()).join(', ')}) | ${site.engine.files} | ${kb(site.engine.raw)} | ${kb(site.engine.gz)} |`);
  if (site.pagefind) {
    print(`| ${siteName(site.key)} | Pagefind: \`pagefind/\` without its UI files (chunks are pre-compressed) | ${n(site.pagefind.files)} | ${kb(site.pagefind.bytes)} | – |`);
  }
}
print('');

print('#### Build time');
print('');
const keys = results.sites.map(s => s.key);
print(`| measure | ${keys.map(siteName).join(' | ')} |`);
print(`|---|${keys.map(() => '---:').join('|')}|`);
print(`| Hub full build, wall (cold: output and \`.hub-cache\` removed) | ${keys.map(k => seconds('hub_build', k)).join(' | ')} |`);
print(`| Hub search stage alone ("search index + formula script", stage profiler, first run) | ${keys.map(k => seconds('stage_cold', k)).join(' | ')} |`);
print(`| the same stage repeated warm (JIT done) | ${keys.map(k => seconds('stage_warm', k)).join(' | ')} |`);
const pagefindPages = keys.map(k => values('pagefind_pages', k)[0]);
print(`| Pagefind 1.6 indexing Hub's built pages, wall | ${keys.map((k, i) => (values('pagefind_ms', k).length ? `${seconds('pagefind_ms', k)}; ${n(pagefindPages[i])} pages` : '–')).join(' | ')} |`);
print('');

print('#### Queries');
print('');
print('Hub: a fresh browser context opens the language\'s home page, focuses the header search box and enters the query');
print('at once (as an IME commits it); "first search" is everything fetched from the focus until the box shows its');
print('result count (plus `search.js`, which arrives with every page), and the time from the focus. Enter then opens the');
print('results page (warm cache); where it offers "search the full text too", that is clicked and measured. Pagefind: the');
print('same steps on `bench/search/pagefind.html` (pagefind.js loaded on focus, same 60 ms debounce, `search()` then');
print('`data()` of the first 5 results, the first page of Pagefind UI). "Pages containing" counts content pages whose');
print('`<main>` text contains the query (NFKC, case-insensitive); Hub counts catalogue questions as results of their own.');
print('');
print('| site | lang | query | pages containing | Hub first search: bytes · ms · hits | Hub results page (Enter): + bytes · ms · hits | Pagefind first query: bytes · ms · hits | Hub/Pagefind bytes |');
print('|---|---|---|---:|---:|---:|---:|---:|');
const rows = [];
for (const site of results.sites) {
  for (const q of site.queries) {
    const h = q.hub || {};
    const p = q.pagefind;
    const first = h.first;
    const full = h.full || h.page;
    const ratio = first && p && p.first ? first.wire / p.first.wire : null;
    rows.push({ site: site.key, q, ratio });
    const hub = first ? `${kb(first.wire)} · ${n(first.ms)} · ${n(first.hits)}` : `error: ${h.error}`;
    const more = full ? `${kb(full.wire)} · ${n(full.ms)} · ${n(full.hits)}` : '–';
    const pf = p ? (p.first ? `${kb(p.first.wire)} · ${n(p.first.ms)} · ${n(p.first.hits)}` : `error: ${p.error}`) : '–';
    print(`| ${siteName(site.key)} | ${q.lang} | ${q.query} | ${n(q.containing)} of ${n(q.pages)} | ${hub} | ${more} | ${pf} | ${ratio == null ? '–' : ratio.toFixed(2)} |`);
  }
}
print('');
print('Hub\'s box answers from its first tier (titles, tags, questions, KPIs) when that finds 10 or more results, and shows');
print('that count as "N+"; otherwise it loads the shards of the query\'s terms itself. "+ bytes" is what the results page');
print('(Enter, warm cache) fetches on top: it always searches the full text (a "search the full text too" click in older');
print('versions), and its time runs from Enter to the count shown, page load included.');
print('');

print('#### Hits against the text');
print('');
print('Content pages whose `<main>` contains the query, and what each engine finds with every tier loaded. Hub\'s article');
print('and KPI counts compare with the pages; its catalogue hits are questions. Pagefind leaves `<footer>` out, which on');
print('Hub\'s pages holds the tags (`footer.page-meta`).');
print('');
print('| site | lang | query | containing: articles · KPIs · catalogues | Hub, all tiers: articles · KPIs · questions | Hub articles − containing | Pagefind pages | Pagefind − containing |');
print('|---|---|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const q = r.q;
  const c = q.bySection || {};
  const h = q.hub || {};
  const all = h.full || h.page;
  const hubCell = all && all.counts && all.counts.article != null ? `${n(all.counts.article)} · ${n(all.counts.kpi)} · ${n(all.counts.question)}` : '?';
  const diff = all && all.counts && all.counts.article != null ? all.counts.article - (c.articles || 0) : null;
  const pf = q.pagefind && q.pagefind.first ? q.pagefind.first.hits : null;
  const signed = v => (v == null ? '–' : v > 0 ? `+${n(v)}` : v < 0 ? `−${n(-v)}` : '0');
  print(`| ${siteName(r.site)} | ${q.lang} | ${q.query} | ${n(c.articles || 0)} · ${n(c.kpis || 0)} · ${n(c.catalogues || 0)} | ${hubCell} | ${signed(diff)} | ${pf == null ? '–' : n(pf)} | ${pf == null ? '–' : signed(pf - q.containing)} |`);
}
print('');

print('#### Budgets (issue 5)');
print('');
print('| target | measured | |');
print('|---|---|---|');
const defaults = rows.filter(r => r.site === 'default' && r.q.hub && r.q.hub.first);
if (defaults.length) {
  const worst = defaults.reduce((a, b) => (b.q.hub.first.wire > a.q.hub.first.wire ? b : a));
  print(`| default site: first search < 150 KB gzipped, every query | worst ${kb(worst.q.hub.first.wire)} (${worst.q.lang} ${worst.q.query}); ${defaults.filter(r => r.q.hub.first.wire < BUDGET_FIRST_SEARCH).length} of ${defaults.length} queries under | ${check(worst.q.hub.first.wire < BUDGET_FIRST_SEARCH)} |`);
  const complete = defaults.map(r => ({ r, bytes: r.q.hub.first.wire + ((r.q.hub.full || r.q.hub.page) ? (r.q.hub.full || r.q.hub.page).wire : 0) }));
  const worstComplete = complete.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  print(`| default site: complete answer (first search + results page) < 150 KB | worst ${kb(worstComplete.bytes)} (${worstComplete.r.q.lang} ${worstComplete.r.q.query}) | ${check(worstComplete.bytes < BUDGET_FIRST_SEARCH)} (not the issue's target) |`);
}
const compared = rows.filter(r => r.ratio != null);
if (compared.length) {
  const worst = compared.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const ratios = compared.map(r => r.ratio).sort((a, b) => a - b);
  print(`| 1,000 pages: Hub's first-query bytes ≤ 2× Pagefind's, every query | worst ${worst.ratio.toFixed(2)}× (${worst.q.query}: ${kb(worst.q.hub.first.wire)} vs ${kb(worst.q.pagefind.first.wire)}), median ${median(ratios).toFixed(2)}×; ${ratios.filter(r => r <= BUDGET_RATIO).length} of ${ratios.length} queries within | ${check(worst.ratio <= BUDGET_RATIO)} |`);
  const complete = compared.map(r => ({ r, ratio: (r.q.hub.first.wire + ((r.q.hub.full || r.q.hub.page) ? (r.q.hub.full || r.q.hub.page).wire : 0)) / r.q.pagefind.first.wire }));
  const worstComplete = complete.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  print(`| 1,000 pages: Hub's bytes for every hit (first search + results page) ≤ 2× Pagefind's | worst ${worstComplete.ratio.toFixed(2)}× (${worstComplete.r.q.query}), median ${median(complete.map(c => c.ratio).sort((a, b) => a - b)).toFixed(2)}× | ${check(worstComplete.ratio <= BUDGET_RATIO)} (not the issue's target) |`);
}
print('');

print('#### What each first query downloaded');
print('');
print('| site | query | Hub first search | Hub results page | Pagefind first query |');
print('|---|---|---|---|---|');
for (const r of rows) {
  const h = r.q.hub || {};
  const cells = [
    h.first ? breakdown(h.first.breakdown) : '–',
    (h.full || h.page) ? breakdown((h.full || h.page).breakdown) : '–',
    r.q.pagefind && r.q.pagefind.first ? breakdown(r.q.pagefind.first.breakdown) : '–',
  ];
  print(`| ${siteName(r.site)} | ${r.q.lang} ${r.q.query} | ${cells.join(' | ')} |`);
}
const late = rows.filter(r => (r.q.hub && r.q.hub.first && r.q.hub.first.lateWire) || (r.q.pagefind && r.q.pagefind.first && r.q.pagefind.first.lateWire));
if (late.length) {
  print('');
  print(`Fetched within 300 ms after the results were shown (not counted above): ${late.map(r => `${r.q.query}: Hub ${kb(r.q.hub.first.lateWire || 0)}, Pagefind ${kb((r.q.pagefind && r.q.pagefind.first && r.q.pagefind.first.lateWire) || 0)}`).join('; ')}.`);
}
const css = results.sites.flatMap(s => s.queries).find(q => q.hub && q.hub.first && q.hub.first.cssWire);
if (css) {
  print('');
  print(`Not counted: \`search.css\` (${kb(css.hub.first.cssWire)}), which every page loads with its other styles.`);
}
print('');
print(`Reproduce: \`bench/search/run.sh${meta.args ? ' ' + meta.args : ''}\` (${meta.elapsed || '?'} s here).`);
console.log(out.join('\n'));
