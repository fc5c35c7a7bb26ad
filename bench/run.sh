#!/usr/bin/env bash
# Hub against Hugo on generated sites, everything issue 26 asks in one run, printed as a Markdown table:
#   full builds at 1,000 and 10,000 articles on bench's corpus and on a varied one (another seed, longer articles,
#   Korean and English pages), for the native Hub and the Release (JIT) build, alternating with Hugo; peak memory;
#   unchanged rebuilds; one build of 100,000 articles (Hub and Hugo, time, peak memory, memory per page against
#   10,000); `hub serve`'s edit-to-HTML latency at 10,000 articles (30 body and 30 title saves, the search refresh
#   running between them); the Pages workflow's cold and warm Hub time (bench/ci-publish.sh).
#
#   bench/run.sh            all of it: about 30 minutes on 2 quiet cores (publishing Hub twice takes 5-8 of them)
#   bench/run.sh --quick    1,000 articles on both corpora, 3 runs, native Hub only, 5 saves each at 1,000, no
#                           100,000 and no CI (a few minutes once Hub is published)
#
# Options: --sizes "1000 10000"  --runs N  --pages N (the scale build's size, 0 for none; default 100000)
#          --no-jit (native Hub only)  --jit (the Release build only)  --r2r (composite ReadyToRun instead of native)
#          --no-varied  --varied "CORPUS OPTIONS" (default "--seed 7 --length long --mix ja=60,ko=25,en=15")
#          --saves N (per kind, default 30)  --no-serve  --no-ci  --no-build  --port 5099
#          --report (print the table again from the last run's bench/out/results.txt)
# Needs: the .NET 10 SDK, gcc and zlib1g-dev (native publish), hugo (apt-get install -y hugo),
# /usr/bin/time (apt-get install -y time). Everything it writes goes to bench/out/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
BENCH_DLL="$ROOT/bench/Hub.Bench/bin/Release/net10.0/Hub.Bench.dll"
# The Hubs measured: "native" is Hub as users get it fastest, published for this platform as one executable compiled
# ahead of time (see src/Hub.Cli/Hub.Cli.csproj; bench/aot-check.sh compares its output with the .NET build's);
# "jit" is the framework-dependent Release build, what `dotnet tool install` and `dotnet run -c Release` give.
HUBS="native jit"
R2R=0
SIZES="1000 10000"
SCALE=100000
RUNS=""
QUICK=0
BUILD=1
SERVE=1
CI=1
VARIED="--seed 7 --length long --mix ja=60,ko=25,en=15"
SAVES=30
PORT=5099
REPORT=0
ARGS="$*"

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; SIZES="1000"; SCALE=0; CI=0; HUBS="native" ;;
    --sizes) SIZES="$2"; shift ;;
    --pages) SCALE="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --no-serve) SERVE=0 ;;
    --no-ci) CI=0 ;;
    --no-jit) HUBS="native" ;;
    --jit) HUBS="jit" ;;
    --r2r) R2R=1 ;;
    --no-varied) VARIED="" ;;
    --varied) VARIED="$2"; shift ;;
    --saves) SAVES="$2"; shift ;;
    --report) REPORT=1 ;;
    --port) PORT="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$QUICK" = 1 ] && [ "$SAVES" = 30 ] && SAVES=5

for tool in /usr/bin/time hugo dotnet; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the header of $0)" >&2; exit 2; }
done

hub_cmd_of() {
  case "$1" in
    native) echo "$OUT/hub-native/hub" ;;
    jit) echo "dotnet $ROOT/src/Hub.Cli/bin/Release/net10.0/hub.dll" ;;
  esac
}
hub_name() {
  case "$1" in
    native) [ "$R2R" = 1 ] && echo "Hub, composite ReadyToRun" || echo "Hub, native (AOT)" ;;
    jit) echo "Hub, Release build (JIT)" ;;
  esac
}
fmt_n() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
log() { printf '%s\n' "$*" >&2; }
runs_for() {
  if [ -n "$RUNS" ]; then echo "$RUNS"; elif [ "$QUICK" = 1 ]; then echo 3; elif [ "$1" -le 2000 ]; then echo 5; else echo 3; fi
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }
# values SIZE KEY COLUMN: one column (3 = wall seconds, 4 = peak KiB, cpu = user + system seconds) of every
# result line "SIZE KEY wall KiB user system" for that size and key (KEY is CORPUS_TOOL_KIND, e.g. bench_native_full)
values() { awk -v s="$1" -v k="$2" -v c="$3" '$1 == s && $2 == k { print (c == "cpu" ? $5 + $6 : $c) }' "$RESULTS"; }
have() { [ -n "$(values "$1" "$2" 3)" ]; }

# timed SIZE KEY LOGFILE CMD...: runs CMD under /usr/bin/time and appends "SIZE KEY wall KiB user system" to the results
timed() {
  local size="$1" key="$2" logfile="$3"; shift 3
  local tf; tf="$(mktemp)"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$logfile" 2>&1; then
    log "FAILED: $* (log: $logfile)"; tail -20 "$logfile" >&2; rm -f "$tf"
    # The 100,000-article builds may fail (memory): the table says so and the run goes on.
    [ "${SOFT:-0}" = 1 ] && { echo "$size $key" >>"$OUT/failed.txt"; return 0; }
    exit 1
  fi
  echo "$size $key $(tail -1 "$tf")" >>"$RESULTS"
  log "  $key: $(tail -1 "$tf" | awk '{ printf "%s s, %.0f MiB, CPU %.2f s", $1, $2 / 1024, $3 + $4 }') (load $(cut -d' ' -f1 /proc/loadavg))"
  rm -f "$tf"
}

mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
START=$(date +%s)
if [ "$REPORT" = 1 ]; then
  LOAD_BEFORE="$(cat "$OUT/load-before.txt")"
  ARGS="$(cat "$OUT/args.txt")"
  VARIED="$(cat "$OUT/varied.txt")"
else
: >"$RESULTS"
rm -f "$OUT"/edit-latency*.txt "$OUT/serve-size.txt" "$OUT/ci.txt" "$OUT/load-after.txt" "$OUT/failed.txt"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "$LOAD_BEFORE" >"$OUT/load-before.txt"
echo "$ARGS" >"$OUT/args.txt"
echo "$VARIED" >"$OUT/varied.txt"
: >"$OUT/loads.txt"

if [ "$BUILD" = 1 ]; then
  for hub in $HUBS; do
    if [ "$hub" = jit ]; then
      log "Building Hub (Release)"
      dotnet build "$ROOT/src/Hub.Cli" -c Release -nologo -v q >"$OUT/dotnet-build-jit.log" 2>&1 || { tail -30 "$OUT/dotnet-build-jit.log" >&2; exit 1; }
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
      log "Publishing Hub (Release, $rid${isa:+, $isa}, self-contained, $kind: 3-5 minutes)"
      rm -rf "$OUT/hub-native"
      dotnet publish "$ROOT/src/Hub.Cli" -c Release -r "$rid" --self-contained true "${mode[@]}" ${isa:+-p:HubInstructionSet=$isa} -o "$OUT/hub-native" -nologo -v q >"$OUT/dotnet-build.log" 2>&1 \
        || { tail -30 "$OUT/dotnet-build.log" >&2; exit 1; }
    fi
  done
  log "Building the benchmark tool"
  dotnet build "$ROOT/bench/Hub.Bench" -c Release -nologo -v q >"$OUT/dotnet-build-bench.log" 2>&1 || { tail -30 "$OUT/dotnet-build-bench.log" >&2; exit 1; }
fi

CORPORA="bench"
[ -n "$VARIED" ] && CORPORA="bench varied"

# corpus NAME SIZE: writes the corpus (bench's own, or the varied one) into bench/out/corpus-NAME-SIZE
corpus() {
  local name="$1" size="$2" dir="$OUT/corpus-$1-$2"
  local extra=()
  [ "$name" = varied ] && read -r -a extra <<<"$VARIED"
  log "Corpus '$name' of $size articles ${extra[*]}"
  dotnet "$BENCH_DLL" corpus --pages "$size" --out "$dir" "${extra[@]}" | tee "$OUT/corpus-$name-$size.txt" >&2
}

# full_builds NAME SIZE RUNS [HUBS]: alternating builds (each Hub of HUBS, Hugo, ...), each into a new folder
full_builds() {
  local name="$1" size="$2" runs="$3" hubs="${4:-$HUBS}" corpus="$OUT/corpus-$1-$2"
  # Every timed build writes into a folder of its own that did not exist, and those folders are deleted only when
  # the benchmark ends. On this project's machine (ext4 without a journal) a file created within minutes of many
  # deletions costs several times more, as the allocator skips inodes deleted in the last 60–360 s: removing the
  # previous output before each run made each timing depend on how much the run before it had written.
  local runs_dir="$OUT/site-$name-$size/runs"
  rm -rf "$runs_dir"
  mkdir -p "$runs_dir"
  log "Full builds, $runs runs each, alternating $(echo "$hubs" | sed 's/ /, Hugo, /g'), Hugo (each into a new folder; Hub's cache removed before each)"
  for run in $(seq "$runs"); do
    local first=1
    for hub in $hubs; do
      rm -rf "$corpus/hub/.hub-cache"
      # Hub runs in the corpus folder, so its .hub-cache stays beside the input.
      # shellcheck disable=SC2046
      timed "$size" "${name}_${hub}_full" "$OUT/hub-$hub-$name-$size.log" env -C "$corpus/hub" $(hub_cmd_of "$hub") build --input input --theme "$ROOT/theme" --output "$runs_dir/$hub-$run"
      if [ "$first" = 1 ]; then
        timed "$size" "${name}_hugo_full" "$OUT/hugo-$name-$size.log" hugo --source "$corpus/hugo" --quiet --destination "$runs_dir/hugo-$run"
        first=0
      fi
    done
  done
  echo "$size $name $(cut -d' ' -f1 /proc/loadavg)" >>"$OUT/loads.txt"
}

for size in $SIZES; do
  for name in $CORPORA; do
    corpus "$name" "$size"
    runs="$(runs_for "$size")"
    full_builds "$name" "$size" "$runs"
    if [ "$name" = bench ]; then
      hub="$(echo "$HUBS" | awk '{ print $1 }')"
      again_runs=2
      log "Unchanged rebuilds (the last run's output, warm cache), $again_runs runs each"
      # The runs of other Hubs since this one's last build removed its cache, and the fingerprint names the executable:
      # one untimed build first, so the timed runs find this Hub's own up-to-date output.
      # shellcheck disable=SC2046
      env -C "$OUT/corpus-bench-$size/hub" $(hub_cmd_of "$hub") build --input input --theme "$ROOT/theme" --output "$OUT/site-bench-$size/runs/$hub-$runs" >/dev/null 2>&1 || true
      for run in $(seq "$again_runs"); do
        # shellcheck disable=SC2046
        timed "$size" "bench_${hub}_again" "$OUT/hub-again-$size.log" env -C "$OUT/corpus-bench-$size/hub" $(hub_cmd_of "$hub") build --input input --theme "$ROOT/theme" --output "$OUT/site-bench-$size/runs/$hub-$runs"
        timed "$size" "bench_hugo_again" "$OUT/hugo-again-$size.log" hugo --source "$OUT/corpus-bench-$size/hugo" --quiet --destination "$OUT/site-bench-$size/runs/hugo-$runs"
      done
    fi
  done
done

if [ "$SERVE" = 1 ]; then
  SERVE_SIZE="$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)"
  hub="$(echo "$HUBS" | awk '{ print $1 }')"
  corpus="$OUT/corpus-bench-$SERVE_SIZE"
  served="$OUT/site-bench-$SERVE_SIZE/serve"
  article="a-$(printf '%05d' $((SERVE_SIZE / 2)))"
  rm -rf "$served" "$corpus/hub/.hub-cache"
  log "hub serve ($(hub_name "$hub")) on $SERVE_SIZE articles (127.0.0.1:$PORT): $SAVES saves each of input/articles/$article.md"
  # shellcheck disable=SC2046
  (cd "$corpus/hub" && exec $(hub_cmd_of "$hub") serve --input input --output "$served" --theme "$ROOT/theme" --host 127.0.0.1 --port "$PORT") \
    >"$OUT/serve-$SERVE_SIZE.log" 2>&1 &
  SERVE_PID=$!
  trap 'kill "$SERVE_PID" 2>/dev/null || true' EXIT
  serve_start=$(date +%s%N)
  until grep -q '^Serving' "$OUT/serve-$SERVE_SIZE.log"; do
    kill -0 "$SERVE_PID" 2>/dev/null || { log "hub serve exited:"; tail -20 "$OUT/serve-$SERVE_SIZE.log" >&2; exit 1; }
    sleep 0.2
  done
  serve_ready=$(( ($(date +%s%N) - serve_start) / 1000000 ))
  # Until the first build's search index is written: the saves then meet only the refreshes they cause.
  sleep 2
  for mode in body title; do
    log "  $mode saves ($SAVES; pauses of 1.1–3.5 s, so saves land while the search index is refreshed and after)"
    also=()
    # the tag page of the article's last tag (the articles section page lists all 10,000 and is written too)
    tag="$(sed -n 's/^tags: \[.*"\([^"]*\)"\]$/\1/p' "$corpus/hub/input/articles/$article.md" | tr 'A-Z' 'a-z')"
    [ "$mode" = title ] && also=(--also "$served/ja/tags/$tag/index.html")
    dotnet "$BENCH_DLL" edit-latency --mode "$mode" --file "$corpus/hub/input/articles/$article.md" --html "$served/ja/articles/$article/index.html" \
      "${also[@]}" --runs "$SAVES" --search-dir "$served/search/ja" | tee "$OUT/edit-latency-$mode.txt" >&2 \
      || { log "  the $mode saves failed (see above); the table leaves them out"; rm -f "$OUT/edit-latency-$mode.txt"; }
  done
  kill "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  trap - EXIT
  echo "$SERVE_SIZE $hub $serve_ready" >"$OUT/serve-size.txt"
  log "  serve was ready after ${serve_ready} ms"
fi

# After the serve measurement, so that its saves do not meet the file system right after the large build's files.
if [ "$SCALE" -gt 0 ] 2>/dev/null; then
  hub="$(echo "$HUBS" | awk '{ print $1 }')"
  corpus bench "$SCALE"
  SOFT=1 full_builds bench "$SCALE" 1 "$hub"
fi

if [ "$CI" = 1 ]; then
  "$ROOT/bench/ci-publish.sh" >"$OUT/ci.txt" || log "the CI simulation failed (see above)"
fi

for size in $SIZES; do for name in $CORPORA; do rm -rf "$OUT/site-$name-$size/runs"; done; done
[ "$SCALE" -gt 0 ] 2>/dev/null && rm -rf "$OUT/site-bench-$SCALE" "$OUT/corpus-bench-$SCALE"
cut -d' ' -f1-3 /proc/loadavg >"$OUT/load-after.txt"
echo "$(($(date +%s) - START))" >"$OUT/elapsed.txt"
fi
# ---------------------------------------------------------------- the table
LOAD_AFTER="$(cat "$OUT/load-after.txt" 2>/dev/null || cut -d' ' -f1-3 /proc/loadavg)"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
ram="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
dotnet_version="$(dotnet --version)"
hugo_version="$(hugo version | awk '{ print $2 }' | cut -d+ -f1)"
SIZES_DONE="$(awk '{ print $1 }' "$RESULTS" | sort -n -u | tr '\n' ' ')"

cell_s() { printf '%.2f s (%s)' "$(values "$1" "$2" 3 | median)" "$(values "$1" "$2" 3 | minmax)"; }
cell_cpu() { printf '%.2f s' "$(values "$1" "$2" cpu | median)"; }
cell_mib() { values "$1" "$2" 4 | median | awk '{ printf "%.0f MiB", $1 / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
check() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t ? "met" : "**not met**") }'; }
corpus_label() { [ "$1" = bench ] && echo "bench" || echo "varied"; }

echo
echo "### Hub and Hugo on generated sites (issue 26)"
echo
echo "Medians (min–max in brackets) of alternating runs; CPU is user + system; peak memory is the maximum resident set size."
echo "Machine: $(nproc) cores ($cpu), $ram RAM, $(uname -sr); .NET SDK $dotnet_version, Hugo $hugo_version."
echo "Load average (1, 5, 15 min) before/after: $LOAD_BEFORE / $LOAD_AFTER; 1-minute load after each set of builds: $(awk '{ printf "%s%s %s %s", (NR > 1 ? ", " : ""), $2, $1, $3 }' "$OUT/loads.txt" 2>/dev/null)."
echo "Other processes share the machine: prefer the CPU rows and the ratios (Hub and Hugo alternate, so both see the same load); treat differences under ~15 % as noise above a load of 2."
echo "Corpora: **bench** = \`Hub.Bench corpus\` as is (seed 20251001, ~800-character Japanese articles); **varied** = \`$VARIED\` (not tuned against)."
echo
echo "| measure | corpus | articles | Hub | Hugo | Hub/Hugo | target |"
echo "|---|---|---:|---:|---:|---:|---|"
for size in $SIZES_DONE; do
  n="$(fmt_n "$size")"
  for name in bench varied; do
    have "$size" "${name}_hugo_full" || continue
    hugo_t="$(values "$size" "${name}_hugo_full" 3 | median)"; hugo_c="$(values "$size" "${name}_hugo_full" cpu | median)"; hugo_m="$(values "$size" "${name}_hugo_full" 4 | median)"
    for hub in native jit; do
      key="${name}_${hub}_full"
      have "$size" "$key" || continue
      runs="$(values "$size" "$key" 3 | wc -l)"
      hub_t="$(values "$size" "$key" 3 | median)"; hub_c="$(values "$size" "$key" cpu | median)"; hub_m="$(values "$size" "$key" 4 | median)"
      r_t="$(ratio "$hub_t" "$hugo_t")"; r_c="$(ratio "$hub_c" "$hugo_c")"; r_m="$(ratio "$hub_m" "$hugo_m")"
      target="–"
      if [ "$hub" = native ]; then target="≤ 1.00: $(check "$r_t" 1.0)"; elif [ "$size" -le 1000 ]; then target="≤ 1.50: $(check "$r_t" 1.5)"; fi
      echo "| full build, wall, $(hub_name "$hub") ($runs runs) | $(corpus_label "$name") | $n | $(cell_s "$size" "$key") | $(cell_s "$size" "${name}_hugo_full") | $r_t | $target |"
      echo "| full build, CPU, $(hub_name "$hub") | $(corpus_label "$name") | $n | $(cell_cpu "$size" "$key") | $(cell_cpu "$size" "${name}_hugo_full") | $r_c | – |"
      target_m="–"
      [ "$size" -ge 10000 ] && target_m="≤ 1.00: $(check "$r_m" 1.0)"
      echo "| full build, peak memory, $(hub_name "$hub") | $(corpus_label "$name") | $n | $(cell_mib "$size" "$key") | $(cell_mib "$size" "${name}_hugo_full") | $r_m | $target_m |"
    done
  done
  for hub in native jit; do
    key="bench_${hub}_again"
    have "$size" "$key" || continue
    again_t="$(values "$size" "$key" 3 | median)"; full_t="$(values "$size" "bench_${hub}_full" 3 | median)"
    hugo_again_t="$(values "$size" bench_hugo_again 3 | median)"
    pct="$(awk -v a="$again_t" -v f="$full_t" 'BEGIN { printf "%.0f", 100 * a / f }')"
    echo "| unchanged rebuild, wall, $(hub_name "$hub") | bench | $n | $(cell_s "$size" "$key") = $pct % of full | $(cell_s "$size" bench_hugo_again) | $(ratio "$again_t" "$hugo_again_t") | – |"
  done
done
# Memory per page: the largest size against 10,000 (or the next smaller size measured), Hub and Hugo.
big="$(echo "$SIZES_DONE" | tr ' ' '\n' | grep . | sort -n | tail -1)"
small="$(echo "$SIZES_DONE" | tr ' ' '\n' | grep . | sort -n | awk -v b="$big" '$1 < b' | tail -1)"
if [ -n "$small" ]; then
  for tool in native jit hugo; do
    have "$big" "bench_${tool}_full" && have "$small" "bench_${tool}_full" || continue
    mb="$(values "$big" "bench_${tool}_full" 4 | median)"; ms="$(values "$small" "bench_${tool}_full" 4 | median)"
    growth="$(awk -v b="$mb" -v s="$ms" -v nb="$big" -v ns="$small" 'BEGIN { printf "%.2f", (b / nb) / (s / ns) }')"
    per="$(awk -v b="$mb" -v s="$ms" -v nb="$big" -v ns="$small" 'BEGIN { printf "%.1f → %.1f KiB", s / ns, b / nb }')"
    label="Hugo"; [ "$tool" = hugo ] || label="$(hub_name "$tool")"
    target="–"; [ "$tool" = hugo ] || target="≤ 1.00 (linear): $(check "$growth" 1.0)"
    echo "| peak memory per article, $(fmt_n "$small") → $(fmt_n "$big") articles, $label | bench | $(fmt_n "$big") | $per | – | growth $growth | $target |"
  done
fi
if [ -f "$OUT/serve-size.txt" ]; then
  read -r serve_size serve_hub serve_ready <"$OUT/serve-size.txt"
  n="$(fmt_n "$serve_size")"
  for mode in body title; do
    line="$(grep -s '^median_ms=' "$OUT/edit-latency-$mode.txt" || true)"
    [ -n "$line" ] || continue
    get() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    count="$(grep -c '^edit ' "$OUT/edit-latency-$mode.txt")"
    refreshed="$(get search_refreshed "$(grep -s '^search_refreshed=' "$OUT/edit-latency-$mode.txt" || true)")"
    what="save an article's body"; [ "$mode" = title ] && what="change an article's title"
    med="$(get median_ms "$line")"; over="$(get over150 "$line")"
    ok="$(awk -v m="$med" -v o="$over" 'BEGIN { print (m < 100 && o == 0 ? "met" : "**not met**") }')"
    echo "| \`hub serve\` ($(hub_name "$serve_hub")): $what → its new HTML on disk, $count saves (search index written between saves after ${refreshed:-?} of them) | bench | $n | median $med ms, p90 $(get p90_ms "$line") ms, max $(get max_ms "$line") ms (min $(get min_ms "$line")) | – | – | median < 100 ms, none over 150 ms: $ok ($over over) |"
    also="$(grep -s '^also_median_ms=' "$OUT/edit-latency-$mode.txt" || true)"
    if [ -n "$also" ]; then
      echo "| \`hub serve\`: change an article's title → a tag page listing it updated too | bench | $n | median $(get also_median_ms "$also") ms, p90 $(get also_p90_ms "$also") ms, max $(get also_max_ms "$also") ms | – | – | – |"
    fi
  done
  echo "| \`hub serve\`: first build until it serves | bench | $n | $(awk -v ms="$serve_ready" 'BEGIN { printf "%.1f s", ms / 1000 }') | – | – | – |"
fi
while read -r size key; do
  echo "| $key at $(fmt_n "$size") articles: **failed** (see bench/out/*-$size.log) | | | | | | |"
done < <(cat "$OUT/failed.txt" 2>/dev/null)
if [ -s "$OUT/ci.txt" ]; then
  cat "$OUT/ci.txt"
fi
echo
echo "Corpus per 1,000 articles: 20 KPI pages (C# formulas with verified examples) and 20 catalogues of 20 questions;"
echo "articles with headings, lists, a table, 4–5 links, 3 tags, some footnotes, alerts and embeds."
echo "Hub builds its lunr search index too; Hugo (own minimal layouts, link render hook, default RSS and sitemap) builds none."
echo "Reproduce: \`bench/run.sh${ARGS:+ $ARGS}\` ($(cat "$OUT/elapsed.txt") s here)."
