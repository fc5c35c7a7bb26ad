#!/usr/bin/env bash
# Checks that a native (ahead-of-time compiled) Hub does what the .NET build of the same code does: builds the
# repository's input/ and a copy with errors of every kind (a formula Roslyn rejects, one outside the whitelist, a
# wrong worked example, a broken link, bad YAML) with both, and compares exit codes, everything printed, and the
# output folders byte for byte. The native compiler trims code Hub does not reach and warns about reflection it
# cannot follow in Roslyn; this is what shows that nothing a build reaches was lost.
#
#   bench/aot-check.sh [NATIVE_HUB]     default: bench/out/hub-native/hub, as bench/run.sh publishes it
#
# Needs: the .NET 10 SDK, and NATIVE_HUB published with
#   dotnet publish src/Hub.Cli -c Release -r linux-x64 --self-contained -p:PublishAot=true -o bench/out/hub-native
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NATIVE="${1:-$ROOT/bench/out/hub-native/hub}"
[ -x "$NATIVE" ] || { echo "no native hub at $NATIVE (see the header of $0)" >&2; exit 2; }
WORK="$ROOT/bench/out/aot-check"
rm -rf "$WORK"
mkdir -p "$WORK"

echo "Building Hub (Release) to compare with $NATIVE" >&2
dotnet build "$ROOT/src/Hub.Cli" -c Release -nologo -v q >"$WORK/dotnet-build.log" 2>&1 || { tail -30 "$WORK/dotnet-build.log" >&2; exit 1; }
MANAGED=(dotnet "$ROOT/src/Hub.Cli/bin/Release/net10.0/hub.dll")

# The site with errors: a copy of input/ with one mistake of each kind.
broken="$WORK/broken/input"
mkdir -p "$WORK/broken"
cp -r "$ROOT/input" "$broken"
sed -i 's|^formula: salesMarketingSpend / newCustomers$|formula: Math.Max(salesMarketingSpend) / newCustomers|' "$broken/kpis/cac.md"
sed -i '0,/^formula: .*/s||formula: System.IO.File.ReadAllText("x").Length|' "$broken/kpis/arr.md"
sed -i '0,/result: [0-9]/s/result: \([0-9]\)/result: 9\1/' "$broken/kpis/ltv.md"
printf '\n[どこにもない](no-such-article.md)\n' >>"$broken/articles/touch-models.md"
printf 'questions: [\n' >>"$broken/catalogues/csm-hiring.yml"
git -C "$ROOT" diff --no-index --stat "$ROOT/input" "$broken" >&2 || true

failed=0
# compare NAME DIR: builds DIR/input with both Hubs (each with no cache, into its own output) and compares.
compare() {
  local name="$1" dir="$2" kind
  for kind in managed native; do
    rm -rf "$dir/.hub-cache"
    local hub=("${MANAGED[@]}")
    [ "$kind" = native ] && hub=("$NATIVE")
    set +e
    (cd "$dir" && CI=1 "${hub[@]}" build --input input --theme "$ROOT/theme" --output "$WORK/$name-$kind" >"$WORK/$name-$kind.log" 2>&1)
    echo "exit $?" >>"$WORK/$name-$kind.log"
    set -e
    # Timings differ from run to run, and so does the name of the output folder.
    sed -i -E 's/ in [0-9]+ ms/ in N ms/; s/'"$name-$kind"'/OUTPUT/g' "$WORK/$name-$kind.log"
  done
  if ! diff -u "$WORK/$name-managed.log" "$WORK/$name-native.log"; then
    echo "FAIL $name: the native Hub printed something else" >&2; failed=1
  elif [ -d "$WORK/$name-managed" ] && ! diff -r -q "$WORK/$name-managed" "$WORK/$name-native" >&2; then
    echo "FAIL $name: the native Hub wrote other files" >&2; failed=1
  else
    echo "ok   $name: $(grep -c . "$WORK/$name-native.log") lines printed alike ($(tail -1 "$WORK/$name-native.log")), output identical" >&2
  fi
}

compare site "$ROOT"
compare broken "$WORK/broken"
grep -q 'error' "$WORK/broken-native.log" || { echo "FAIL broken: no error reported" >&2; failed=1; }
exit "$failed"
