#!/usr/bin/env bash
# Live at monorepo scale (issue 13): the language server over stdio like an editor, and `check` against npm-packlist
# and ripgrep, on generated npm monorepos with a private workspace root. Not part of ./test.sh (minutes).
# Needs: dotnet, node + npm (npm's own npm-packlist and Arborist), rg (apt-get install -y ripgrep), python3.
#   BENCH_SIZES="50 100 200 500 1000 2000"  sizes of the check scaling curve (packages)
#   BENCH_ROUNDS=3                           interleaved rounds of check / npm-packlist / rg per size (medians)
#   BENCH_LSP_SIZES="200 2000"               sizes the protocol benchmark runs on
#   BENCH_LSP_ROUNDS=3 BENCH_TYPING_S=60 BENCH_EDITS=30
#   BENCH_PART=all|check|lsp                 BENCH_DIR=/tmp/hygiene-monorepo-bench BENCH_SEED=2026
#   BENCH_BEFORE=/path/to/hygiene-lsp.dll    an older server to measure in the same rounds (the "before" columns);
#   BENCH_BEFORE_LSP_SIZES="200"             the sizes the protocol benchmark runs it on (the old server needs minutes at 2,000)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${BENCH_SIZES:-50 100 200 500 1000 2000}; ROUNDS=${BENCH_ROUNDS:-3}; DIR=${BENCH_DIR:-/tmp/hygiene-monorepo-bench}
SEED=${BENCH_SEED:-2026}; PART=${BENCH_PART:-all}
LSP_SIZES=${BENCH_LSP_SIZES:-200 2000}; LSP_ROUNDS=${BENCH_LSP_ROUNDS:-3}; TYPING=${BENCH_TYPING_S:-60}; EDITS=${BENCH_EDITS:-30}
command -v rg >/dev/null || { echo "ripgrep missing: apt-get install -y ripgrep" >&2; exit 2; }
dotnet build bench/HygieneLsp.Bench -c Release --nologo -v q >/dev/null
# The server as a platform-specific .vsix ships it: ReadyToRun for this platform (the universal .vsix is IL only).
node client/scripts/publishServer.mjs --ready-to-run >/dev/null
BENCH="dotnet bench/HygieneLsp.Bench/bin/Release/net10.0/HygieneLsp.Bench.dll"
SERVER=server-dist/hygiene-lsp.dll
GEN=$(sha256sum bench/HygieneLsp.Bench/Monorepo/MonorepoGenerator.cs | cut -c1-12)
mkdir -p "$DIR"
tree() { # packages -> folder, generated once per size, seed and generator
  local d="$DIR/mono-$1"
  if [[ ! -f $d/.complete-$SEED-$GEN ]]; then rm -rf "$d"; $BENCH monorepo-gen "$d" "$1" "$SEED" >&2; touch "$d/.complete-$SEED-$GEN"; fi
  echo "$d"
}

if [[ $PART != lsp ]]; then
RESULTS="$DIR/check.tsv"; : > "$RESULTS"
for n in $SIZES; do
  d=$(tree "$n")
  find "$d" -type f -exec cat {} + > /dev/null   # page cache warm for everyone
  for r in $(seq "$ROUNDS"); do
    echo "check scaling: $n packages, round $r/$ROUNDS (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    for tool in check ${BENCH_BEFORE:+check-before} packlist rg rg-j1; do
      case $tool in
        check) cmd=(dotnet "$SERVER" check "$d" --format json) ;;
        check-before) cmd=(dotnet "$BENCH_BEFORE" check "$d" --format json) ;;
        packlist) cmd=(node bench/monorepo/packlist.mjs "$d") ;;
        rg) cmd=(rg -c --no-ignore --hidden -f bench/patterns.txt "$d") ;;
        rg-j1) cmd=(rg -j1 -c --no-ignore --hidden -f bench/patterns.txt "$d") ;;
      esac
      /usr/bin/time -f "%e %U %S %M" -o "$DIR/time" "${cmd[@]}" > "$DIR/out" 2>/dev/null || true
      read -r wall user sys rss < <(tail -n 1 "$DIR/time")
      echo -e "$n\t$tool\t$wall\t$(python3 -c "print($user+$sys)")\t$rss" >> "$RESULTS"
    done
  done
done
python3 - "$RESULTS" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys, statistics, collections
path, cores, load = sys.argv[1], sys.argv[2], sys.argv[3]
rows = collections.defaultdict(list)
for line in open(path):
    n, tool, wall, cpu, rss = line.split("\t")
    rows[(int(n), tool)].append((float(wall), float(cpu), int(rss)))
med = {k: (statistics.median(w for w, _, _ in v), statistics.median(c for _, c, _ in v), max(m for _, _, m in v)) for k, v in rows.items()}
sizes = sorted({n for n, _ in rows})
print(f"\n## check vs npm-packlist and ripgrep ({cores} cores shared, load average {load} at the end, median of {len(next(iter(rows.values())))} interleaved rounds)\n")
before = any(t == "check-before" for _, t in rows)
print("| packages | " + ("check before: wall s / CPU s | " if before else "") + "check wall s | check CPU s | check peak RSS MB | npm-packlist wall s / CPU s | rg wall s | rg -j1 CPU s | check / npm-packlist (wall) | check / npm-packlist (CPU) | check / rg (wall) | check / rg -j1 (CPU) | check ms per package |")
print("|---:|" + ("---:|" if before else "") + "---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    c, p, g, g1, b = med.get((n, "check")), med.get((n, "packlist")), med.get((n, "rg")), med.get((n, "rg-j1")), med.get((n, "check-before"))
    bcol = (f"{b[0]:.2f} / {b[1]:.2f} | " if b else "— | ") if before else ""
    print(f"| {n:,} | {bcol}{c[0]:.2f} | {c[1]:.2f} | {c[2] / 1024:.0f} | {p[0]:.2f} / {p[1]:.2f} | {g[0]:.2f} | {g1[1]:.2f} | {c[0] / p[0]:.2f} | {c[1] / p[1]:.2f} | {c[0] / g[0]:.1f} | {c[1] / max(g1[1], 0.01):.1f} | {1000 * c[0] / n:.1f} |")
PY
fi

if [[ $PART != check ]]; then
for n in $LSP_SIZES; do
  d=$(tree "$n")
  echo "protocol benchmark: $n packages" >&2
  $BENCH lsp "$d" "$SERVER" "$LSP_ROUNDS" "$TYPING" "$EDITS"
  if [[ -n ${BENCH_BEFORE:-} && " ${BENCH_BEFORE_LSP_SIZES:-200} " == *" $n "* ]]; then
    echo "(before: $BENCH_BEFORE)"; $BENCH lsp "$d" "$BENCH_BEFORE" "$LSP_ROUNDS" "$TYPING" "$EDITS"
  fi
done
fi
