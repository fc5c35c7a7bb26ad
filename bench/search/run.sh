#!/usr/bin/env bash
# Search budgets (issue 5): Hub's search index on the default site (input/) and on the generated 1,000-page corpus,
# against Pagefind 1.6 on the same 1,000 built pages. Index bytes, build and indexing times, then, in Chromium, what
# the first query of each search downloads, how long it takes and how many hits it finds. Prints a Markdown table
# and saves it to bench/out/search-<date>.md.
#
#   bench/search/run.sh              everything (about 2-3 minutes on 2 cores once Hub is compiled)
#
# Options: --runs N (timed builds, Pagefind runs and repeats of each query in Chromium, default 3)  --no-build (reuse the Release build)
#          --no-stages (skip the stage profiler)  --report (print the last table again)
# Needs: Linux x86_64, the .NET 10 SDK, Node.js/npm (installs Pagefind's binary and playwright-core from bench/search/package-lock.json),
# Debian's Chromium at /usr/bin/chromium (never downloads a browser). Writes only to bench/out/ and bench/search/node_modules.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out"
WORK="$OUT/search"
HUB_DLL="$ROOT/src/Hub.Cli/bin/Release/net10.0/hub.dll"
BENCH_DLL="$ROOT/bench/Hub.Bench/bin/Release/net10.0/Hub.Bench.dll"
STAGES_DLL="$ROOT/bench/Hub.Bench.Stages/bin/Release/net10.0/Hub.Bench.Stages.dll"
CHROMIUM=/usr/bin/chromium
BASE_PATH=/cs-hub/
PAGES=1000
RUNS=3
BUILD=1
STAGES=1
REPORT=0
ARGS="$*"

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --no-stages) STAGES=0 ;;
    --report) REPORT=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '%s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

if [ "$REPORT" = 1 ]; then
  node "$HERE/report.mjs" "$WORK/results.json" "$WORK/timings.txt"
  exit 0
fi

[ "$(uname -sm)" = "Linux x86_64" ] || { echo "needs Linux x86_64 (Pagefind's binary package is @pagefind/linux-x64)" >&2; exit 2; }
for tool in dotnet node npm "$CHROMIUM"; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the header of $0)" >&2; exit 2; }
done

mkdir -p "$WORK"
START=$(date +%s)
TIMINGS="$WORK/timings.txt"
: >"$TIMINGS"
record() { echo "$*" >>"$TIMINGS"; }
record meta load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
record meta args "$ARGS"

# npm packages of this benchmark only (not the repository's package.json), exactly as locked.
if ! cmp -s "$HERE/package-lock.json" "$HERE/node_modules/.bench-lock.json" 2>/dev/null; then
  log "Installing pagefind and playwright-core (npm ci in bench/search)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1) || { tail -20 "$WORK/npm.log" >&2; exit 1; }
  cp "$HERE/package-lock.json" "$HERE/node_modules/.bench-lock.json"
fi
# The binary the npm package `pagefind` would run on this platform (the wrapper itself is not installed: its lock
# file would need every platform's binary package, and only Linux's are served here).
PAGEFIND="$HERE/node_modules/@pagefind/linux-x64/bin/pagefind_extended"

if [ "$BUILD" = 1 ]; then
  log "Building Hub (Release) and the benchmark tools"
  {
    dotnet build "$ROOT/src/Hub.Cli" -c Release -nologo -v q &&
      dotnet build "$ROOT/bench/Hub.Bench" -c Release -nologo -v q &&
      { [ "$STAGES" = 0 ] || dotnet build "$ROOT/bench/Hub.Bench.Stages" -c Release -nologo -v q || echo "stage profiler did not build; skipping it"; }
  } >"$WORK/dotnet-build.log" 2>&1 || { tail -30 "$WORK/dotnet-build.log" >&2; exit 1; }
  grep -q 'stage profiler did not build' "$WORK/dotnet-build.log" && STAGES=0
fi

CORPUS="$OUT/corpus-bench-$PAGES"
if [ ! -d "$CORPUS/hub/input" ]; then
  log "Generating the $PAGES-page corpus (bench/Hub.Bench)"
  dotnet "$BENCH_DLL" corpus --pages "$PAGES" --out "$CORPUS" >&2
fi

# site KEY INPUT_DIR WORKING_DIR: builds Hub's site into $WORK/site-KEY, RUNS times from cold (output and the Roslyn
# cache removed), recording the wall time of each. The working directory holds Hub's .hub-cache.
site() {
  local key="$1" input="$2" cwd="$3" output="$WORK/site-$1"
  log "Hub build of the $key site, $RUNS runs"
  for run in $(seq "$RUNS"); do
    rm -rf "$output" "$cwd/.hub-cache"
    local t0; t0=$(now_ms)
    env -C "$cwd" dotnet "$HUB_DLL" build --input "$input" --theme "$ROOT/theme" --output "$output" --base-path "$BASE_PATH" \
      >"$WORK/build-$key.log" 2>&1 || { log "Hub build failed:"; tail -20 "$WORK/build-$key.log" >&2; exit 1; }
    record hub_build "$key" $(($(now_ms) - t0))
  done
  log "  $(grep '^build:' "$WORK/build-$key.log" | tail -1)"
  if [ "$STAGES" = 1 ]; then
    log "  stage profiler (bench/Hub.Bench.Stages)"
    rm -rf "$WORK/stages-scratch"
    if env -C "$cwd" dotnet "$STAGES_DLL" --input "$input" --theme "$ROOT/theme" --output "$WORK/stages-scratch" >"$WORK/stages-$key.md" 2>&1; then
      awk -F'|' -v k="$key" '$2 ~ /^ *search index/ { gsub(/ /, "", $3); print "stage_cold", k, $3 }' "$WORK/stages-$key.md" >>"$TIMINGS"
      sed -n 's/^search step again[^:]*: \([0-9]*\) ms wall.*/\1/p' "$WORK/stages-$key.md" | sed "s/^/stage_warm $key /" >>"$TIMINGS"
    else
      log "  stage profiler failed (see $WORK/stages-$key.md); its rows will be empty"
    fi
    rm -rf "$WORK/stages-scratch"
  fi
}
mkdir -p "$WORK/cwd-default"
site default "$ROOT/input" "$WORK/cwd-default"
site "corpus-$PAGES" "$CORPUS/hub/input" "$CORPUS/hub"

# Pagefind on Hub's own output: the content pages only (articles, KPIs, catalogues, glossary terms: what Hub's index
# holds; not the home, section, tag, glossary index and search pages). No data-pagefind-body: Pagefind then indexes
# each <body> but leaves out <header>, <nav>, <footer>, forms and scripts, which is Hub's site chrome. Its output goes
# beside the site. pagefind KEY: on $WORK/site-KEY, RUNS times, into $WORK/pagefind-KEY.
pagefind() {
  local key="$1" out="$WORK/pagefind-$1"
  log "Pagefind $("$PAGEFIND" --version 2>/dev/null | awk '{ print $NF }') on the $key site, $RUNS runs"
  for run in $(seq "$RUNS"); do
    rm -rf "$out"
    local t0; t0=$(now_ms)
    "$PAGEFIND" --site "$WORK/site-$key" --output-path "$out" --glob '*/{articles,kpis,catalogues,glossary}/*/index.html' \
      >"$WORK/pagefind-$key.log" 2>&1 || { tail -20 "$WORK/pagefind-$key.log" >&2; exit 1; }
    record pagefind_ms "$key" $(($(now_ms) - t0))
  done
  record pagefind_pages "$key" "$(sed -n 's/.*Indexed \([0-9]*\) pages.*/\1/p' "$WORK/pagefind-$key.log" | head -1)"
  log "  $(grep -m1 'Indexed [0-9]* pages' "$WORK/pagefind-$key.log" | sed 's/^ *//'), $(grep -m1 'Finished in' "$WORK/pagefind-$key.log")"
}
pagefind default
pagefind "corpus-$PAGES"

log "Queries in Chromium ($CHROMIUM)"
cat >"$WORK/config.json" <<EOF
{
  "prefix": "$BASE_PATH",
  "chromium": "$CHROMIUM",
  "harnessDir": "$HERE",
  "queriesFile": "$HERE/queries.json",
  "repeats": $RUNS,
  "sites": [
    { "key": "default", "dir": "$WORK/site-default", "langs": ["ja", "ko", "en"], "pagefindDir": "$WORK/pagefind-default" },
    { "key": "corpus-$PAGES", "dir": "$WORK/site-corpus-$PAGES", "langs": ["ja"], "pagefindDir": "$WORK/pagefind-corpus-$PAGES" }
  ]
}
EOF
node "$HERE/measure.mjs" "$WORK/config.json" "$WORK/results.json"

record meta load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
record meta machine "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
record meta dotnet "$(dotnet --version)"
record meta node "$(node --version)"
record meta chromium "$("$CHROMIUM" --version 2>/dev/null | awk '{ print $1, $2 }')"
record meta pagefind "$("$PAGEFIND" --version 2>/dev/null | awk '{ print $NF }')"
record meta commit "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
record meta elapsed "$(($(date +%s) - START))"
REPORT_FILE="$OUT/search-$(date +%Y%m%d-%H%M%S).md"
node "$HERE/report.mjs" "$WORK/results.json" "$TIMINGS" | tee "$REPORT_FILE"
log ""
log "Saved to $REPORT_FILE"
