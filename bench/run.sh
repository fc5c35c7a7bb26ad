#!/usr/bin/env bash
# Hub against Hugo on the same generated, mostly Japanese corpus: full builds (alternating, several runs),
# an unchanged rebuild, and the edit-to-HTML latency of `hub serve`. Prints a Markdown table.
#
#   bench/run.sh            1,000 and 10,000 articles (5 and 3 runs), serve latency at 10,000
#   bench/run.sh --quick    1,000 articles only, 3 runs (under a minute once Hub is compiled)
#
# Options: --sizes "1000 10000"  --runs N  --no-build  --no-serve  --port 5099
#          --r2r (Hub as a composite ReadyToRun image instead of native code)  --jit (the plain Release build)
#          --report (print the table again from the last run's bench/out/results.txt)
# Needs: the .NET 10 SDK, hugo (apt-get install -y hugo), /usr/bin/time (apt-get install -y time).
# Everything it writes goes to bench/out/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
# Hub as users get it fastest: published for this platform as one native executable, compiled ahead of time (see
# src/Hub.Cli/Hub.Cli.csproj; bench/aot-check.sh compares its output with the .NET build's); --r2r measures the
# self-contained composite ReadyToRun publish instead, --jit the plain Release build.
HUB=("$ROOT/bench/out/hub-native/hub")
JIT=0
R2R=0
BENCH_DLL="$ROOT/bench/Hub.Bench/bin/Release/net10.0/Hub.Bench.dll"
SIZES="1000 10000"
RUNS=""
QUICK=0
BUILD=1
SERVE=1
PORT=5099
REPORT=0
ARGS="$*"

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; SIZES="1000" ;;
    --sizes) SIZES="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --no-serve) SERVE=0 ;;
    --report) REPORT=1 ;;
    --r2r) R2R=1 ;;
    --jit) JIT=1; HUB=(dotnet "$ROOT/src/Hub.Cli/bin/Release/net10.0/hub.dll") ;;
    --port) PORT="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in /usr/bin/time hugo dotnet; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the header of $0)" >&2; exit 2; }
done

fmt_n() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
log() { printf '%s\n' "$*" >&2; }
runs_for() {
  if [ -n "$RUNS" ]; then echo "$RUNS"; elif [ "$QUICK" = 1 ]; then echo 3; elif [ "$1" -le 2000 ]; then echo 5; else echo 3; fi
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }
# values SIZE KEY COLUMN: one column (3 = wall seconds, 4 = peak KiB, cpu = user + system seconds) of every
# result line "SIZE KEY wall KiB user system" for that size and key
values() { awk -v s="$1" -v k="$2" -v c="$3" '$1 == s && $2 == k { print (c == "cpu" ? $5 + $6 : $c) }' "$RESULTS"; }

# timed SIZE KEY LOGFILE CMD...: runs CMD under /usr/bin/time and appends "SIZE KEY wall KiB user system" to the results
timed() {
  local size="$1" key="$2" logfile="$3"; shift 3
  local tf; tf="$(mktemp)"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$logfile" 2>&1; then
    log "FAILED: $* (log: $logfile)"; tail -20 "$logfile" >&2; rm -f "$tf"; exit 1
  fi
  echo "$size $key $(tail -1 "$tf")" >>"$RESULTS"
  log "  $key: $(tail -1 "$tf" | awk '{ printf "%s s, %.0f MiB, CPU %.2f s", $1, $2 / 1024, $3 + $4 }')"
  rm -f "$tf"
}

mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
START=$(date +%s)
if [ "$REPORT" = 1 ]; then
  SIZES="$(awk '{ print $1 }' "$RESULTS" | sort -n -u | tr '\n' ' ')"
  LOAD_BEFORE="$(cat "$OUT/load-before.txt")"
  SERVE_SIZE="$(cat "$OUT/serve-size.txt" 2>/dev/null || true)"
  ARGS="$(cat "$OUT/args.txt")"
else
: >"$RESULTS"
rm -f "$OUT"/edit-latency*.txt "$OUT/serve-size.txt"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "$LOAD_BEFORE" >"$OUT/load-before.txt"
echo "$ARGS" >"$OUT/args.txt"

if [ "$BUILD" = 1 ]; then
  if [ "$JIT" = 1 ]; then
    log "Building Hub (Release) and the benchmark tool"
    dotnet build "$ROOT/src/Hub.Cli" -c Release -nologo -v q >"$OUT/dotnet-build.log" 2>&1 || { tail -30 "$OUT/dotnet-build.log" >&2; exit 1; }
  else
    rid="$(dotnet --info | awk '/RID:/ { print $2; exit }')"
    # Precompiled for the instruction set this machine has (x86-64-v3: AVX2, BMI1/2, FMA, LZCNT, MOVBE), as one
    # publishes for the machine that builds the site; the baseline otherwise.
    isa=""
    if [ "$rid" = linux-x64 ] && awk '/^flags/ { f = $0; exit } END { n = split("avx2 bmi1 bmi2 fma abm movbe", w, " "); for (i = 1; i <= n; i++) if (f !~ (" " w[i] "( |$)")) exit 1 }' /proc/cpuinfo; then
      isa="x86-64-v3"
    fi
    kind="native, compiled ahead of time"
    mode=(-p:PublishAot=true)
    if [ "$R2R" = 1 ]; then kind="composite ReadyToRun"; mode=(); fi
    log "Publishing Hub (Release, $rid${isa:+, $isa}, self-contained, $kind: about 3 minutes) and building the benchmark tool"
    rm -rf "$OUT/hub-native"
    dotnet publish "$ROOT/src/Hub.Cli" -c Release -r "$rid" --self-contained true "${mode[@]}" ${isa:+-p:HubInstructionSet=$isa} -o "$OUT/hub-native" -nologo -v q >"$OUT/dotnet-build.log" 2>&1 \
      || { tail -30 "$OUT/dotnet-build.log" >&2; exit 1; }
  fi
  dotnet build "$ROOT/bench/Hub.Bench" -c Release -nologo -v q >>"$OUT/dotnet-build.log" 2>&1 || { tail -30 "$OUT/dotnet-build.log" >&2; exit 1; }
fi


for size in $SIZES; do
  corpus="$OUT/corpus-$size"
  site="$OUT/site-$size"
  runs="$(runs_for "$size")"
  log "Corpus of $size articles"
  dotnet "$BENCH_DLL" corpus --pages "$size" --out "$corpus" | tee "$OUT/corpus-$size.txt" >&2
  mkdir -p "$site"
  # Every timed build writes into a folder of its own that did not exist, and those folders are deleted only when
  # the benchmark ends. On this project's machine (ext4 without a journal) a file created within minutes of many
  # deletions costs several times more, as the allocator skips inodes deleted in the last 60–360 s: removing the
  # previous output before each run made each timing depend on how much the run before it had written.
  runs_dir="$site/runs"
  rm -rf "$runs_dir"
  mkdir -p "$runs_dir"
  # The commands measured. Hub runs in the corpus folder, so its .hub-cache stays beside the input.
  hub_cmd=(env -C "$corpus/hub" "${HUB[@]}" build --input input --theme "$ROOT/theme" --output)
  hugo_cmd=(hugo --source "$corpus/hugo" --quiet --destination)
  log "Full builds, $runs runs each, alternating (each into a new folder; Hub's cache removed before each)"
  for run in $(seq "$runs"); do
    rm -rf "$corpus/hub/.hub-cache"
    timed "$size" hub_full "$OUT/hub-$size.log" "${hub_cmd[@]}" "$runs_dir/hub-$run"
    timed "$size" hugo_full "$OUT/hugo-$size.log" "${hugo_cmd[@]}" "$runs_dir/hugo-$run"
  done
  again_runs="$runs"
  [ "$QUICK" = 1 ] && again_runs=2
  log "Unchanged rebuilds (the last run's output, warm cache), $again_runs runs each"
  for run in $(seq "$again_runs"); do
    timed "$size" hub_again "$OUT/hub-again-$size.log" "${hub_cmd[@]}" "$runs_dir/hub-$runs"
    timed "$size" hugo_again "$OUT/hugo-again-$size.log" "${hugo_cmd[@]}" "$runs_dir/hugo-$runs"
  done
  grep -h '^build:' "$OUT/hub-$size.log" | tail -1 | sed 's/^/  hub /' >&2
done

SERVE_SIZE="$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)"
if [ "$SERVE" = 1 ]; then
  edits=5; title_edits=5; pause=1500
  [ "$QUICK" = 1 ] && { edits=2; title_edits=0; pause=300; }
  corpus="$OUT/corpus-$SERVE_SIZE"
  served="$OUT/site-$SERVE_SIZE/serve"
  article="a-$(printf '%05d' $((SERVE_SIZE / 2)))"
  rm -rf "$served"
  log "hub serve on $SERVE_SIZE articles (127.0.0.1:$PORT): edits of input/articles/$article.md"
  (cd "$corpus/hub" && exec "${HUB[@]}" serve --input input --output "$served" --theme "$ROOT/theme" --host 127.0.0.1 --port "$PORT") \
    >"$OUT/serve-$SERVE_SIZE.log" 2>&1 &
  SERVE_PID=$!
  trap 'kill "$SERVE_PID" 2>/dev/null || true' EXIT
  serve_start=$(date +%s%N)
  until grep -q '^Serving' "$OUT/serve-$SERVE_SIZE.log"; do
    kill -0 "$SERVE_PID" 2>/dev/null || { log "hub serve exited:"; tail -20 "$OUT/serve-$SERVE_SIZE.log" >&2; exit 1; }
    sleep 0.2
  done
  serve_ready=$(( ($(date +%s%N) - serve_start) / 1000000 ))
  sleep 1
  for mode in body title; do
    n_edits="$edits"
    [ "$mode" = title ] && n_edits="$title_edits"
    [ "$n_edits" -gt 0 ] || continue
    log "  $mode edits ($n_edits)"
    also=()
    # the tag page of the article's last tag (the articles section page lists all 10,000 and is written too)
    tag="$(sed -n 's/^tags: \[.*"\([^"]*\)"\]$/\1/p' "$corpus/hub/input/articles/$article.md" | tr 'A-Z' 'a-z')"
    [ "$mode" = title ] && also=(--also "$served/ja/tags/$tag/index.html")
    dotnet "$BENCH_DLL" edit-latency --mode "$mode" --file "$corpus/hub/input/articles/$article.md" --html "$served/ja/articles/$article/index.html" \
      "${also[@]}" --runs "$n_edits" --pause-ms "$pause" | tee "$OUT/edit-latency-$mode.txt" >&2
  done
  kill "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  trap - EXIT
  echo "$SERVE_SIZE" >"$OUT/serve-size.txt"
  log "  serve was ready after ${serve_ready} ms"
fi

for size in $SIZES; do rm -rf "$OUT/site-$size/runs"; done
fi
# ---------------------------------------------------------------- the table
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
ram="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
dotnet_version="$(dotnet --version)"
hugo_version="$(hugo version | awk '{ print $2 }' | cut -d+ -f1)"

cell_s() { local m; m="$(values "$1" "$2" 3 | median)"; printf '%.2f s (%s)' "$m" "$(values "$1" "$2" 3 | minmax)"; }
cell_mib() { values "$1" "$2" 4 | median | awk '{ printf "%.0f MiB", $1 / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
check() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "not met") }'; }

echo
echo "### Hub and Hugo on the same generated site"
echo
echo "Medians (min–max in brackets) of alternating runs; peak memory is the maximum resident set size."
echo "Machine: $(nproc) cores ($cpu), $ram RAM, $(uname -sr); .NET SDK $dotnet_version, Hugo $hugo_version."
echo "Load average before/after: $LOAD_BEFORE / $LOAD_AFTER (other processes share the machine; treat differences under ~15 % as noise)."
echo
echo "| measure | articles | Hub | Hugo | Hub/Hugo | target (issue 7) |"
echo "|---|---:|---:|---:|---:|---|"
for size in $SIZES; do
  n="$(fmt_n "$size")"
  runs="$(values "$size" hub_full 3 | wc -l)"
  hub_t="$(values "$size" hub_full 3 | median)"; hugo_t="$(values "$size" hugo_full 3 | median)"
  hub_m="$(values "$size" hub_full 4 | median)"; hugo_m="$(values "$size" hugo_full 4 | median)"
  again_t="$(values "$size" hub_again 3 | median)"; hugo_again_t="$(values "$size" hugo_again 3 | median)"
  r_t="$(ratio "$hub_t" "$hugo_t")"; r_m="$(ratio "$hub_m" "$hugo_m")"
  echo "| full build, wall ($runs runs) | $n | $(cell_s "$size" hub_full) | $(cell_s "$size" hugo_full) | $r_t | ≤ 1.00: $(check "$(awk -v r="$r_t" 'BEGIN { print (r <= 1.0) }')") |"
  target_m="–"
  [ "$size" -ge 10000 ] && target_m="≤ 1.00: $(check "$(awk -v r="$r_m" 'BEGIN { print (r <= 1.0) }')")"
  hub_c="$(values "$size" hub_full cpu | median)"; hugo_c="$(values "$size" hugo_full cpu | median)"
  echo "| full build, CPU (user + system) | $n | $(printf '%.2f s' "$hub_c") | $(printf '%.2f s' "$hugo_c") | $(ratio "$hub_c" "$hugo_c") | – |"
  echo "| full build, peak memory | $n | $(cell_mib "$size" hub_full) | $(cell_mib "$size" hugo_full) | $r_m | $target_m |"
  pct="$(awk -v a="$again_t" -v f="$hub_t" 'BEGIN { printf "%.0f", 100 * a / f }')"
  echo "| unchanged rebuild, wall | $n | $(cell_s "$size" hub_again) = $pct % of full | $(cell_s "$size" hugo_again) | $(ratio "$again_t" "$hugo_again_t") | < 30 % of full: $(check "$(awk -v p="$pct" 'BEGIN { print (p < 30) }')") |"
  hub_ac="$(values "$size" hub_again cpu | median)"; hugo_ac="$(values "$size" hugo_again cpu | median)"
  echo "| unchanged rebuild, CPU (user + system) | $n | $(printf '%.2f s' "$hub_ac") = $(awk -v a="$hub_ac" -v f="$hub_c" 'BEGIN { printf "%.0f", 100 * a / f }') % of full | $(printf '%.2f s' "$hugo_ac") | $(ratio "$hub_ac" "$hugo_ac") | – |"
done
for mode in body title; do
  line="$(grep -s '^median_ms=' "$OUT/edit-latency-$mode.txt" || true)"
  [ -n "$line" ] || continue
  med="$(echo "$line" | sed 's/.*median_ms=\([0-9]*\).*/\1/')"
  lo="$(echo "$line" | sed 's/.*min_ms=\([0-9]*\).*/\1/')"; hi="$(echo "$line" | sed 's/.*max_ms=\([0-9]*\).*/\1/')"
  count="$(grep -c '^edit ' "$OUT/edit-latency-$mode.txt")"
  n="$(fmt_n "$SERVE_SIZE")"
  if [ "$mode" = body ]; then
    echo "| \`hub serve\`: save an article's body → its new HTML on disk ($count edits) | $n | $med ms ($lo–$hi) | – | – | < 100 ms: $(check "$(awk -v m="$med" 'BEGIN { print (m < 100) }')") |"
  else
    echo "| \`hub serve\`: change an article's title → its new HTML on disk ($count edits) | $n | $med ms ($lo–$hi) | – | – | < 100 ms: $(check "$(awk -v m="$med" 'BEGIN { print (m < 100) }')") |"
    also="$(grep -s '^also_median_ms=' "$OUT/edit-latency-$mode.txt" || true)"
    if [ -n "$also" ]; then
      amed="$(echo "$also" | sed 's/.*also_median_ms=\([0-9]*\).*/\1/')"
      alo="$(echo "$also" | sed 's/.*also_min_ms=\([0-9]*\).*/\1/')"; ahi="$(echo "$also" | sed 's/.*also_max_ms=\([0-9]*\).*/\1/')"
      echo "| \`hub serve\`: change an article's title → a tag page listing it updated too | $n | $amed ms ($alo–$ahi) | – | – | – |"
    fi
  fi
done
echo
first="$(echo "$SIZES" | awk '{ print $1 }')"
echo "Corpus per 1,000 articles: 20 KPI pages (C# formulas with verified examples) and 20 catalogues of 20 questions;"
echo "articles of ~800 characters (mostly Japanese) with headings, lists, a table, 4–5 links, 3 tags, some footnotes, alerts and embeds."
echo "Hub builds its lunr search index too; Hugo (own minimal layouts, link render hook, default RSS and sitemap) builds none."
[ "$REPORT" = 1 ] || echo "$(($(date +%s) - START))" >"$OUT/elapsed.txt"
echo "Reproduce: \`bench/run.sh${ARGS:+ $ARGS}\` ($(cat "$OUT/elapsed.txt") s here)."
