#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server + headless Chromium).
# Installs code-server/Chromium/playwright-core once (minutes, cached under ~/.cache/hygiene-e2e), installs the root
# npm devDependencies, builds the .vsix (server + client) and runs tests/e2e/run.mjs. Exits non-zero on failure.
# Runtime: about 1.5 min when the tools are cached (package ~35 s, code-server + scenario ~45 s); first install ~5 min.
# Options are passed on to run.mjs: --fake-server (client-only, no C# server), --keep (keep the temp workspace).
# Env: HYGIENE_E2E_FINDINGS=tsconfig-sourcemap,webpack-devtool picks the expected findings (tests/e2e/expectations.mjs).
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
installer=${HYGIENE_INSTALL_CODE_SERVER:-}
for candidate in ../shared/tools/install-code-server.sh tools/install-code-server.sh /work/shared/tools/install-code-server.sh; do
  [[ -z $installer && -x $candidate ]] && installer=$candidate
done
[[ -n $installer ]] || { echo "e2e: install-code-server.sh not found (set HYGIENE_INSTALL_CODE_SERVER)" >&2; exit 2; }
env_lines=$("$installer")
eval "$env_lines"
if [[ ! -x node_modules/.bin/esbuild || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node client/scripts/package.mjs --out "$work/hygiene-lsp-e2e.vsix" >/dev/null
node tests/e2e/run.mjs --vsix "$work/hygiene-lsp-e2e.vsix" "$@"
echo "e2e: finished in $((SECONDS - start)) s"
