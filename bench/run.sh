#!/usr/bin/env bash
# Secret-scanning throughput: HygieneLsp's scanner vs ripgrep (same patterns, bench/patterns.txt) vs secretlint
# (recommended preset, from tests/oracles/node_modules) on generated corpora, interleaved rounds, medians, one table each:
#   synthetic: keyword-dense generated bundles, maps and sources (the stress case, HygieneLsp.Bench gen)
#   real:      esbuild bundles, maps and files of the real packages pinned in bench/corpus-packages (HygieneLsp.Bench gen-real)
# Both carry the same 19 planted secrets. Not part of ./test.sh (minutes). Needs: dotnet, rg (apt-get install -y
# ripgrep), tests/oracles installed (secretlint), npm (bench/corpus-packages is installed on first use), python3.
#   BENCH_CORPUS=synthetic|real|both BENCH_MB=200 BENCH_ROUNDS=3 BENCH_DIR=/tmp/hygiene-bench-corpus BENCH_SEED=2026 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${BENCH_MB:-200}; ROUNDS=${BENCH_ROUNDS:-3}; DIR=${BENCH_DIR:-/tmp/hygiene-bench-corpus}; SEED=${BENCH_SEED:-2026}
CORPUS=${BENCH_CORPUS:-both}
case $CORPUS in synthetic|real|both) ;; *) echo "BENCH_CORPUS must be synthetic, real or both" >&2; exit 2 ;; esac
SECRETLINT=tests/oracles/node_modules/.bin/secretlint
command -v rg >/dev/null || { echo "ripgrep missing: apt-get install -y ripgrep" >&2; exit 2; }
[[ -x $SECRETLINT ]] || { echo "secretlint missing: (cd tests/oracles && npm ci)" >&2; exit 2; }
dotnet build bench/HygieneLsp.Bench -c Release --nologo -v q >/dev/null
dotnet build server/HygieneLsp.Server -c Release --nologo -v q >/dev/null
BENCH="dotnet bench/HygieneLsp.Bench/bin/Release/net10.0/HygieneLsp.Bench.dll"
CLI="dotnet server/HygieneLsp.Server/bin/Release/net10.0/hygiene-lsp.dll"
mkdir -p "$DIR"
echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$DIR/.secretlintrc.json"
if [[ $CORPUS != real && ! -f $DIR/.complete-$MB-$SEED ]]; then
  rm -rf "$DIR/corpus" "$DIR"/.complete-[0-9]*; $BENCH gen "$DIR/corpus" "$MB" "$SEED"; touch "$DIR/.complete-$MB-$SEED"
fi
# The real corpus is built from the installed packages by the generator: a new lock file or generator, a new corpus.
if [[ $CORPUS != synthetic && ( ! -d bench/corpus-packages/node_modules || bench/corpus-packages/package-lock.json -nt bench/corpus-packages/node_modules/.package-lock.json ) ]]; then
  # npm install, not npm ci: the lock names other platforms' optional packages the registry mirror may lack.
  (cd bench/corpus-packages && npm install --no-audit --no-fund --loglevel=error) || exit 2
fi
LOCK=$(cat bench/corpus-packages/package-lock.json bench/HygieneLsp.Bench/CorpusGenerator.cs bench/HygieneLsp.Bench/RealCorpus/*.cs | sha256sum | cut -c1-12)
if [[ $CORPUS != synthetic && ! -f $DIR/.complete-real-$MB-$SEED-$LOCK ]]; then
  echo "bundling the real corpus (about a minute)" >&2
  rm -rf "$DIR/real-corpus" "$DIR"/.complete-real-*
  $BENCH gen-real "$DIR/real-corpus" "$MB" "$SEED" > "$DIR/real-corpus.txt"
  touch "$DIR/.complete-real-$MB-$SEED-$LOCK"
fi
[[ $CORPUS != synthetic ]] && echo "real corpus composition, failed builds and planted secrets: $DIR/real-corpus.txt" >&2

bench_corpus() { # title, corpus folder: interleaved rounds of every tool, then the table
local TITLE=$1 C=$2
BYTES=$(find "$C" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
NOMAP_BYTES=$(find "$C" -type f ! -name '*.map' -printf '%s\n' | awk '{s+=$1} END {print s}')
FILES=$(find "$C" -type f | wc -l)
find "$C" -type f -exec cat {} + > /dev/null   # page cache warm for everyone
RESULTS="$DIR/results.tsv"; : > "$RESULTS"
measure() { # name, command...; appends "name wall cpu findings"
  local name=$1; shift
  local out; out=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$out.time" "$@" > "$out" 2>/dev/null || true
  local findings
  case $name in
    hygiene-lsp*) findings=$(grep -c '"ruleId": "secrets/' "$out" || true) ;;   # secrets findings only: the CLI runs every rule
    hygiene*) findings=$(sed -n 's/.* \([0-9]*\) findings$/\1/p' "$out" | head -1) ;;
    rg*) findings=$(awk -F: '{s+=$NF} END {print s+0}' "$out") ;;
    secretlint) findings=$(grep -c '^/' "$out" || true) ;;   # one line per problem, then a summary
  esac
  read -r wall user sys < <(tail -n 1 "$out.time")   # GNU time prefixes "Command exited with non-zero status" on failure
  echo -e "$name\t$wall\t$(python3 -c "print($user+$sys)")\t$findings" >> "$RESULTS"
  rm -f "$out" "$out.time"
}
for r in $(seq "$ROUNDS"); do
  echo "$TITLE: round $r/$ROUNDS" >&2
  measure "hygiene (1 thread)" $BENCH scan "$C" 1
  measure "hygiene (2 threads)" $BENCH scan "$C" 2
  # The product as CI runs it: process start, workspace walk, ship sets and every rule, secrets on every file.
  measure "hygiene-lsp check (CLI, every rule)" $CLI check "$C" --secrets-everywhere --format json
  measure "rg -j1" rg -j1 -c --no-ignore --hidden -f bench/patterns.txt "$C"
  measure "rg (all cores)" rg -c --no-ignore --hidden -f bench/patterns.txt "$C"
  # Like for like: without .map files, which hygiene parses as JSON (to report the original file and line) and rg reads as text.
  measure "hygiene (1 thread), no .map" $BENCH scan "$C" 1 no-maps
  measure "rg -j1, no .map" rg -j1 -c --no-ignore --hidden -g '!*.map' -f bench/patterns.txt "$C"
  measure secretlint "$SECRETLINT" --secretlintrc "$DIR/.secretlintrc.json" --format unix --maskSecrets "$C/**/*"
done
python3 - "$RESULTS" "$BYTES" "$FILES" "$(nproc)" "$NOMAP_BYTES" "$TITLE" <<'PY'
import sys, statistics, collections
path, size, files, cores, nomap, title = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
rows = collections.OrderedDict()
for line in open(path):
    name, wall, cpu, found = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((float(wall), float(cpu), found))
mb = size / 1e6
print(f"\n## {title}")
print(f"\nCorpus: {files} files, {mb:.1f} MB; {cores} cores (shared); median of {len(next(iter(rows.values())))} interleaved rounds.\n")
print("| tool | wall s | MB/s (wall) | CPU s | MB/s (CPU) | findings |")
print("|---|---:|---:|---:|---:|---:|")
med = {}
for name, rs in rows.items():
    w = statistics.median(r[0] for r in rs); c = statistics.median(r[1] for r in rs)
    med[name] = (w, c)
    m = nomap / 1e6 if "no .map" in name else mb
    print(f"| {name} | {w:.2f} | {m / w:.1f} | {c:.2f} | {m / c:.1f} | {rs[0][2]} |")
h, g, s = med.get("hygiene (1 thread)"), med.get("rg -j1"), med.get("secretlint")
if h and g: print(f"\nhygiene (1 thread) vs rg -j1: {h[0] / g[0]:.2f}x the wall time, {h[1] / g[1]:.2f}x the CPU time")
hn, gn = med.get("hygiene (1 thread), no .map"), med.get("rg -j1, no .map")
if hn and gn: print(f"without .map files: hygiene {hn[0] / gn[0]:.2f}x rg's wall time, {hn[1] / gn[1]:.2f}x its CPU time")
if h and s: print(f"secretlint vs hygiene (1 thread): {s[0] / h[0]:.1f}x the wall time, {s[1] / h[1]:.1f}x the CPU time")
h2, cli = med.get("hygiene (2 threads)"), med.get("hygiene-lsp check (CLI, every rule)")
if h2 and s: print(f"secretlint vs hygiene (2 threads): {s[0] / h2[0]:.1f}x the wall time")
if cli and s: print(f"secretlint vs hygiene-lsp check (CLI, every rule): {s[0] / cli[0]:.1f}x the wall time, {s[1] / cli[1]:.1f}x the CPU time")
PY
}
[[ $CORPUS != real ]] && bench_corpus "synthetic corpus (stress case: keyword-dense generated bundles)" "$DIR/corpus"
[[ $CORPUS != synthetic ]] && bench_corpus "real corpus (esbuild bundles, maps and files of the packages pinned in bench/corpus-packages)" "$DIR/real-corpus"
exit 0
