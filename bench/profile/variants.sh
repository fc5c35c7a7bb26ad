#!/usr/bin/env bash
# Runtime experiments on one corpus: the same Hub build under different runtime settings, alternating, with the
# median wall time, CPU time (user + system) and peak memory of each. Run bench/run.sh once first (it makes the
# corpus and builds Hub).
#
#   bench/profile/variants.sh [SIZE] [RUNS] [R2R_DIR] [NAME_REGEX]
#
# R2R_DIR, if given, holds a ReadyToRun publish of Hub made from a copy of the tree, e.g.
#   cp -r src Directory.*.props /tmp/hub-r2r/ && cd /tmp/hub-r2r &&
#   dotnet publish src/Hub.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/hub-r2r/out
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/bench/out"
SIZE="${1:-1000}"
RUNS="${2:-3}"
R2R="${3:-}"
ONLY="${4:-.}"
HUB_DLL="$ROOT/src/Hub.Cli/bin/Release/net10.0/hub.dll"
corpus="$OUT/corpus-bench-$SIZE/hub"
site="$OUT/site-$SIZE/variants"
results="$OUT/variants-$SIZE.txt"
: >"$results"

# name|environment|hub.dll
variants=(
  "default|-|$HUB_DLL"
  "TieredPGO off|DOTNET_TieredPGO=0|$HUB_DLL"
  "QuickJitForLoops off|DOTNET_TC_QuickJitForLoops=0|$HUB_DLL"
  "gen0 budget 64 MiB|DOTNET_GCgen0size=0x4000000|$HUB_DLL"
  "Server GC|DOTNET_gcServer=1|$HUB_DLL"
  "TieredCompilation off|DOTNET_TieredCompilation=0|$HUB_DLL"
  "TieredPGO off + call counting delay 0|DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0|$HUB_DLL"
  "gen0 budget 256 MiB|DOTNET_GCgen0size=0x10000000|$HUB_DLL"
  "TieredPGO off + gen0 256 MiB|DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x10000000|$HUB_DLL"
)
[ -n "$R2R" ] && variants+=("ReadyToRun|-|$R2R/hub.dll" "ReadyToRun + TieredPGO off|DOTNET_TieredPGO=0|$R2R/hub.dll"
  "ReadyToRun + gen0 64 MiB|DOTNET_GCgen0size=0x4000000|$R2R/hub.dll"
  "ReadyToRun + TieredCompilation off|DOTNET_TieredCompilation=0|$R2R/hub.dll")
selected=()
for v in "${variants[@]}"; do [[ "${v%%|*}" =~ $ONLY ]] && selected+=("$v"); done
variants=("${selected[@]}")

for run in $(seq "$RUNS"); do
  for v in "${variants[@]}"; do
    IFS='|' read -r name envs dll <<<"$v"
    rm -rf "$site" "$corpus/.hub-cache"
    tf="$(mktemp)"
    if [ "$envs" = "-" ]; then envs=""; fi
    # shellcheck disable=SC2086
    env -C "$corpus" $envs /usr/bin/time -f '%e %M %U %S' -o "$tf" dotnet "$dll" build --input input --output "$site" --theme "$ROOT/theme" >/dev/null 2>&1 \
      || { echo "failed: $name" >&2; exit 1; }
    echo "$name|$(cat "$tf")" >>"$results"
    echo "  $name: $(cat "$tf")" >&2
    rm -f "$tf"
  done
done

echo
echo "| variant ($SIZE articles, median of $RUNS, load $(cut -d' ' -f1-3 /proc/loadavg)) | wall s | CPU s | peak MiB |"
echo "|---|---:|---:|---:|"
for v in "${variants[@]}"; do
  name="${v%%|*}"
  awk -F'|' -v n="$name" '$1 == n { print $2 }' "$results" | awk '{ print $1, $2, $3 + $4 }' | sort -g -k3 >"$results.tmp"
  med() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
  printf '| %s | %.2f | %.2f | %.0f |\n' "$name" "$(awk '{ print $1 }' "$results.tmp" | med)" "$(awk '{ print $3 }' "$results.tmp" | med)" "$(awk '{ print $2 / 1024 }' "$results.tmp" | med)"
done
rm -f "$results.tmp"
