// The browser half of bench/search/run.sh: index sizes on disk, then, in Chromium, every query of the config on
// Hub's own search UI and on Pagefind, counting on the server what each step downloads. Writes results JSON.
//
//   node measure.mjs CONFIG.json RESULTS.json
//
// CONFIG: { prefix: '/cs-hub/', chromium: '/usr/bin/chromium', harnessDir, queriesFile,
//           sites: [{ key, dir, langs: [...], pagefindDir? }] }; queriesFile: { siteKey: { lang: [queries] } }
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const [configPath, resultsPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const prefix = config.prefix;
const queries = JSON.parse(readFileSync(config.queriesFile, 'utf8'));
const TIMEOUT = 60_000;

function files(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true }).map(f => join(dir, f)).filter(f => statSync(f).isFile()).sort();
}

function sizes(list) {
  let raw = 0;
  let gz = 0;
  for (const file of list) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: list.length, raw, gz };
}

const normalize = text => text.normalize('NFKC').toLowerCase();

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e) => {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[e.toLowerCase()];
    if (named) {
      return named;
    }
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The text of <main> of every content page (article, KPI, catalogue) of a language, normalized. */
function contentTexts(dir, lang) {
  const texts = [];
  for (const section of ['articles', 'kpis', 'catalogues', 'glossary']) {
    const sectionDir = join(dir, lang, section);
    if (!existsSync(sectionDir)) {
      continue;
    }
    for (const slug of readdirSync(sectionDir)) {
      const page = join(sectionDir, slug, 'index.html');
      if (!existsSync(page)) {
        continue;
      }
      const html = readFileSync(page, 'utf8');
      const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html);
      texts.push({ section, text: normalize(decodeEntities((main ? main[1] : html).replace(/<[^>]+>/g, ' '))) });
    }
  }
  return texts;
}

/** Responses of the log from index `from` on, with a breakdown grouped by path pattern. */
function summarize(log, from, only) {
  const entries = log.slice(from).filter(e => e.status === 200 && (!only || only(e.path)));
  const groups = new Map();
  for (const e of entries) {
    // Content-hashed names (Pagefind's chunks) are grouped: fragment/ja_3fa9c1e.pf_fragment -> fragment/ja_*.pf_fragment.
    const key = e.path.slice(prefix.length - 1).replace(/([._])[0-9a-f]{5,}(?=\.)/g, '$1*');
    const g = groups.get(key) || { pattern: key, count: 0, wire: 0, raw: 0 };
    g.count++;
    g.wire += e.wire;
    g.raw += e.raw;
    groups.set(key, g);
  }
  return {
    requests: entries.length,
    wire: entries.reduce((s, e) => s + e.wire, 0),
    raw: entries.reduce((s, e) => s + e.raw, 0),
    breakdown: [...groups.values()].sort((a, b) => b.wire - a.wire),
  };
}

/**
 * Installs, before the action, an observer that notices when done() first holds (the results are in the DOM) and
 * stamps performance.now() once they are painted: the next animation frame, then a task after it (a task queued
 * from a requestAnimationFrame callback runs after that frame's paint). The same for Hub and Pagefind.
 */
async function arm(page, doneSource) {
  // One evaluated string, not new Function() inside the page: Hub's pages may forbid eval by CSP.
  await page.evaluate(`(() => {
    const done = ${doneSource};
    window.__benchDone = 0;
    let seen = false;
    const check = () => {
      if (!seen && done()) {
        seen = true;
        window.__benchInDom = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__benchDone = performance.now(); }, 0));
      }
    };
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
}

async function settle(page) {
  await page.waitForFunction(() => window.__benchDone > 0, null, { timeout: TIMEOUT, polling: 50 });
  return page.evaluate(() => window.__benchDone);
}

// Done when a status line says something other than "loading" (search.js sets it to results, none, or error) and,
// unless it says none or error, the result list under it holds the results.
const HUB_BOX_DONE = `() => {
  const form = document.querySelector('form[data-search-index]');
  const s = document.querySelector('form.search-box .search-status, form[data-search-index] [role=status]');
  const t = s ? s.textContent.trim() : '';
  if (t.length === 0 || t === form.dataset.i18nLoading || t === form.dataset.i18nFullTextLoading) {
    return false;
  }
  const list = form.querySelector('.search-results');
  return t === form.dataset.i18nNoResults || t === form.dataset.i18nError || !!(list && list.querySelector('li'));
}`;
// A function, not a string: Playwright evaluates a string predicate of waitForFunction with new Function() in the
// page, which Hub's CSP (no unsafe-eval) forbids; its source is what arm() installs.
function hubPageDone() {
  const form = document.querySelector('form[data-search-index]');
  const s = document.getElementById('search-status');
  const t = s ? s.textContent.trim() : '';
  return t.length > 0 && t !== form.dataset.i18nLoading && t !== form.dataset.i18nFullTextLoading;
}
const HUB_PAGE_DONE = hubPageDone.toString();
const HUB_FULL_DONE = `() => {
  const button = document.getElementById('search-full-text');
  return (${HUB_PAGE_DONE})() && (!button || button.hidden);
}`;

function countIn(text) {
  const m = /(\d[\d,]*)/.exec(text || '');
  return m ? Number(m[1].replace(/,/g, '')) : 0;
}

async function pageCounts(page) {
  return page.evaluate(() => {
    const counts = {};
    for (const radio of document.querySelectorAll('input[name="kind"]')) {
      const span = radio.parentNode.querySelector('.search-kind-count');
      const m = /(\d+)/.exec(span ? span.textContent : '');
      counts[radio.value || 'all'] = m ? Number(m[1]) : null;
    }
    return { status: document.getElementById('search-status').textContent.trim(), counts };
  });
}

/** Hub: open the language's home page, focus the header's search box, enter the query (as an IME commits it). */
async function hubQuery(browser, server, lang, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const result = { query };
  try {
    server.reset();
    await page.goto(`${server.origin}${prefix}${lang}/`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    // search.js (and its CSS) arrive with every page; count the script as part of search, report the CSS apart.
    const withPage = summarize(server.log, 0, p => /\/[^/]*search[^/]*\.js$|lunr[^/]*\.js$/.test(p));
    const withPageCss = summarize(server.log, 0, p => /search[^/]*\.css$/.test(p));
    const mark = server.log.length;
    const box = page.locator('form[data-search-index] input[name="q"]').first();
    await arm(page, HUB_BOX_DONE);
    const t0 = await box.evaluate(input => {
      const t = performance.now();
      input.focus();
      return t;
    });
    await page.keyboard.insertText(query);
    const t1 = await settle(page);
    const first = summarize(server.log, mark);
    const status = await page.locator('form[data-search-index] [role=status]').first().textContent();
    await page.waitForTimeout(300);
    const late = summarize(server.log, mark + first.requests);
    result.first = {
      ms: Math.round(t1 - t0),
      inDomMs: Math.round((await page.evaluate(() => window.__benchInDom)) - t0),
      requests: first.requests + withPage.requests,
      hits: countIn(status),
      status: status.trim(),
      wire: first.wire + withPage.wire,
      raw: first.raw + withPage.raw,
      breakdown: [...withPage.breakdown, ...first.breakdown],
      cssWire: withPageCss.wire,
      lateWire: late.wire,
    };

    // Enter opens the results page (same tab, warm cache); it answers from the tier(s) search.js picks.
    const markPage = server.log.length;
    const p0 = Date.now();
    await Promise.all([page.waitForURL(/\/search\/\?q=/, { timeout: TIMEOUT }), page.keyboard.press('Enter')]);
    await page.waitForFunction(hubPageDone, null, { timeout: TIMEOUT, polling: 50 });
    const pageMs = Date.now() - p0;
    await page.waitForTimeout(200);
    const onPage = summarize(server.log, markPage, p => !p.endsWith('/'));
    result.page = { ...(await pageCounts(page)), ms: pageMs, wire: onPage.wire, raw: onPage.raw, breakdown: onPage.breakdown };
    result.page.hits = countIn(result.page.status);

    // "Search the full text too", when the results page offers it.
    const button = page.locator('#search-full-text');
    if (await button.isVisible()) {
      const markFull = server.log.length;
      await arm(page, HUB_FULL_DONE);
      const f0 = await button.evaluate(b => {
        const t = performance.now();
        b.click();
        return t;
      });
      const f1 = await settle(page);
      const full = summarize(server.log, markFull);
      result.full = { ...(await pageCounts(page)), ms: Math.round(f1 - f0), wire: full.wire, raw: full.raw, breakdown: full.breakdown };
      result.full.hits = countIn(result.full.status);
    }
  } catch (error) {
    result.error = String(error.message || error).split('\n')[0];
  } finally {
    await context.close();
  }
  return result;
}

/** Pagefind: its JS API on a page of the same server (bench/search/pagefind.html), under the same measurements. */
async function pagefindQuery(browser, server, lang, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const result = { query };
  try {
    // pagefind.html takes the page language (Pagefind picks the index of <html lang>) from ?lang=.
    await page.goto(`${server.origin}${prefix}__bench/pagefind.html?lang=${lang}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const mark = server.log.length;
    await arm(page, `() => document.getElementById('status').dataset.total !== undefined`);
    const t0 = await page.locator('#q').evaluate(input => {
      const t = performance.now();
      input.focus();
      return t;
    });
    await page.keyboard.insertText(query);
    const t1 = await settle(page);
    const first = summarize(server.log, mark);
    const total = Number(await page.locator('#status').getAttribute('data-total'));
    await page.waitForTimeout(300);
    const late = summarize(server.log, mark + first.requests);
    const inDom = await page.evaluate(() => window.__benchInDom);
    result.first = { ms: Math.round(t1 - t0), inDomMs: Math.round(inDom - t0), requests: first.requests, hits: total, wire: first.wire, raw: first.raw, breakdown: first.breakdown, lateWire: late.wire };
    if (total < 0) {
      result.error = await page.locator('#status').textContent();
    }
  } catch (error) {
    result.error = String(error.message || error).split('\n')[0];
  } finally {
    await context.close();
  }
  return result;
}

const repeats = Math.max(1, Number(config.repeats) || 1);

/** Of several runs of one query, the one with the median first-search time, with every run's time listed. */
function medianRun(runs) {
  const ok = runs.filter(r => r.first);
  if (ok.length === 0) {
    return runs[0];
  }
  const sorted = [...ok].sort((a, b) => a.first.ms - b.first.ms);
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...chosen, first: { ...chosen.first, allMs: ok.map(r => r.first.ms) } };
}

const results = { sites: [], repeats };
const browser = await chromium.launch({
  executablePath: config.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const site of config.sites) {
    const out = { key: site.key, languages: [], queries: [] };
    const engineJs = files(join(site.dir, 'assets', 'js')).filter(f => /search|lunr/.test(relative(site.dir, f)));
    out.engine = { ...sizes(engineJs), names: engineJs.map(f => relative(site.dir, f)) };
    for (const lang of site.langs) {
      out.languages.push({ lang, ...sizes(files(join(site.dir, 'search', lang))) });
    }
    if (site.pagefindDir) {
      const all = files(site.pagefindDir);
      const onDisk = all.reduce((s, f) => s + statSync(f).size, 0);
      const ui = all.filter(f => /pagefind-(component-|modular-)?ui|highlight/.test(relative(site.pagefindDir, f)));
      const uiBytes = ui.reduce((s, f) => s + statSync(f).size, 0);
      out.pagefind = { files: all.length - ui.length, bytes: onDisk - uiBytes, uiFiles: ui.length, uiBytes };
    }
    const mounts = [
      ...(site.pagefindDir ? [{ prefix: `${prefix}pagefind/`, dir: site.pagefindDir }] : []),
      { prefix: `${prefix}__bench/`, dir: config.harnessDir },
      { prefix, dir: site.dir },
    ];
    const server = await startServer(mounts);
    try {
      for (const lang of site.langs) {
        const texts = contentTexts(site.dir, lang);
        for (const query of (queries[site.key] || {})[lang] || []) {
          const needle = normalize(query);
          const hits = texts.filter(t => t.text.includes(needle));
          const bySection = Object.fromEntries(['articles', 'kpis', 'catalogues', 'glossary'].map(k => [k, hits.filter(t => t.section === k).length]));
          const row = { lang, query, pages: texts.length, containing: hits.length, bySection };
          process.stderr.write(`  ${site.key} ${lang} ${query}: hub`);
          // Each engine `repeats` times, alternating, each in a fresh context: bytes and hits repeat exactly; the
          // times vary with the machine's load, so the run with the median time is kept (with every time listed).
          const hubRuns = [];
          const pagefindRuns = [];
          for (let r = 0; r < repeats; r++) {
            hubRuns.push(await hubQuery(browser, server, lang, query));
            if (site.pagefindDir) {
              pagefindRuns.push(await pagefindQuery(browser, server, lang, query));
            }
          }
          row.hub = medianRun(hubRuns);
          process.stderr.write(` ${row.hub.first ? `${row.hub.first.hits} hits, ${row.hub.first.wire} B, ${row.hub.first.requests} files, ${row.hub.first.ms} ms` : row.hub.error}`);
          if (site.pagefindDir) {
            row.pagefind = medianRun(pagefindRuns);
            process.stderr.write(`; pagefind ${row.pagefind.first ? `${row.pagefind.first.hits} hits, ${row.pagefind.first.wire} B, ${row.pagefind.first.requests} files, ${row.pagefind.first.ms} ms` : row.pagefind.error}`);
          }
          process.stderr.write('\n');
          out.queries.push(row);
        }
      }
    } finally {
      await server.close();
    }
    results.sites.push(out);
  }
} finally {
  await browser.close();
}
writeFileSync(resultsPath, JSON.stringify(results, null, 2));
