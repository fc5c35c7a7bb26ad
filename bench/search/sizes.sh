#!/usr/bin/env bash
# Search payload sizes: builds the default site (input/) and the generated 1,000-page corpus, then prints
# per language each search file kind's count, raw and gzip -9 bytes, and the bytes a fresh browser fetches
# for sampled first queries (bench/search/sizes.mjs runs the theme's own search-worker.js under Node).
#
#   bench/search/sizes.sh [--pages 1000] [--queries 60] [--no-build]
#
# Needs the .NET 10 SDK and Node.js. Writes to bench/out/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/bench/out"
HUB_DLL="$ROOT/src/Hub.Cli/bin/Release/net10.0/hub.dll"
BENCH_DLL="$ROOT/bench/Hub.Bench/bin/Release/net10.0/Hub.Bench.dll"
PAGES=1000
QUERIES=60
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES="$2"; shift ;;
    --queries) QUERIES="$2"; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$BUILD" = 1 ]; then
  dotnet build "$ROOT/src/Hub.Cli" -c Release -v q -nologo >&2
  dotnet build "$ROOT/bench/Hub.Bench" -c Release -v q -nologo >&2
fi

mkdir -p "$OUT"
echo "# default site (input/)"
rm -rf "$OUT/search-sizes/default"
dotnet "$HUB_DLL" build --input "$ROOT/input" --theme "$ROOT/theme" --output "$OUT/search-sizes/default" >&2
node "$ROOT/bench/search/sizes.mjs" "$OUT/search-sizes/default" --queries "$QUERIES"

corpus="$OUT/corpus-$PAGES"
if [ ! -d "$corpus/hub/input" ]; then
  dotnet "$BENCH_DLL" corpus --pages "$PAGES" --out "$corpus" >/dev/null
fi
echo
echo "# generated corpus, $PAGES articles"
rm -rf "$OUT/search-sizes/corpus-$PAGES"
start=$(date +%s.%N)
(cd "$corpus/hub" && dotnet "$HUB_DLL" build --input input --theme "$ROOT/theme" --output "$OUT/search-sizes/corpus-$PAGES" >&2)
echo "(whole build: $(echo "$(date +%s.%N) - $start" | bc) s)"
node "$ROOT/bench/search/sizes.mjs" "$OUT/search-sizes/corpus-$PAGES" --queries "$QUERIES"
