#!/usr/bin/env bash
# Re-runs the study: `hygiene-lsp check` on every repository folder under REPOS (checked out at the commits of
# repos.tsv, e.g. with `git archive`), one JSON per repository into OUT, then prints findings by rule and severity.
# usage: tests/real-world/rerun.sh REPOS OUT [path/to/hygiene-lsp.dll]
set -euo pipefail
repos=${1:?folder of checked-out repositories}
out=${2:?folder for the JSON results}
dll=${3:-$(dirname "$0")/../../server/HygieneLsp.Server/bin/Release/net10.0/hygiene-lsp.dll}
mkdir -p "$out"
for dir in "$repos"/*/; do
  name=$(basename "$dir")
  dotnet "$dll" check "$dir" --format json > "$out/$name.json" 2>/dev/null || true
done
node -e '
const fs = require("fs"), path = require("path");
const out = process.argv[1], by = {};
let total = 0, repos = 0;
for (const f of fs.readdirSync(out).filter(f => f.endsWith(".json"))) {
  let j; try { j = JSON.parse(fs.readFileSync(path.join(out, f), "utf8")); } catch { continue; }
  repos++;
  for (const x of j.findings) { total++; const k = x.ruleId + " " + x.severity; by[k] = (by[k] || 0) + 1; }
}
console.log(`${repos} repositories, ${total} findings`);
for (const [k, v] of Object.entries(by).sort()) console.log(`  ${k}: ${v}`);
' "$out"
