#!/usr/bin/env bash
# The Hub time of the Pages workflow (.github/workflows/pages.yml), cold and warm, simulated on this machine with
# the workflow's own commands on a fresh clone of HEAD. Prints Markdown table rows (| measure | … | as bench/run.sh).
#
#   cold: no cached Hub: `dotnet publish src/Hub.Cli -c Release -r linux-x64 --self-contained true -o .hub-bin`
#         (restore, `npm ci` for lunr.js, compile, ReadyToRun), then `.hub-bin/hub build --strict --base-path /cs-hub/`
#         with no .hub-cache
#   warm: the cache restored: the same `.hub-bin` and the `.hub-cache` the cold run left, a new checkout's `_site`
#         absent, then the same `hub build` command
#
# What it cannot reproduce: GitHub's downloads (the .NET SDK and Node set-up, NuGet and npm packages come from this
# machine's caches here) and the cache actions' transfer (the compiled Hub is ~70 MiB compressed). Usage:
#   bench/ci-publish.sh [WORKDIR]   (default bench/out/ci; the clone is made from this repository's HEAD)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-$ROOT/bench/out/ci}"
log() { printf '%s\n' "$*" >&2; }
command -v /usr/bin/time >/dev/null || { log "missing /usr/bin/time (apt-get install -y time)"; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK"
head="$(git -C "$ROOT" rev-parse HEAD)"
log "CI simulation: a fresh clone of ${head:0:7} in $WORK/repo"
# Full history, as the workflow checks out with fetch-depth: 0 (Hub reads each file's date from git).
git clone --quiet --no-checkout "$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir)" "$WORK/repo"
git -C "$WORK/repo" checkout --quiet "$head"
cd "$WORK/repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# step NAME CMD...: runs CMD as a workflow step, timed; appends "NAME wall KiB user system"
step() {
  local name="$1"; shift
  local tf; tf="$(mktemp)"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$WORK/$name.log" 2>&1; then
    log "FAILED: $* (log: $WORK/$name.log)"; tail -20 "$WORK/$name.log" >&2; rm -f "$tf"; exit 1
  fi
  echo "$name $(tail -1 "$tf")" >>"$WORK/times.txt"
  log "  $name: $(tail -1 "$tf" | awk '{ printf "%s s wall, CPU %.1f s", $1, $3 + $4 }') (load $(cut -d' ' -f1 /proc/loadavg))"
  rm -f "$tf"
}
: >"$WORK/times.txt"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

log "Cold: compile Hub (restore from this machine's NuGet and npm caches, then the workflow's publish)"
step cold_publish dotnet publish src/Hub.Cli -c Release -r linux-x64 --self-contained true -o .hub-bin
step cold_build .hub-bin/hub build --strict --base-path /cs-hub/
log "Warm: the cached .hub-bin and .hub-cache, a new _site"
rm -rf _site
step warm_build .hub-bin/hub build --strict --base-path /cs-hub/
rm -rf _site
step warm_build2 .hub-bin/hub build --strict --base-path /cs-hub/
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

get() { awk -v k="$1" -v c="$2" '$1 == k { print (c == "cpu" ? $4 + $5 : $c) }' "$WORK/times.txt"; }
pages="$(find _site -name index.html | wc -l)"
size="$(du -sh .hub-bin | cut -f1)"
cold="$(awk -v a="$(get cold_publish 2)" -v b="$(get cold_build 2)" 'BEGIN { printf "%.1f", a + b }')"
warm="$(printf '%s\n%s\n' "$(get warm_build 2)" "$(get warm_build2 2)" | sort -g | head -1)"
ok() { awk -v s="$1" 'BEGIN { print (s < 60 ? "met" : "**not met**") }'; }
echo "| Pages workflow, cold (no cached Hub): publish self-contained ReadyToRun Hub ($size) | input/ | $pages pages | $(printf '%.1f s' "$(get cold_publish 2)") (wall: MSBuild's worker nodes and compiler server are not its children, so their CPU is not counted) | – | – | – |"
echo "| Pages workflow, cold: \`hub build --strict\`, no .hub-cache | input/ | $pages pages | $(printf '%.1f s (CPU %.1f s)' "$(get cold_build 2)" "$(get cold_build cpu)") | – | – | – |"
echo "| Pages workflow, cold: Hub time in all | input/ | $pages pages | $cold s | – | – | – |"
echo "| Pages workflow, warm (cached Hub and .hub-cache): \`hub build --strict\`, best of 2 | input/ | $pages pages | $(printf '%.1f s' "$warm") | – | – | < 60 s: $(ok "$warm") |"
echo "| (CI simulation load average before/after: $load_before / $load_after; clone of ${head:0:7}) | | | | | | |"
