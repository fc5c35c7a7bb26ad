#!/usr/bin/env bash
# Times the stages of one Hub build on a generated corpus (bench/Hub.Bench.Stages), the parts of rendering one
# article on one thread, warm repeats of the big stages, and the search step part by part.
#
#   bench/profile/stages.sh [SIZE] [--collect] [--dynamic-methods] [--allocations]
#
# --collect forces a full GC after each stage to show what it retains; --dynamic-methods counts the methods the
# runtime compiles at run time (Reflection.Emit, compiled regexes); --allocations sums the runtime's allocation
# samples by stage and type. Run bench/run.sh once first (it makes the corpus).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/bench/out"
SIZE="${1:-10000}"
shift || true
dotnet build "$ROOT/bench/Hub.Bench.Stages" -c Release -nologo -v q >"$OUT/stages-build.log" 2>&1 || { tail -20 "$OUT/stages-build.log" >&2; exit 1; }
rm -rf "$OUT/site-$SIZE/stages" "$OUT/site-$SIZE/stages-write-test"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
env -C "$OUT/corpus-bench-$SIZE/hub" dotnet "$ROOT/bench/Hub.Bench.Stages/bin/Release/net10.0/Hub.Bench.Stages.dll" \
  --input input --theme "$ROOT/theme" --output "$OUT/site-$SIZE/stages" "$@"
rm -rf "$OUT/site-$SIZE/stages"
